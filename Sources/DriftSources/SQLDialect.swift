// SQLDialect: what differs between the SQL engines Drift talks to: parameter placeholders and the column
// types a data frame is stored as, (for SQLite, whose columns may hold values of any type) how to count a
// column's values by storage type, so a pushed-down summary types a column as read_sql would, and how to turn
// each row into several (one per summarised column), so one GROUP BY scan serves every column (or, where the
// engine has them, GROUPING SETS, one set per column, with no unpivot of the dialect), whether it
// has a one-pass variance that is numerically stable, how identifiers are quoted ("name" the standard way,
// `name` in Spark SQL) and doubles are cast, and how a timestamp becomes epoch seconds and a UTC month (for
// period chunks counted in the database).
import DriftCore

public struct SQLDialect: Sendable {
    let name: String
    /// The character that quotes an identifier (doubled inside one).
    let quote: Character
    /// The double type's name in CAST.
    let doubleType: String
    let numericType: String
    let textType: String
    let booleanType: String
    /// The column type of dates, datetimes and durations.
    let timeType: @Sendable (TimeKind) -> String
    /// A placeholder bound to a time's text, cast where the engine needs it.
    let timeParameter: @Sendable (String, TimeKind) -> String
    /// A date or datetime column (quoted) as whole seconds since 1970-01-01 UTC, floored (a timestamp without a
    /// time zone taken as UTC, as read_sql takes it); NULL when missing.
    let epochSeconds: @Sendable (_ column: String, TimeKind) -> String
    /// The UTC month, as year × 12 + month − 1, of an instant given as whole epoch seconds.
    let epochMonth: @Sendable (_ seconds: String) -> String
    /// The placeholder of the parameter at a zero-based position.
    let placeholder: @Sendable (Int) -> String
    /// The most parameters one statement may bind.
    let maximumParameters: Int
    /// For dynamically typed engines: conditions that a value of the (quoted) column is text, and that it is a
    /// number other than the integers 0 and 1 (which a boolean column may hold). nil where the declared type
    /// settles the values' type.
    let valueTypeConditions: (@Sendable (String) -> (text: String, nonFlagNumber: String))?
    /// A derived table (for a FROM clause) that reads `drift_rows` once and yields, for each of its rows, one row
    /// per entry of `copies`: column `drift_copy` is the entry's position and column `names[j]` the SQL
    /// expression `copies[i][j]` over the row. nil where `GROUP BY GROUPING SETS` groups each set in the one scan:
    /// the grouped pass then uses a set per column (PostgreSQL's nested loop over VALUES costs several times the
    /// grouping; Spark's grouping sets skip building a struct per copy).
    let unpivot: (@Sendable (_ copies: [[String]], _ names: [String]) -> String)?
    /// Whether `var_pop` is computed stably in one pass (PostgreSQL: Youngs–Cramer, sharing avg's state): the
    /// overview then gives the variance, and the grouped pass sums no squared deviations from its mean.
    var stableVariance = false

    static let sqlite = SQLDialect(
        name: "SQLite", quote: "\"", doubleType: "DOUBLE PRECISION", numericType: "REAL", textType: "TEXT", booleanType: "BOOLEAN",
        timeType: { ["date": "DATE", "datetime": "TIMESTAMP", "duration": "TEXT"][$0.rawValue] ?? "TEXT" },
        timeParameter: { placeholder, _ in placeholder },
        // SQLite's date functions keep milliseconds: an instant less than half a millisecond before a whole second
        // counts in that second.
        epochSeconds: { column, _ in "CAST(strftime('%s', \(column)) AS INTEGER)" },
        epochMonth: { seconds in
            "(CAST(strftime('%Y', \(seconds), 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', \(seconds), 'unixepoch') AS INTEGER) - 1)"
        },
        placeholder: { "?\($0 + 1)" }, maximumParameters: 32_766,
        valueTypeConditions: { column in
            ("typeof(\(column)) = 'text'", "(typeof(\(column)) = 'real' OR (typeof(\(column)) = 'integer' AND \(column) NOT IN (0, 1)))")
        },
        // No LATERAL: a join with the copy numbers (CROSS JOIN keeps drift_rows the outer loop), each column a
        // CASE on the copy.
        unpivot: { copies, names in
            let numbers = copies.indices.map { "SELECT \($0) AS drift_copy" }.joined(separator: " UNION ALL ")
            let columns = names.indices.map { j in
                "CASE drift_copies.drift_copy " + copies.indices.map { "WHEN \($0) THEN \(copies[$0][j])" }.joined(separator: " ") + " END AS \(names[j])"
            }
            return "(SELECT drift_copies.drift_copy, \(columns.joined(separator: ", ")) FROM drift_rows CROSS JOIN (\(numbers)) AS drift_copies) AS drift_unpivoted"
        })

    static let postgres = SQLDialect(
        name: "PostgreSQL", quote: "\"", doubleType: "DOUBLE PRECISION", numericType: "double precision", textType: "text", booleanType: "boolean",
        timeType: postgresTimeType, timeParameter: { "\($0)::\(postgresTimeType($1))" },
        // Both read a timestamp without time zone as UTC; ±infinity is missing, as read_sql reads it. date_part's
        // double (microseconds / 10^6, correctly rounded) floors to the right second while |t| < 2^33 s (years 1698
        // to 2242: a microsecond before a whole second is then more than half a unit in the last place below it),
        // and is about twice as fast as extract's exact numeric, which takes the rest. The month comes from the UTC
        // day, a date, whose fields know no time zone.
        epochSeconds: { column, _ in
            let seconds = "date_part('epoch', \(column))"
            return "CASE WHEN isfinite(\(column)) THEN (CASE WHEN abs(\(seconds)) < CAST(8e9 AS double precision) THEN floor(\(seconds)) "
                + "ELSE CAST(floor(extract(epoch FROM \(column))) AS double precision) END) END"
        },
        epochMonth: { seconds in
            let day = "(DATE '1970-01-01' + CAST(floor(\(seconds) / 86400) AS integer))"
            return "(extract(year FROM \(day)) * 12 + extract(month FROM \(day)) - 1)"
        },
        placeholder: { "$\($0 + 1)" }, maximumParameters: 65_535, valueTypeConditions: nil, unpivot: nil, stableVariance: true)

    private static let postgresTimeType: @Sendable (TimeKind) -> String = { kind in
        switch kind {
        case .date: "date"
        case .datetime: "timestamptz"
        case .duration: "interval"
        }
    }

    /// `"name"` (or the dialect's quote), with any quote in the name doubled.
    func quoted(_ identifier: String) -> String {
        String(quote) + identifier.split(separator: quote, omittingEmptySubsequences: false).joined(separator: String(quote) + String(quote)) + String(quote)
    }

    /// The column as a double, NaN (PostgreSQL's float and numeric NaN, Spark's NaN, which read_sql reads as
    /// missing) as NULL. SQLite has no NaN, and its comparison of a number with the text 'NaN' is never equal.
    /// A missing double, typed so every branch of a UNION or CASE agrees.
    var nullNumber: String { "CAST(NULL AS \(doubleType))" }

    func number(_ name: String) -> String { "NULLIF(CAST(\(quoted(name)) AS \(doubleType)), 'NaN')" }
}
