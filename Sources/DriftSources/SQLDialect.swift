// SQLDialect: what differs between the SQL engines Drift talks to: parameter placeholders and the column
// types a data frame is stored as, and (for SQLite, whose columns may hold values of any type) how to count a
// column's values by storage type, so a pushed-down summary types a column as read_sql would. Identifiers are quoted the standard way ("name", "" for a quote).
import DriftCore

struct SQLDialect: Sendable {
    let name: String
    let numericType: String
    let textType: String
    let booleanType: String
    /// The column type of dates, datetimes and durations.
    let timeType: @Sendable (TimeKind) -> String
    /// A placeholder bound to a time's text, cast where the engine needs it.
    let timeParameter: @Sendable (String, TimeKind) -> String
    /// The placeholder of the parameter at a zero-based position.
    let placeholder: @Sendable (Int) -> String
    /// The most parameters one statement may bind.
    let maximumParameters: Int
    /// For dynamically typed engines: conditions that a value of the (quoted) column is text, and that it is a
    /// number other than the integers 0 and 1 (which a boolean column may hold). nil where the declared type
    /// settles the values' type.
    let valueTypeConditions: (@Sendable (String) -> (text: String, nonFlagNumber: String))?

    static let sqlite = SQLDialect(
        name: "SQLite", numericType: "REAL", textType: "TEXT", booleanType: "BOOLEAN",
        timeType: { ["date": "DATE", "datetime": "TIMESTAMP", "duration": "TEXT"][$0.rawValue] ?? "TEXT" },
        timeParameter: { placeholder, _ in placeholder },
        placeholder: { _ in "?" }, maximumParameters: 32_766,
        valueTypeConditions: { column in
            ("typeof(\(column)) = 'text'", "(typeof(\(column)) = 'real' OR (typeof(\(column)) = 'integer' AND \(column) NOT IN (0, 1)))")
        })

    static let postgres = SQLDialect(
        name: "PostgreSQL", numericType: "double precision", textType: "text", booleanType: "boolean",
        timeType: postgresTimeType, timeParameter: { "\($0)::\(postgresTimeType($1))" },
        placeholder: { "$\($0 + 1)" }, maximumParameters: 65_535, valueTypeConditions: nil)

    private static let postgresTimeType: @Sendable (TimeKind) -> String = { kind in
        switch kind {
        case .date: "date"
        case .datetime: "timestamptz"
        case .duration: "interval"
        }
    }

    /// `"name"`, with any quote in the name doubled.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
