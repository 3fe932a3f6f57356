// ParquetFuzzInput: one input of the `parquet` target: the bytes as a whole Parquet file, read by `read_parquet`'s
// reader (footer, schema, every column it can read), then written back out as CSV text.
import DriftCore
import DriftParquet

enum ParquetFuzzInput {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        do {
            let table = try ParquetReader.read(UnsafeRawBufferPointer(bytes), columns: nil)
            let frame = table.frame
            return "ok \(frame.rowCount) × \(frame.columnCount), \(CSVWriter.string(frame).utf8.count) bytes written"
        } catch {
            return "error: \(error)"
        }
    }
}
