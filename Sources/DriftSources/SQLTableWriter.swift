// SQLTableWriter: stores a data frame as a table, in one transaction: `replace` drops and recreates the table,
// `append` creates it if missing and adds the rows. Numbers are stored as the dialect's double type (NaN as
// NULL), strings as text, booleans as the dialect's boolean type, dates, datetimes and durations as its date,
// timestamp and interval types (bound as ISO text, which PostgreSQL casts and SQLite keeps); rows go in as
// bound parameters, many rows per INSERT.
import DriftCore

public enum SQLWriteMode: String, Sendable, CaseIterable {
    case replace, append
}

public enum SQLTableWriter {
    /// Rows per INSERT statement (fewer when the frame is wide, to stay under the parameter limit).
    static let rowsPerInsert = 500

    public static func write(_ frame: DataFrame, to url: DatabaseURL, table: String, mode: SQLWriteMode) throws {
        let name = try SQLTableName(table)
        guard frame.columnCount > 0 else { throw SQLError("cannot write a dataframe with no columns to table '\(table)'") }
        try url.withDatabase { database in
            let dialect = database.dialect
            let columns = zip(frame.names, frame.columns).map { name, column in
                "\(dialect.quoted(name)) \(columnType(column, dialect))"
            }
            try database.transaction { runner in
                if mode == .replace { try runner.execute("DROP TABLE IF EXISTS \(name.quoted(dialect))") }
                try runner.execute("CREATE TABLE IF NOT EXISTS \(name.quoted(dialect)) (\(columns.joined(separator: ", ")))")
                let batch = max(1, min(rowsPerInsert, dialect.maximumParameters / frame.columnCount))
                let full = frame.rowCount / batch * batch
                if full > 0 {
                    let starts = stride(from: 0, to: full, by: batch)
                    try runner.run(insert(frame, into: name, rows: batch, dialect),
                                   rows: starts.lazy.map { values(frame, rows: $0..<($0 + batch)) })
                }
                if full < frame.rowCount {
                    try runner.run(insert(frame, into: name, rows: frame.rowCount - full, dialect),
                                   rows: [values(frame, rows: full..<frame.rowCount)])
                }
            }
        }
    }

    private static func columnType(_ column: Column, _ dialect: SQLDialect) -> String {
        switch column {
        case .numeric: dialect.numericType
        case .text: dialect.textType
        case .boolean: dialect.booleanType
        case .time(let column): dialect.timeType(column.kind)
        }
    }

    /// `INSERT INTO t ("a", "b") VALUES (?, ?), (?, ?) …` for `rows` rows.
    private static func insert(_ frame: DataFrame, into table: SQLTableName, rows: Int, _ dialect: SQLDialect) -> String {
        let width = frame.columnCount
        let timeKinds = frame.columns.map { column -> TimeKind? in
            if case .time(let times) = column { return times.kind }
            return nil
        }
        let tuples = (0..<rows).map { row in
            "(" + (0..<width).map { column in
                let placeholder = dialect.placeholder(row * width + column)
                return timeKinds[column].map { dialect.timeParameter(placeholder, $0) } ?? placeholder
            }.joined(separator: ", ") + ")"
        }
        let names = frame.names.map(dialect.quoted).joined(separator: ", ")
        return "INSERT INTO \(table.quoted(dialect)) (\(names)) VALUES \(tuples.joined(separator: ", "))"
    }

    /// The parameters for `rows`, row by row.
    private static func values(_ frame: DataFrame, rows: Range<Int>) -> [SQLValue] {
        var result: [SQLValue] = []
        result.reserveCapacity(rows.count * frame.columnCount)
        for row in rows {
            for column in frame.columns {
                switch column {
                case .numeric(let numbers):
                    let value = numbers.values[row]
                    result.append(value.isNaN ? .null : .real(value))
                case .text(let text):
                    result.append(text[row].map(SQLValue.text) ?? .null)
                case .boolean(let flags):
                    result.append(flags[row].map(SQLValue.boolean) ?? .null)
                case .time(let times):
                    result.append(times[row].map { .text(dialectNeutralText($0)) } ?? .null)
                }
            }
        }
        return result
    }
}

/// A time as text both engines take: ISO 8601 for instants, whole microseconds for a duration (PostgreSQL's
/// interval input reads `90000000 microseconds`; SQLite keeps the text).
private func dialectNeutralText(_ time: TimeValue) -> String {
    time.kind == .duration ? "\(time.micros) microseconds" : ISOTime.text(time)
}

/// A table name as a script writes it, `table` or `schema.table`, quoted part by part.
struct SQLTableName: Sendable {
    let parts: [String]
    /// For files the engine reads itself (Spark's `parquet.`path``): their format; `parts` is then the path.
    private var filesFormat: String?

    init(files path: String, format: String) {
        parts = [path]
        filesFormat = format
    }

    init(_ text: String) throws(SQLError) {
        parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.count <= 2, !parts.contains(where: \.isEmpty) else {
            throw SQLError("invalid table name '\(text)'; write table or schema.table")
        }
    }

    func quoted(_ dialect: SQLDialect) -> String {
        (filesFormat.map { "\($0)." } ?? "") + parts.map(dialect.quoted).joined(separator: ".")
    }
}
