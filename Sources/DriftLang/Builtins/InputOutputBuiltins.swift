// Input and output builtins: CSV and JSON files. Every file access goes through DriftCore.FileAccess.
import DriftCore
import Foundation

let inputOutputBuiltins: [Builtin] = [
    Builtin(
        "read_csv(path, sep: \",\")",
        doc: "Reads a CSV file with a header row (RFC 4180 quoting). Each column becomes numbers, booleans (true/false in any case) or strings, whichever fits every cell; empty cells and NA, null and NaN are missing.",
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

/// The CSV options of a reading builtin's `sep:` argument.
func csvOptions(_ arguments: Arguments) throws -> CSVOptions {
    let separator = try arguments.string(nil, "sep", default: ",")
    guard separator.utf8.count == 1, let byte = separator.utf8.first, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n") else {
        throw BuiltinError("sep must be a single character other than a quote or a new line")
    }
    return CSVOptions(separator: byte)
}
