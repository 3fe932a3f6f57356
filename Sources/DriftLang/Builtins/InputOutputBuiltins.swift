// Input and output builtins: CSV and JSON files. Every file access goes through DriftCore.FileAccess.
import DriftCore
import Foundation

let inputOutputBuiltins: [Builtin] = [
    Builtin(
        "read_csv(path, sep: \",\", dates: null, date_format: null)",
        doc: #"Reads a CSV file with a header row (RFC 4180 quoting). Each column becomes numbers, booleans (true/false in any case), dates (ISO 8601 days, "2024-03-01"), datetimes (ISO 8601 timestamps, "2024-03-01T08:15:00", "2024-03-01 08:15:00.123", with "Z" or "±hh:mm" converted to UTC; a timestamp without an offset is taken as UTC) or strings, whichever fits every cell; empty cells and NA, null and NaN are missing. dates: names columns to read as times whatever they look like, in the strftime layout date_format: ("%d/%m/%Y") or else ISO 8601; a cell there that is not a time is an error naming its line. A column with one cell that does not fit stays strings; describe says which cell."#,
        example: #"let churn = read_csv("examples/data/churn_reference.csv")"#
    ) { arguments, _ in
        .frame(try CSVFileSource(path: try arguments.string(0, "path"), options: try csvOptions(arguments)).load())
    },
    Builtin(
        "write_csv(df, path)",
        doc: "Writes a dataframe as CSV with a header row; missing values are empty cells. The file is written to a temporary name and renamed, so it is never left half-written.",
        example: #"write_csv(covariate_shift(current, "income", scale: 1.2), "drifted.csv")"#
    ) { arguments, _ in
        try CSVWriter.write(try arguments.frame(0, "df"), to: try arguments.string(1, "path"))
        return .null
    },
    Builtin(
        "write_json(x, path)",
        doc: "Writes json(x) to a file, atomically (a temporary file renamed into place).",
        example: #"write_json({psi: 0.12}, "result.json")"#
    ) { arguments, _ in
        let text = try JSON.encode(try arguments.required(0, "x"))
        try FileAccess.writeAtomically(Data((text + "\n").utf8), to: try arguments.string(1, "path"))
        return .null
    },
]

/// The CSV options of a reading builtin's `sep:`, `dates:` and `date_format:` arguments.
func csvOptions(_ arguments: Arguments) throws -> CSVOptions {
    let separator = try arguments.string(nil, "sep", default: ",")
    guard separator.utf8.count == 1, let byte = separator.utf8.first, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n") else {
        throw BuiltinError("sep must be a single character other than a quote or a new line")
    }
    let dates = arguments.optional(nil, "dates").map(\.isNull) == false ? try arguments.strings(nil, "dates") : []
    var format: TimeFormat?
    if let layout = arguments.optional(nil, "date_format"), !layout.isNull {
        guard !dates.isEmpty else { throw BuiltinError("date_format: applies to the columns named by dates:; name them, as dates: [\"day\"]") }
        do {
            format = try TimeFormat(try arguments.string(nil, "date_format"))
        } catch let error as DataError {
            throw BuiltinError(error.message)
        }
    }
    return CSVOptions(separator: byte, timeColumns: dates, timeFormat: format)
}
