// ArrowColumnBuilder: appends one Arrow column's values, batch after batch, to a Drift column: integers and
// floats as numbers, strings dictionary-encoded, booleans, dates as Drift dates and timestamps as datetimes
// (UTC microseconds; nanoseconds are floored to the microsecond), nulls as missing. Every buffer is checked to
// hold the values the batch says it has before one is read.
import DriftCore

struct ArrowColumnBuilder {
    let field: ArrowField
    private var numbers: [Double] = []
    private var text = TextColumnBuilder()
    private var flags: [Int8] = []
    private var times: [Int64] = []

    init(_ field: ArrowField) { self.field = field }

    /// One column of a record batch: `count` values, their validity bitmap (empty: none missing) and buffers.
    mutating func append(count: Int, validity: ArraySlice<UInt8>, buffers: [ArraySlice<UInt8>]) throws {
        if !validity.isEmpty { try require(validity, bytes: (count + 7) / 8, "validity bitmap") }
        func isPresent(_ i: Int) -> Bool {
            validity.isEmpty || validity[validity.startIndex + i >> 3] >> UInt8(i & 7) & 1 == 1
        }
        switch field.type {
        case .null:
            numbers += repeatElement(.nan, count: count)
        case .integer(let width, let signed):
            try appendNumbers(count, buffers[0], width: width, isPresent) { raw, i in
                let value = Self.integer(raw, i, width: width, signed: signed)
                // A 64-bit unsigned integer beyond Int64.max comes back as its bit pattern.
                return width == 8 && !signed ? Double(UInt64(bitPattern: value)) : Double(value)
            }
        case .float(let width):
            try appendNumbers(count, buffers[0], width: width, isPresent) { raw, i in
                width == 4 ? Double(Float(bitPattern: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self).littleEndian))
                           : Double(bitPattern: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self).littleEndian)
            }
        case .utf8(let offsetWidth):
            let (offsets, data) = (buffers[0], buffers[1])
            try require(offsets, bytes: (count + 1) * offsetWidth, "offsets")
            try offsets.withUnsafeBytes { raw in
                var start = Int(Self.integer(raw, 0, width: offsetWidth, signed: true))
                for i in 0..<count {
                    let end = Int(Self.integer(raw, i + 1, width: offsetWidth, signed: true))
                    guard start >= 0, start <= end, end <= data.count else { throw malformed("string offsets") }
                    text.append(isPresent(i) ? String(decoding: data[(data.startIndex + start)..<(data.startIndex + end)], as: UTF8.self) : nil)
                    start = end
                }
            }
        case .boolean:
            let values = buffers[0]
            try require(values, bytes: (count + 7) / 8, "values")
            for i in 0..<count {
                flags.append(isPresent(i) ? Int8(values[values.startIndex + i >> 3] >> UInt8(i & 7) & 1) : -1)
            }
        case .date(let milliseconds):
            try appendTimes(count, buffers[0], width: milliseconds ? 8 : 4, isPresent) { value in
                milliseconds ? Micros.exactly(value, 1_000) : Micros.exactly(value, Micros.day)
            }
        case .timestamp(let perSecond):
            try appendTimes(count, buffers[0], width: 8, isPresent) { value in
                perSecond <= 1_000_000 ? Micros.exactly(value, 1_000_000 / perSecond)
                    : (value >= 0 ? value / 1_000 : (value + 1) / 1_000 - 1)
            }
        }
    }

    private mutating func appendNumbers(_ count: Int, _ values: ArraySlice<UInt8>, width: Int, _ isPresent: (Int) -> Bool,
                                        _ number: (UnsafeRawBufferPointer, Int) -> Double) throws {
        try require(values, bytes: count * width, "values")
        numbers.reserveCapacity(numbers.count + count)
        values.withUnsafeBytes { raw in
            for i in 0..<count { numbers.append(isPresent(i) ? number(raw, i) : .nan) }
        }
    }

    private mutating func appendTimes(_ count: Int, _ values: ArraySlice<UInt8>, width: Int, _ isPresent: (Int) -> Bool,
                                      _ micros: (Int64) -> Int64?) throws {
        try require(values, bytes: count * width, "values")
        try values.withUnsafeBytes { raw in
            for i in 0..<count {
                guard isPresent(i) else { times.append(TimeValue.missing); continue }
                guard let value = micros(Self.integer(raw, i, width: width, signed: true)) else {
                    throw ArrowError("column '\(field.name)' holds a time beyond the range Drift's times hold (about 73,000 years either side of 1970)")
                }
                times.append(value)
            }
        }
    }

    /// The little-endian integer at position `index` of `width`-byte integers.
    private static func integer(_ raw: UnsafeRawBufferPointer, _ index: Int, width: Int, signed: Bool) -> Int64 {
        let at = index * width
        switch (width, signed) {
        case (1, true): return Int64(raw.loadUnaligned(fromByteOffset: at, as: Int8.self))
        case (1, false): return Int64(raw.loadUnaligned(fromByteOffset: at, as: UInt8.self))
        case (2, true): return Int64(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int16.self)))
        case (2, false): return Int64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
        case (4, true): return Int64(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self)))
        case (4, false): return Int64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        case (_, true): return Int64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self))
        default: return Int64(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
        }
    }

    private func require(_ buffer: ArraySlice<UInt8>, bytes: Int, _ what: String) throws {
        guard buffer.count >= bytes else { throw malformed("\(what) (\(buffer.count) bytes, \(bytes) needed)") }
    }

    private func malformed(_ what: String) -> ArrowError {
        ArrowError("malformed Arrow record batch: column '\(field.name)' has short or inconsistent \(what)")
    }

    /// The values appended so far, as a Drift column.
    func column() -> Column {
        switch field.type {
        case .null, .integer, .float: .numeric(NumericColumn(numbers))
        case .utf8: .text(text.column)
        case .boolean: .boolean(BoolColumn(raw: flags))
        case .date: .time(TimeColumn(times, kind: .date))
        case .timestamp: .time(TimeColumn(times, kind: .datetime))
        }
    }
}
