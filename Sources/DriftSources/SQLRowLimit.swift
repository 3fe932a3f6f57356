// SQLRowLimit: read_sql's safeguard against a query that returns more rows than a script means to hold, on a
// database server. A query (one starting with SELECT, WITH, VALUES, TABLE, FROM or a parenthesis, after any
// comments) is wrapped as `SELECT * FROM (query) AS drift_limited LIMIT n`, so the server stops after n rows (on
// Spark, the job stops there); any other statement (SHOW, EXPLAIN …, whose results are small) runs as written.
// SQLite, which computes rows as they are read, stops reading instead (SQLiteDatabase). Either way SQLSource
// counts the rows that come back, and more than the limit is an error.
import DriftCore
import Foundation

enum SQLRowLimit {
    private static let queryKeywords: Set<String> = ["select", "with", "values", "table", "from"]

    /// `sql` returning at most `rows` rows: wrapped in a LIMIT when it is a query, else as it is.
    static func limited(_ sql: String, rows: Int) -> String {
        let statement = withoutEnding(sql)
        let start = statementStart(statement)
        let keyword = start.prefix { $0.isLetter }.lowercased()
        guard start.hasPrefix("(") || queryKeywords.contains(keyword) else { return sql }
        return "SELECT * FROM (\(statement)) AS drift_limited LIMIT \(rows)"
    }

    /// The statement after its leading comments (`-- …` lines and `/* … */` blocks) and white space.
    private static func statementStart(_ sql: Substring) -> Substring {
        var text = sql
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("--") {
                text = text.drop { $0 != "\n" }
            } else if text.hasPrefix("/*"), let end = text.range(of: "*/") {
                text = text[end.upperBound...]
            } else {
                return text
            }
        }
    }

    /// The statement up to its last token: without the white space, comments and semicolons that end it. Quoted
    /// text ('…', "…", `…`) is skipped whole, so a `--` or `;` inside it stays.
    private static func withoutEnding(_ sql: String) -> Substring {
        var end = sql.startIndex, index = sql.startIndex
        while index < sql.endIndex {
            let rest = sql[index...], character = sql[index]
            if rest.hasPrefix("--") {
                index = rest.firstIndex(of: "\n") ?? sql.endIndex
            } else if rest.hasPrefix("/*") {
                index = rest.range(of: "*/")?.upperBound ?? sql.endIndex
            } else if character == "'" || character == "\"" || character == "`" {
                let close = rest.dropFirst().firstIndex(of: character)
                index = close.map { sql.index(after: $0) } ?? sql.endIndex
                end = index
            } else {
                index = sql.index(after: index)
                if !character.isWhitespace && character != ";" { end = index }
            }
        }
        return sql[..<end]
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
            throw error.showing(sql, insteadOf: limited)
        }
    }
}
