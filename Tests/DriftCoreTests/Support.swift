// Support: helpers shared by the DriftCore tests (reading CSV from a string, comparing doubles).
@testable import DriftCore

/// Parses CSV text as the reader would parse a file called "test.csv".
func readCSV(_ text: String, separator: UInt8 = UInt8(ascii: ",")) throws -> DataFrame {
    try readCSV(bytes: Array(text.utf8), separator: separator)
}

func readCSV(bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) throws -> DataFrame {
    try bytes.withUnsafeBytes {
        try CSVReader.read(bytes: $0, source: "test.csv", options: CSVOptions(separator: separator))
    }
}

/// The CSVError that reading `text` throws, described as "source:line:column: message", or nil if none.
func csvErrorDescription(_ text: String) -> String? {
    csvErrorDescription(bytes: Array(text.utf8))
}

func csvErrorDescription(bytes: [UInt8]) -> String? {
    do {
        _ = try readCSV(bytes: bytes)
        return nil
    } catch let error as CSVError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}

/// True when a and b agree to 1e-12 relative or 1e-12 absolute (or are both NaN / the same infinity).
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a == b { return true }
    let difference = abs(a - b)
    return difference <= tolerance || difference <= tolerance * max(abs(a), abs(b))
}

extension Column {
    var numbers: [Double]? { if case .numeric(let column) = self { column.values } else { nil } }
    var strings: [String?]? { if case .text(let column) = self { column.codes.indices.map { column[$0] } } else { nil } }
    var flags: [Bool?]? { if case .boolean(let column) = self { column.values.indices.map { column[$0] } } else { nil } }
}
