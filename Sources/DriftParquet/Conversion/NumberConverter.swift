// NumberConverter: integers, floats, half floats and decimals as Doubles. An INT64 (or UINT64) value beyond
// ±2^53 is an error rather than a silently rounded number: Drift's numbers are Doubles, exact only up to 2^53.
import DriftCore

struct NumberConverter: ValueConverter {
    let source: NumberSource

    static var missing: Double { .nan }

    /// The largest magnitude an integer may have to be exact as a Double.
    static let exactLimit: Int64 = 1 << 53

    func append(fixed bytes: UnsafeRawBufferPointer, count: Int, width: Int, to output: inout [Double]) throws(ParquetError) {
        output.reserveCapacity(output.count + count)
        switch source {
        case .int32(let signed):
            for index in 0..<count {
                let raw = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                output.append(signed ? Double(Int32(bitPattern: raw)) : Double(raw))
            }
        case .int64(let signed):
            for index in 0..<count {
                let raw = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                output.append(try Self.exact(raw, signed: signed))
            }
        case .float:
            for index in 0..<count {
                output.append(Double(Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))))
            }
        case .double:
            #if _endian(little)
            // The file's little-endian doubles are this machine's: one copy of the bytes, not a value at a time.
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: count))
            output.withUnsafeMutableBytes { $0.baseAddress!.advanced(by: start * 8).copyMemory(from: bytes.baseAddress!, byteCount: count * 8) }
            #else
            for index in 0..<count {
                output.append(Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))))
            }
            #endif
        case .float16:
            for index in 0..<count {
                output.append(Self.half(UInt16(bytes[index * 2]) | UInt16(bytes[index * 2 + 1]) << 8))
            }
        case .decimal(let scale, let bigEndian):
            let divisor = Self.powerOfTen(scale)
            for index in 0..<count {
                let value = UnsafeRawBufferPointer(rebasing: bytes[index * width..<(index + 1) * width])
                output.append(Self.unscaled(value, bigEndian: bigEndian) / divisor)
            }
        }
    }

    func append(byteArrays: ByteArrays, to output: inout [Double]) throws(ParquetError) {
        guard case .decimal(let scale, _) = source else { throw ParquetError("byte arrays cannot become numbers") }
        let divisor = Self.powerOfTen(scale)
        output.reserveCapacity(output.count + byteArrays.count)
        byteArrays.bytes.withUnsafeBytes { bytes in
            for index in 0..<byteArrays.count {
                let value = UnsafeRawBufferPointer(rebasing: bytes[byteArrays.offsets[index]..<byteArrays.offsets[index + 1]])
                output.append(Self.unscaled(value, bigEndian: true) / divisor)
            }
        }
    }

    func column(_ elements: [Double]) -> Column { .numeric(NumericColumn(elements)) }

    /// An INT64's bits as an exact Double, or an error when it is beyond ±2^53.
    private static func exact(_ raw: UInt64, signed: Bool) throws(ParquetError) -> Double {
        if signed {
            let value = Int64(bitPattern: raw)
            guard value >= -exactLimit, value <= exactLimit else { throw beyondExact("\(value)") }
            return Double(value)
        }
        guard raw <= UInt64(exactLimit) else { throw beyondExact("\(raw)") }
        return Double(raw)
    }

    private static func beyondExact(_ value: String) -> ParquetError {
        ParquetError("it holds \(value), beyond ±2^53 where Drift's numbers are exact; leave the column out with columns: (it is not rounded silently)")
    }

    /// A two's complement integer of any length (little-endian for INT32/INT64 decimals) as a Double.
    private static func unscaled(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> Double {
        guard !bytes.isEmpty else { return 0 }
        let count = bytes.count
        let first = bigEndian ? 0 : count - 1, step = bigEndian ? 1 : -1
        let negative = bytes[first] & 0x80 != 0
        if count <= 8 {
            var value: UInt64 = negative ? ~0 : 0
            for index in 0..<count { value = value << 8 | UInt64(bytes[first + index * step]) }
            return Double(Int64(bitPattern: value))
        }
        var magnitude = 0.0
        for index in 0..<count {
            let byte = bytes[first + index * step]
            magnitude = magnitude * 256 + Double(negative ? ~byte : byte)
        }
        return negative ? -(magnitude + 1) : magnitude
    }

    /// 10^scale, exact up to 10^22.
    private static func powerOfTen(_ scale: Int) -> Double {
        var result = 1.0
        for _ in 0..<scale { result *= 10 }
        return result
    }

    /// An IEEE half-precision value as a Double.
    static func half(_ bits: UInt16) -> Double {
        let sign = bits & 0x8000 != 0 ? -1.0 : 1.0
        let exponent = Int(bits >> 10) & 0x1F, fraction = Double(bits & 0x3FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
