// Parquet builtins: read_parquet, the lazy source scan_parquet and write_parquet, thin bindings to DriftParquet (files read
// through FileAccess, so safe mode applies). Columns the reader skips are reported as notes on the output.
import DriftCore
import DriftParquet

let parquetBuiltins: [Builtin] = [
    Builtin(
        "read_parquet(path, columns: null)",
        doc: """
        Reads a Parquet file into a dataframe: every flat column (in the file's order), or only the columns named \
        by columns: (in that order). path may be a directory (every .parquet file below it) or a glob in its last \
        component ("logs/*.parquet"): the files read as one table, and hive-style key=value folders become \
        columns. Integers, floats, half floats and decimals become numbers; strings, enums, \
        JSON, UUIDs and binary columns that hold UTF-8 become strings; booleans stay booleans; DATE becomes dates, \
        TIMESTAMP (any unit, nanoseconds cut to the microsecond) and INT96 datetimes, TIME durations; missing \
        values stay missing. An INT64 beyond ±2^53, or a binary column that is not text, is an error naming the \
        column (leave it out with columns:). Nested columns (lists, maps, structs) are skipped with a note, or \
        refused when named. Reads every codec pyarrow and polars write (Snappy, GZIP, Zstandard, LZ4_RAW, none).
        """,
        example: #"let reference = read_parquet("examples/data/credit_reference.parquet", columns: ["age", "income", "region"])"#
    ) { arguments, interpreter in
        let columns = arguments.optional(nil, "columns").map(\.isNull) == false ? try arguments.strings(nil, "columns") : nil
        let table = try ParquetReader.read(path: try arguments.string(0, "path"), columns: columns)
        for note in table.notes { interpreter.output("note: read_parquet \(note)\n") }
        return .frame(table.frame)
    },
    Builtin(
        "scan_parquet(path)",
        doc: """
        A lazy source over a Parquet file, directory or glob (as read_parquet takes them) that is never loaded \
        whole, like scan_csv: when a statistic is first asked for, the files are read one row group at a time and \
        every column's summary (counts, mean, variance, min, max, exact per-value counts, a quantile sketch) is \
        kept, so memory holds one row group and the summaries. nrow, missing, count, min and max come from the \
        column chunks' statistics without reading a page while those are exact. Its lazy columns accept what \
        scan_csv's do, and drift_report compares two lazy sources. Column types are read_parquet's; nested \
        columns are left out with a note.
        """,
        example: #"let big = scan_parquet("examples/data/credit_reference.parquet")"#
    ) { arguments, interpreter in
        let source = try ParquetScanSource(path: try arguments.string(0, "path"))
        for note in source.notes { interpreter.output("note: scan_parquet \(note)\n") }
        return .object(LazySourceObject(SummaryCache(source)))
    },
    Builtin(
        "write_parquet(df, path, compression: \"zstd\", row_group_size: 1000000)",
        doc: """
        Writes a dataframe as a Parquet file that pyarrow, polars and DuckDB read: numbers as DOUBLE, strings as \
        UTF-8 (dictionary-encoded when they have few distinct values), booleans, datetimes as TIMESTAMP \
        (microseconds, UTC), dates as DATE, durations of less than a day as TIME; a column with missing values is \
        optional and they stay missing. compression: is "zstd", "snappy", "gzip" or "none"; each row group holds \
        at most row_group_size rows, and each column chunk records its minimum, maximum and missing count. The \
        file is written to a temporary name and renamed, so it is never left half-written.
        """,
        example: #"write_parquet(read_csv("examples/data/credit_current.csv"), "current.parquet", compression: "snappy")"#
    ) { arguments, _ in
        let name = try arguments.string(nil, "compression", default: "zstd")
        guard let compression = ParquetWriter.Compression(rawValue: name) else {
            let choices = ParquetWriter.Compression.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw BuiltinError("compression: must be one of \(choices), not \"\(name)\"")
        }
        let rowGroupSize = try arguments.integer(nil, "row_group_size", default: 1_000_000, in: 1...Int(Int32.max))
        try ParquetWriter.write(try arguments.frame(0, "df"), to: try arguments.string(1, "path"), compression: compression, rowGroupSize: rowGroupSize)
        return .null
    },
]
