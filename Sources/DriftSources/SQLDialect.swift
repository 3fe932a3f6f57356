// SQLDialect: what differs between the SQL engines Drift talks to: parameter placeholders and the column
// types a data frame is stored as. Identifiers are quoted the standard way ("name", "" for a quote).

struct SQLDialect: Sendable {
    let name: String
    let numericType: String
    let textType: String
    let booleanType: String
    /// The placeholder of the parameter at a zero-based position.
    let placeholder: @Sendable (Int) -> String
    /// The most parameters one statement may bind.
    let maximumParameters: Int

    static let sqlite = SQLDialect(
        name: "SQLite", numericType: "REAL", textType: "TEXT", booleanType: "BOOLEAN",
        placeholder: { _ in "?" }, maximumParameters: 32_766)

    static let postgres = SQLDialect(
        name: "PostgreSQL", numericType: "double precision", textType: "text", booleanType: "boolean",
        placeholder: { "$\($0 + 1)" }, maximumParameters: 65_535)

    /// `"name"`, with any quote in the name doubled.
    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
