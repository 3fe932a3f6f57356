// CSVWriter: writes a DataFrame as CSV that CSVReader reads back to the same values.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes a header row, then one line per row ending in `\n`. Numbers use the shortest text that reads back
/// to the same Double, integral values without ".0" (`3`, not `3.0`; large ones as Swift prints them, e.g. `1e+16`), infinities as `inf`/`-inf`. Missing
/// values are empty. A field is quoted (with `""` for a quote) when it holds the separator, a quote or a line break.
public enum CSVWriter {
    public static func string(_ frame: DataFrame, options: CSVOptions = .init()) -> String {
        var output = header(frame, options: options)
        append(rows: 0..<frame.rowCount, of: frame, to: &output, separator: options.separator)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes through `FileAccess.writeAtomically`, so an existing file is replaced only by a complete one.
    /// Rows are formatted and written a chunk at a time, so the whole text is never held in memory.
    public static func write(_ frame: DataFrame, to path: String, options: CSVOptions = .init()) throws {
        try FileAccess.writeAtomically(to: path) { file in
            var output = header(frame, options: options)
            let chunk = 65_536
            let progress = Progress.start("writing \(path)", total: frame.rowCount)
            defer { progress.finish() }
            for start in stride(from: 0, to: frame.rowCount, by: chunk) {
                try Cancellation.check()
                append(rows: start..<min(start + chunk, frame.rowCount), of: frame, to: &output, separator: options.separator)
                try file.write(output)
                output.removeAll(keepingCapacity: true)
                progress.advance(by: chunk)
            }
            try file.write(output)
        }
    }

    private static func header(_ frame: DataFrame, options: CSVOptions) -> [UInt8] {
        var output: [UInt8] = []
        for (k, name) in frame.names.enumerated() {
            if k > 0 { output.append(options.separator) }
            appendField(name, to: &output, separator: options.separator)
        }
        output.append(UInt8(ascii: "\n"))
        return output
    }

    private static func append(rows: Range<Int>, of frame: DataFrame, to output: inout [UInt8], separator: UInt8) {
        for row in rows {
            for (k, column) in frame.columns.enumerated() {
                if k > 0 { output.append(separator) }
                switch column {
                case .numeric(let numbers):
                    output.append(contentsOf: formatted(numbers.values[row]).utf8)
                case .boolean(let flags):
                    if let flag = flags[row] { output.append(contentsOf: (flag ? "true" : "false").utf8) }
                case .text(let text):
                    if let string = text[row] { appendField(string, to: &output, separator: separator) }
                case .time(let times):
                    if let time = times[row] { output.append(contentsOf: ISOTime.text(time).utf8) }
                }
            }
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// The shortest text that reads back to `value` (Swift's `description`), without a trailing ".0".
    public static func formatted(_ value: Double) -> String {
        if value.isNaN { return "" }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func appendField(_ string: String, to output: inout [UInt8], separator: UInt8) {
        let needsQuotes = string.utf8.contains {
            $0 == separator || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            output.append(contentsOf: string.utf8)
            return
        }
        output.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            if byte == UInt8(ascii: "\"") { output.append(byte) }
            output.append(byte)
        }
        output.append(UInt8(ascii: "\""))
    }
}
