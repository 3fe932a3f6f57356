// SQLSummaryQuery: builds the aggregate queries of a pushed-down summary over one table and its filter. Every
// query reads the rows through `WITH drift_rows AS (SELECT * FROM table WHERE filter)`, so the filter's own
// placeholders come first in the text and in the parameter list (`?` and `$1 …` alike keep their meaning),
// and the builder's values are bound after them, never spliced into the SQL (SQLite's are numbered, `?7`, so
// they may appear in any order). A chunked query adds each row's chunk as the column `drift_chunk` (an
// integer, spliced: it is built from a quoted column name and integers only). Only standard SQL is used:
// count, count(col), min, max, avg, sum, CASE, floor, GROUP BY, row_number() OVER and CAST(… AS the dialect's double),
// and the dialect's way to turn one row into several.

struct SQLSummaryQuery {
    let dialect: SQLDialect
    private let rows: String
    private(set) var parameters: [SQLValue]

    init(dialect: SQLDialect, table: SQLTableName, filter: String?, parameters: [SQLValue], chunk: String? = nil) {
        self.dialect = dialect
        let condition = filter.map { " WHERE (\($0))" } ?? ""
        let chunkColumn = chunk.map { ", \($0) AS drift_chunk" } ?? ""
        rows = "WITH drift_rows AS (SELECT *\(chunkColumn) FROM \(table.quoted(dialect))\(condition))"
        self.parameters = parameters
    }

    /// A placeholder for `value`, bound after the values before it: bind in the order the placeholders appear
    /// in the text (SQLite's `?` are numbered by position).
    mutating func bind(_ value: SQLValue) -> String {
        parameters.append(value)
        return dialect.placeholder(parameters.count - 1)
    }

    /// A double bound as such (a whole number too), so comparisons and arithmetic stay in doubles.
    mutating func bind(_ number: Double) -> String { bind(.real(number)) }

    /// The statement selecting `fields` (named f0, f1 …, as some engines refuse equal result names).
    func sql(_ fields: [String], where condition: String? = nil, groupBy: String? = nil, limit: Int? = nil) -> String {
        sql(fields.enumerated().map { "\($1) AS f\($0)" }.joined(separator: ", "), where: condition, groupBy: groupBy, limit: limit)
    }

    /// The statement selecting `select` from the filtered rows.
    func sql(_ select: String, where condition: String? = nil, groupBy: String? = nil, limit: Int? = nil) -> String {
        from("drift_rows", select: select, where: condition, groupBy: groupBy, limit: limit)
    }

    /// The statement selecting `select` from `table`, a derived table over the filtered rows.
    func from(_ table: String, select: String, where condition: String? = nil, groupBy: String? = nil, limit: Int? = nil) -> String {
        var text = "\(rows) SELECT \(select) FROM \(table)"
        if let condition { text += " WHERE \(condition)" }
        if let groupBy { text += " GROUP BY \(groupBy)" }
        if let limit { text += " LIMIT \(limit)" }
        return text
    }
}
