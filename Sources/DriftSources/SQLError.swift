// SQLError: a database could not be reached, refused the credentials, rejected a query, or returned
// something Drift cannot represent. The message says which, with the server's own words where it has them.
import Foundation

public struct SQLError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// A rejected query: the database's message followed by the query itself (its first 300 characters).
    public static func query(_ reason: String, sql: String) -> SQLError {
        SQLError("\(reason)\(queryLine(sql))")
    }

    /// The error with the query Drift ran (`run`) shown as the script wrote it (`written`).
    func showing(_ written: String, insteadOf run: String) -> SQLError {
        SQLError(message.replacingOccurrences(of: Self.queryLine(run), with: Self.queryLine(written)))
    }

    private static func queryLine(_ sql: String) -> String {
        "\n  in query: " + (sql.count > 300 ? sql.prefix(300) + " …" : Substring(sql))
    }
}
