// PostgresEndpoint: the complete connection settings, from the URL first, then the standard PG* environment
// variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, PGSSLMODE), then libpq's defaults. The
// environment is read only through `FileAccess.environment`, which a safe mode can deny.
import DriftCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct PostgresEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// libpq's sslmode values. disable/allow/prefer connect without TLS when the server offers none; require
    /// insists on TLS without checking the certificate; verify-ca and verify-full check it.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    /// A host name or address, or (starting with "/") the directory holding the server's Unix socket.
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode

    public init(_ url: PostgresURL, environment: (String) -> String? = FileAccess.environment) throws(SQLError) {
        func setting(_ name: String) -> String? { environment(name).flatMap { $0.isEmpty ? nil : $0 } }
        host = url.host ?? setting("PGHOST") ?? "localhost"
        if let port = url.port {
            self.port = port
        } else if let text = setting("PGPORT") {
            guard let number = Int(text), (1...65535).contains(number) else { throw SQLError("PGPORT '\(text)' is not a port number") }
            self.port = number
        } else {
            self.port = 5432
        }
        guard let user = url.user ?? setting("PGUSER") ?? Self.systemUserName() else {
            throw SQLError("no PostgreSQL user: put one in the URL (postgres://user@host/database) or set PGUSER")
        }
        self.user = user
        password = url.password ?? setting("PGPASSWORD")
        database = url.database ?? setting("PGDATABASE") ?? user
        let mode = url.sslMode ?? setting("PGSSLMODE") ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw SQLError("unknown sslmode '\(mode)'; use one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.sslMode = sslMode
    }

    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The socket file libpq would use for a socket directory: `<dir>/.s.PGSQL.<port>`.
    var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// `user@host:port/database`, never the password.
    public var description: String { "\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)" }

    /// The name of the user running Drift, libpq's default for the user and the database.
    private static func systemUserName() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }
}
