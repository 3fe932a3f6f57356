// SQLDialect+Spark: Spark SQL, spoken through Spark Connect (the DriftSpark target). Identifiers are quoted with
// backticks (a double-quoted name is a string in Spark SQL), doubles are DOUBLE, parameters are named markers
// `:p1`, `:p2` … that Spark Connect binds as typed literals (never pasted into the text), and one row becomes
// several with `LATERAL VIEW inline(array(named_struct(…), …))`, whose array widens each field to a common type
// (a floor's BIGINT and a NULL double become DOUBLE). A query over Parquet files reads `parquet.`path``.
import DriftCore

extension SQLDialect {
    public static let spark = SQLDialect(
        name: "Spark SQL", quote: "`", doubleType: "DOUBLE", numericType: "DOUBLE", textType: "STRING", booleanType: "BOOLEAN",
        timeType: { ["date": "DATE", "datetime": "TIMESTAMP"][$0.rawValue] ?? "STRING" },
        timeParameter: { placeholder, kind in kind == .duration ? placeholder : "CAST(\(placeholder) AS \(kind == .date ? "DATE" : "TIMESTAMP"))" },
        // unix_seconds floors; a date's day is widened before it is multiplied. The month comes from the UTC day (a
        // date), so the session's time zone plays no part.
        epochSeconds: { column, kind in kind == .date ? "CAST(unix_date(\(column)) AS BIGINT) * 86400" : "unix_seconds(\(column))" },
        epochMonth: { seconds in
            let day = "date_from_unix_date(CAST(floor(\(seconds) / 86400) AS INT))"
            return "(year(\(day)) * 12 + month(\(day)) - 1)"
        },
        placeholder: { ":p\($0 + 1)" }, maximumParameters: 32_767, valueTypeConditions: nil,
        unpivot: { copies, names in
            let rows = copies.enumerated().map { copy, expressions in
                "named_struct('drift_copy', \(copy), " + zip(names, expressions).map { "'\($0)', \($1)" }.joined(separator: ", ") + ")"
            }
            return "(SELECT drift_unpivot.* FROM drift_rows LATERAL VIEW inline(array(\(rows.joined(separator: ", ")))) drift_unpivot) AS drift_unpivoted"
        })

    /// The name a parameter placeholder binds: `p1` for `:p1`.
    public static func sparkParameterName(_ index: Int) -> String { "p\(index + 1)" }
}
