// ValueConverter: turns a page's decoded physical values into the elements of one Drift column (Doubles,
// microsecond counts, text codes or boolean flags), a batch at a time with no per-value allocation. The column
// reader is generic over it, so each kind's loop is specialised.
import DriftCore

protocol ValueConverter {
    associatedtype Element
    /// The element that marks a missing value.
    static var missing: Element { get }
    /// Appends `count` plain little-endian values of `width` bytes each.
    mutating func append(fixed bytes: UnsafeRawBufferPointer, count: Int, width: Int, to output: inout [Element]) throws(ParquetError)
    /// Appends boolean flags (0 or 1).
    mutating func append(booleans: [Int8], to output: inout [Element]) throws(ParquetError)
    /// Appends variable-length byte strings.
    mutating func append(byteArrays: ByteArrays, to output: inout [Element]) throws(ParquetError)
    /// The finished column.
    func column(_ elements: [Element]) -> Column
}

extension ValueConverter {
    func append(fixed bytes: UnsafeRawBufferPointer, count: Int, width: Int, to output: inout [Element]) throws(ParquetError) {
        throw ParquetError("fixed-width values cannot become a \(Self.self) column")
    }

    func append(booleans: [Int8], to output: inout [Element]) throws(ParquetError) {
        throw ParquetError("booleans cannot become a \(Self.self) column")
    }

    func append(byteArrays: ByteArrays, to output: inout [Element]) throws(ParquetError) {
        throw ParquetError("byte arrays cannot become a \(Self.self) column")
    }
}

/// BOOLEAN columns: the flags as they are.
struct BooleanConverter: ValueConverter {
    static var missing: Int8 { -1 }

    func append(booleans: [Int8], to output: inout [Int8]) throws(ParquetError) {
        output.append(contentsOf: booleans)
    }

    func column(_ elements: [Int8]) -> Column { .boolean(BoolColumn(raw: elements)) }
}
