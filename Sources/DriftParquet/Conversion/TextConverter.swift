// TextConverter: byte strings (STRING, ENUM, JSON, and BINARY that turns out to be UTF-8) and UUIDs as a
// dictionary-encoded text column, interning straight from the bytes so a repeated value allocates nothing.
import DriftCore

struct TextConverter: ValueConverter {
    let source: TextSource
    private var dictionary = TextDictionary()

    init(source: TextSource) { self.source = source }

    static var missing: Int32 { -1 }

    mutating func append(byteArrays: ByteArrays, to output: inout [Int32]) throws(ParquetError) {
        output.reserveCapacity(output.count + byteArrays.count)
        var failed = false
        byteArrays.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<byteArrays.count {
                guard let code = dictionary.code(for: UnsafeBufferPointer(rebasing: bytes[byteArrays.offsets[index]..<byteArrays.offsets[index + 1]])) else {
                    failed = true
                    return
                }
                output.append(code)
            }
        }
        if failed { throw notText }
    }

    mutating func append(fixed bytes: UnsafeRawBufferPointer, count: Int, width: Int, to output: inout [Int32]) throws(ParquetError) {
        output.reserveCapacity(output.count + count)
        var text = [UInt8](repeating: 0, count: 36)
        for index in 0..<count {
            let value = UnsafeRawBufferPointer(rebasing: bytes[index * width..<(index + 1) * width])
            let code: Int32?
            if source == .uuid {
                Self.formatUUID(value, into: &text)
                code = text.withUnsafeBufferPointer { dictionary.code(for: $0) }
            } else {
                code = dictionary.code(for: value.assumingMemoryBound(to: UInt8.self))
            }
            guard let code else { throw notText }
            output.append(code)
        }
    }

    func column(_ elements: [Int32]) -> Column { .text(TextColumn(codes: elements, levels: dictionary.levels)) }

    private var notText: ParquetError {
        source == .binary
            ? ParquetError("it is a BINARY column holding bytes that are not UTF-8 text; leave it out with columns:")
            : ParquetError("it holds a string that is not valid UTF-8")
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// 16 bytes as "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", lowercase.
    private static func formatUUID(_ bytes: UnsafeRawBufferPointer, into text: inout [UInt8]) {
        var position = 0
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 {
                text[position] = UInt8(ascii: "-")
                position += 1
            }
            text[position] = hexDigits[Int(byte >> 4)]
            text[position + 1] = hexDigits[Int(byte & 0x0F)]
            position += 2
        }
    }
}
