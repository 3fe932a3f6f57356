// PostgresErrors: PostgresNIO's errors (which hide their details from `description` on purpose) turned into
// messages for the person running the script: the server's message, detail and hint, and what to check.
import NIOCore
import NIOPosix
import PostgresNIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PostgresDatabase {
    /// Why connecting failed: no server listening, credentials refused, no such database, TLS trouble.
    static func connectionFailure(_ error: any Error, _ endpoint: PostgresEndpoint) -> SQLError {
        let place = "PostgreSQL at \(endpoint)"
        guard let error = error as? PSQLError else { return SQLError("cannot connect to \(place): \(error)") }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let reason = serverMessage(error)
            if state.hasPrefix("28") {
                return SQLError("\(place) refused the credentials: \(reason)")
            }
            return SQLError("cannot connect to \(place): \(reason)")
        case .authMechanismRequiresPassword:
            return SQLError("\(place) asks for a password: put it in the URL (postgres://user:password@host/db) or set PGPASSWORD")
        case .sslUnsupported:
            return SQLError("\(place) does not offer TLS, which sslmode=\(endpoint.sslMode.rawValue) requires")
        case .connectionError:
            let reason = error.underlying.map(networkReason) ?? "connection failed"
            return SQLError("cannot connect to \(place): \(reason) (is the server running and accepting connections there?)")
        default:
            return SQLError("cannot connect to \(place): \(String(reflecting: error))")
        }
    }

    /// A network failure in a few words: "connection refused", "cannot resolve host name 'x'", "timed out".
    private static func networkReason(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let failure = error.connectionErrors.first { return networkReason(failure.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve host name '\(error.host)'" }
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? ChannelError, case .connectTimeout = error { return "timed out" }
        return "\(error)"
    }

    /// Why a statement failed: the server's message with the query, or a connection that broke.
    static func queryFailure(_ error: any Error, sql: String) -> any Error {
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server: return SQLError.query("PostgreSQL: \(serverMessage(error))", sql: sql)
        case .serverClosedConnection, .clientClosedConnection, .connectionError:
            return SQLError.query("the connection to PostgreSQL was lost", sql: sql)
        default: return SQLError.query("PostgreSQL: \(String(reflecting: error))", sql: sql)
        }
    }

    /// "message (DETAIL: … HINT: …)".
    private static func serverMessage(_ error: PSQLError) -> String {
        var text = error.serverInfo?[.message] ?? "unknown error"
        if let detail = error.serverInfo?[.detail] { text += "; \(detail)" }
        if let hint = error.serverInfo?[.hint] { text += " (hint: \(hint))" }
        return text
    }
}
