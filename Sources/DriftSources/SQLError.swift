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

    /// The error with the query Drift ran (`run`) shown as the script wrote it (`written`), which `run` holds from
    /// its line `1 + linesBefore` on: a position the server gives as "line N pos M" or "(line N, pos M)" (Spark's
    /// forms) is moved up as many lines, and one past its last line (the end of what Drift wrapped it in) is its end.
    func showing(_ written: String, insteadOf run: String, linesBefore: Int) -> SQLError {
        let text = message.replacingOccurrences(of: Self.queryLine(run), with: Self.queryLine(written))
        let position = /line (\d+)(,? pos \d+)/
        let lines = written.split(separator: "\n", omittingEmptySubsequences: false).count
        return SQLError(text.replacing(position) { match in
            guard let line = Int(match.output.1), line > linesBefore else { return String(match.output.0) }
            return line - linesBefore > lines ? "the end of the query" : "line \(line - linesBefore)\(match.output.2)"
        })
    }

    private static func queryLine(_ sql: String) -> String {
        "\n  in query: " + (sql.count > 300 ? sql.prefix(300) + " …" : Substring(sql))
    }
}
