// SQLRowLimit: read_sql's safeguard against a query that returns more rows than a script means to hold, on a
// database server. A query (one starting with SELECT, WITH, VALUES, TABLE, FROM or a parenthesis, after any
// comments) is wrapped as `SELECT * FROM (⏎query⏎) AS drift_limited LIMIT n`, so the server stops after n rows (on
// Spark, the job stops there); any other statement (SHOW, EXPLAIN …, whose results are small) runs as written.
// SQLite, which computes rows as they are read, stops reading instead (SQLiteDatabase). Either way SQLSource
// counts the rows that come back, and more than the limit is an error.
import DriftCore
import Foundation

enum SQLRowLimit {
    private static let queryKeywords: Set<String> = ["select", "with", "values", "table", "from"]

    /// `sql` returning at most `rows` rows: wrapped in a LIMIT when it is a query, else as it is.
    static func limited(_ sql: String, rows: Int) -> String {
        let (first, end) = significantBounds(sql)
        let start = sql[first..<max(first, end)]
        let keyword = start.prefix { $0.isLetter }.lowercased()
        guard start.hasPrefix("(") || queryKeywords.contains(keyword) else { return sql }
        // The statement starts a line of its own, so a position the server reports within a line stays right.
        return "SELECT * FROM (\n\(sql[..<end])\n) AS drift_limited LIMIT \(rows)"
    }

    /// Where the statement's first token starts and its last token ends: the leading and trailing white space,
    /// comments (`-- …` lines, `/* … */` blocks) and semicolons are outside. Quoted text ('…', "…", `…`) is skipped
    /// whole, so a `--` or `;` inside it is part of the statement.
    private static func significantBounds(_ sql: String) -> (first: String.Index, end: String.Index) {
        var first: String.Index?, end = sql.startIndex, index = sql.startIndex
        while index < sql.endIndex {
            let rest = sql[index...], character = sql[index]
            if rest.hasPrefix("--") {
                index = rest.firstIndex(of: "\n") ?? sql.endIndex
            } else if rest.hasPrefix("/*") {
                index = rest.range(of: "*/")?.upperBound ?? sql.endIndex
            } else if character == "'" || character == "\"" || character == "`" {
                let close = rest.dropFirst().firstIndex(of: character)
                first = first ?? index
                index = close.map { sql.index(after: $0) } ?? sql.endIndex
                end = index
            } else {
                let position = index
                index = sql.index(after: index)
                guard !character.isWhitespace else { continue }
                first = first ?? position
                if character != ";" { end = index }
            }
        }
        return (first ?? sql.endIndex, end)
    }

    /// The error for a query that returned more than `limit` rows.
    static func tooManyRows(_ limit: Int) -> SQLError {
        let shown = limit.formatted(.number.locale(Locale(identifier: "en_US")))
        return SQLError("the query returned more than \(shown) rows; pass max_rows: (a larger number, or null for no limit) or summarise the table with table(...) instead")
    }
}

extension SQLDatabase {
    /// A server runs `sql` wrapped in a LIMIT (a rejected query is shown as written).
    public func query(_ sql: String, parameters: [SQLValue], rowLimit: Int) throws -> DataFrame {
        let limited = SQLRowLimit.limited(sql, rows: rowLimit)
        do {
            return try query(limited, parameters: parameters)
        } catch let error as SQLError {
            throw error.showing(sql, insteadOf: limited, linesBefore: limited == sql ? 0 : 1)
        }
    }
}
