// CSVFuzzInput: one input of the `csv` target: the bytes as a whole CSV file, read by `read_csv`'s parser with the
// default options, with `;` as the separator, and with the first column read as times; each frame read is then
// written back out as CSV text.
import DriftCore

enum CSVFuzzInput {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let file = UnsafeRawBufferPointer(bytes)
        var outcomes: [String] = []
        func read(_ options: CSVOptions) -> DataFrame? {
            do {
                let frame = try CSVReader.read(bytes: file, source: "<fuzz>", options: options)
                outcomes.append("ok \(frame.rowCount) × \(frame.columnCount), \(CSVWriter.string(frame).utf8.count) bytes written")
                return frame
            } catch {
                outcomes.append("error: \(error)")
                return nil
            }
        }
        if let first = read(CSVOptions())?.names.first { _ = read(CSVOptions(timeColumns: [first])) }
        _ = read(CSVOptions(separator: UInt8(ascii: ";")))
        return outcomes.joined(separator: "; ")
    }
}
