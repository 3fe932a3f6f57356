// TimeConverter: DATE, TIME, TIMESTAMP (millis, micros, nanos) and legacy INT96 values as microsecond counts of
// a Drift time column. Nanoseconds are cut to the microsecond toward the past; a value beyond Drift's time
// range (about ±73,000 years) is an error.
import DriftCore

struct TimeConverter: ValueConverter {
    let kind: TimeKind
    let source: TimeSource

    static var missing: Int64 { TimeValue.missing }

    /// Julian day number of 1970-01-01, the epoch INT96 days count from.
    private static let unixEpochJulianDay: Int64 = 2_440_588

    func append(fixed bytes: UnsafeRawBufferPointer, count: Int, width: Int, to output: inout [Int64]) throws(ParquetError) {
        output.reserveCapacity(output.count + count)
        for index in 0..<count {
            let offset = index * width
            let micros: Int64?
            switch source {
            case .days:
                micros = Micros.exactly(Self.integer(bytes, offset, width), Micros.day)
            case .count(let unit):
                let value = Self.integer(bytes, offset, width)
                switch unit {
                case .millis: micros = Micros.exactly(value, 1000)
                case .micros: micros = Micros.exactly(value, 1)
                case .nanos: micros = Micros.exactly(value.floorDivided(by: 1000), 1)
                }
            case .int96:
                let nanos = Int64(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                let day = Int64(Int32(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))))
                micros = Micros.exactly(day - Self.unixEpochJulianDay, Micros.day, plus: nanos.floorDivided(by: 1000))
            }
            guard let micros else {
                throw ParquetError("it holds a \(kind.rawValue) beyond Drift's range of about 73,000 years either side of 1970")
            }
            output.append(micros)
        }
    }

    func column(_ elements: [Int64]) -> Column { .time(TimeColumn(elements, kind: kind)) }

    /// The little-endian signed integer of `width` (4 or 8) bytes at `offset`.
    private static func integer(_ bytes: UnsafeRawBufferPointer, _ offset: Int, _ width: Int) -> Int64 {
        width == 4
            ? Int64(Int32(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
            : Int64(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }
}

private extension Int64 {
    /// The quotient rounded toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
