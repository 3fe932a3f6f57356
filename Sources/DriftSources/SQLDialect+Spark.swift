// SQLDialect+Spark: Spark SQL, spoken through Spark Connect (the DriftSpark target). Identifiers are quoted with
// backticks (a double-quoted name is a string in Spark SQL), doubles are DOUBLE, parameters are named markers
// `:p1`, `:p2` … that Spark Connect binds as typed literals (never pasted into the text), and the grouped pass
// groups with GROUPING SETS, one set per column (Spark expands each row once per set; measured faster than turning
// each row into structs with `LATERAL VIEW inline(array(named_struct(…)))`). A query over Parquet files reads
// `parquet.`path``.
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
        placeholder: { ":p\($0 + 1)" }, maximumParameters: 32_767, valueTypeConditions: nil, unpivot: nil)

    /// The name a parameter placeholder binds: `p1` for `:p1`.
    public static func sparkParameterName(_ index: Int) -> String { "p\(index + 1)" }
}
