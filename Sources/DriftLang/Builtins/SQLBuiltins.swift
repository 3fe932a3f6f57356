// SQL builtins: read_sql, write_sql and the pushed-down lazy source table(), thin bindings to DriftSources (SQLite
// files and PostgreSQL servers) and DriftSpark (Spark Connect servers).
import DriftCore
import DriftSources
import DriftSpark

let sqlBuiltins: [Builtin] = [
    Builtin(
        "read_sql(url, query, params: [], max_rows: 1000000)",
        doc: """
        Runs a query against a database and returns its rows as a dataframe. url is sqlite:path/to/file.db or \
        postgres://user:password@host:port/database (missing parts come from PGHOST, PGPORT, PGUSER, PGPASSWORD, \
        PGDATABASE) or spark://host:port (a Spark Connect server, which runs the query). params fill the query's \
        placeholders (? for SQLite, $1, $2 … for PostgreSQL, :p1, :p2 … for Spark) and are bound by the driver, \
        never pasted into the SQL. Integer, float and numeric columns become numbers (NULL is \
        missing), text columns strings, boolean columns booleans, dates and timestamps ISO-8601 strings. \
        At most max_rows rows come back (null: no limit): a query is limited to one row more, and more rows is an \
        error that suggests table(), whose summaries run in the database. A Spark session is opened once per URL \
        and kept for the session.
        """,
        example: #"let march = read_sql("sqlite:examples/data/predictions.db", "select * from predictions where ts >= ?", params: ["2024-03-01"])"#
    ) { arguments, interpreter in
        let maxRows = arguments.optional(nil, "max_rows").map(\.isNull) == true ? nil
            : try arguments.integer(nil, "max_rows", default: SQLSource.defaultMaxRows, in: 1...Int(Int32.max))
        let source = SQLSource(url: try databaseURL(arguments), query: try arguments.string(1, "query"), parameters: try sqlParameters(arguments),
                               maxRows: maxRows, connections: interpreter.databases)
        return .frame(try source.load())
    },
    Builtin(
        "write_sql(df, url, table, mode: \"replace\")",
        doc: """
        Writes a dataframe to a database table in one transaction. mode "replace" drops and recreates the table; \
        "append" creates it if missing and adds the rows. Numbers are stored as REAL / double precision (missing \
        as NULL), strings as text, booleans as BOOLEAN. table may be schema.table.
        """,
        example: #"write_sql(with_column(current, "score", predict_proba(m, current)), "sqlite:scored.db", "applications", mode: "append")"#
    ) { arguments, _ in
        let modeName = try arguments.string(nil, "mode", default: "replace")
        guard let mode = SQLWriteMode(rawValue: modeName) else {
            throw BuiltinError("mode must be \"replace\" or \"append\", got \"\(modeName)\"")
        }
        try SQLTableWriter.write(try arguments.frame(0, "df"), to: try databaseURL(arguments, at: 1),
                                 table: try arguments.string(2, "table"), mode: mode)
        return .null
    },
    Builtin(
        "table(url, table, where: \"\", params: [], order_by: null, parquet: null)",
        doc: """
        A lazy source over a database table (table or schema.table), like scan_csv but pushed down: the \
        statistics, histograms and drift tests of its columns (and drift_report between two such sources) are \
        computed by SQL aggregates in the database (count, count(col), min, max, avg, a two-pass variance, \
        GROUP BY for categories, floor over a power-of-two grid for the fine histogram, CASE counts between \
        edges) and only those small results come back. where: is a SQL condition on the rows (two time \
        windows of one table, say) whose placeholders params fill, bound by the driver, never pasted. \
        Quantiles are exact while a column has at most 8192 values, else within the rank_error of a sketch \
        built from the fine histogram. order_by: a column that orders the rows, for monitor's chunks of rows \
        (monitor on two tables runs per chunk in the database). On a Spark URL, parquet: a path or glob of \
        Parquet files (read by Spark) takes the place of table. Tested on SQLite, PostgreSQL and Spark.
        """,
        example: #"let march = table("sqlite:examples/data/predictions.db", "predictions", where: "ts >= ?", params: ["2024-03-01"])"#
    ) { arguments, interpreter in
        let url = try databaseURL(arguments)
        let filter = try arguments.string(nil, "where", default: "")
        let order = arguments.optional(nil, "order_by").map(\.isNull) == false ? try arguments.string(nil, "order_by") : nil
        let parameters = try sqlParameters(arguments)
        let table = arguments.optional(1, "table").map(\.isNull) == false ? try arguments.string(1, "table") : nil
        let parquet = arguments.optional(nil, "parquet").map(\.isNull) == false ? try arguments.string(nil, "parquet") : nil
        let source: SQLTableSource
        switch (table, parquet) {
        case (let table?, nil):
            source = try SQLTableSource(url: url, table: table, filter: filter.isEmpty ? nil : filter, parameters: parameters, order: order,
                                        connections: interpreter.databases)
        case (nil, let path?):
            source = try SQLTableSource(url: url, parquet: path, filter: filter.isEmpty ? nil : filter, parameters: parameters, order: order,
                                        connections: interpreter.databases)
        default:
            throw BuiltinError("table() needs either a table name or parquet: files, not \(table == nil ? "neither" : "both")")
        }
        return .object(LazySourceObject(SummaryCache(source)))
    },
]

/// The database URL argument (Spark Connect's client is registered here, where the language binds both targets).
private func databaseURL(_ arguments: Arguments, at index: Int = 0) throws -> DatabaseURL {
    SparkDatabase.register()
    return try DatabaseURL(try arguments.string(index, "url"))
}

/// The `params:` list as bound values: numbers (whole ones as integers), strings, booleans, null.
private func sqlParameters(_ arguments: Arguments) throws -> [SQLValue] {
    guard let value = arguments.optional(nil, "params") else { return [] }
    guard let elements = value.elements, !(value.isString) else {
        throw arguments.mismatch("params", expected: "a list", got: value)
    }
    return try elements.map { element in
        switch element {
        case .null: return .null
        case .number(let number): return SQLValue(number: number)
        case .string(let text): return .text(text)
        case .bool(let flag): return .boolean(flag)
        default: throw BuiltinError("params may hold numbers, strings, booleans and null, not a \(element.kindName)")
        }
    }
}

private extension Value {
    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
