// ColumnChunkReader: reads one leaf column chunk after another (one per row group) into a column's elements:
// walks each chunk's pages (dictionary, data v1, data v2), checks their CRC, uncompresses them, decodes the
// definition levels and the values, and spreads the values over the rows, missing where a level says so.
import DriftCore

struct ColumnChunkReader<Converter: ValueConverter> {
    private(set) var converter: Converter
    private(set) var output: [Converter.Element] = []
    private let physical: PhysicalType
    /// The byte width of a fixed-width physical type (0 for BOOLEAN and BYTE_ARRAY).
    private let width: Int
    private let isOptional: Bool
    private var dictionary: [Converter.Element]?
    private let buffer = PageBuffer()
    /// A page's present values before they are spread over its rows.
    private var present: [Converter.Element] = []

    init(_ converter: Converter, physical: PhysicalType, typeLength: Int, isOptional: Bool, capacity: Int) throws(ParquetError) {
        self.converter = converter
        self.physical = physical
        self.isOptional = isOptional
        switch physical {
        case .boolean, .byteArray: width = 0
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .int96: width = 12
        case .fixedLengthByteArray:
            guard typeLength > 0 else { throw ParquetError("a FIXED_LEN_BYTE_ARRAY column declares a length of \(typeLength)") }
            width = typeLength
        }
        output = .empty(capacity: capacity)
    }

    /// Appends the `rowCount` rows of the chunk `metadata` describes, in `file` (the whole file's bytes).
    mutating func read(_ metadata: ColumnMetaData, rowCount: Int, in file: UnsafeRawBufferPointer) throws {
        dictionary = nil
        guard rowCount > 0 else { return }  // an empty row group's chunk may point nowhere
        let codec = try CompressionCodec(checking: metadata.codec)
        var start = metadata.dataPageOffset
        if let offset = metadata.dictionaryPageOffset, offset > 0, offset < start { start = offset }
        let (end, overflow) = start.addingReportingOverflow(metadata.totalCompressedSize)
        guard start >= 4, !overflow, end <= Int64(file.count - 8) else {
            throw ParquetError("the column chunk (bytes \(start) to \(end)) lies outside the file's \(file.count) bytes")
        }
        let chunk = UnsafeRawBufferPointer(rebasing: file[Int(start)..<Int(end)])
        let target = output.count + rowCount
        var position = 0
        while output.count < target {
            try Cancellation.check()
            guard position < chunk.count else {
                throw ParquetError("the column chunk ends after \(rowCount - (target - output.count)) of its \(rowCount) rows")
            }
            do {
                position = try readPage(chunk, at: position, codec: codec, rows: target - output.count)
            } catch {
                throw error.located("the page at byte \(Int(start) + position)")
            }
        }
    }

    /// Reads the page at `position` and returns the position after it.
    private mutating func readPage(_ chunk: UnsafeRawBufferPointer, at position: Int, codec: CompressionCodec, rows: Int) throws(ParquetError) -> Int {
        var reader = ThriftCompactReader(chunk, at: position)
        let header = try PageHeader(thrift: &reader)
        let size = Int(header.compressedSize)
        guard size <= reader.remaining else {
            throw ParquetError("the page declares \(size) bytes but only \(reader.remaining) remain in the column chunk")
        }
        let body = UnsafeRawBufferPointer(rebasing: chunk[reader.position..<reader.position + size])
        if let crc = header.crc, UInt32(bitPattern: crc) != crc32(of: body) {
            throw ParquetError("the page fails its CRC check (its bytes are corrupt)")
        }
        switch PageType(rawValue: header.type) {
        case .dictionaryPage?: try readDictionary(header, body, codec)
        case .dataPage?: try readDataPage(header, body, codec, rows: rows)
        case .dataPageV2?: try readDataPageV2(header, body, codec, rows: rows)
        case .indexPage?, nil: break  // nothing to read; a reader may skip pages it does not know
        }
        return reader.position + size
    }

    private mutating func readDictionary(_ header: PageHeader, _ body: UnsafeRawBufferPointer, _ codec: CompressionCodec) throws(ParquetError) {
        guard let page = header.dictionaryPage else { throw ParquetError("a dictionary page has no dictionary header") }
        guard dictionary == nil else { throw ParquetError("the column chunk has a second dictionary page") }
        let encoding = try Encoding(checking: page.encoding)
        guard encoding == .plain || encoding == .plainDictionary else {
            throw ParquetError("a dictionary page is encoded as \(encoding), not PLAIN")
        }
        let bytes = try codec.decompress(body, size: Int(header.uncompressedSize), into: buffer)
        var values: [Converter.Element] = []
        try decode(bytes, .plain, count: Int(page.valueCount), into: &values)
        dictionary = values
    }

    private mutating func readDataPage(_ header: PageHeader, _ body: UnsafeRawBufferPointer, _ codec: CompressionCodec, rows: Int) throws(ParquetError) {
        guard let page = header.dataPage else { throw ParquetError("a data page has no data page header") }
        let count = try checkedCount(page.valueCount, rows: rows)
        var cursor = ByteCursor(try codec.decompress(body, size: Int(header.uncompressedSize), into: buffer))
        var levels: [UInt32]?
        if isOptional {
            guard page.definitionLevelEncoding == Encoding.rle.rawValue else {
                throw ParquetError("definition levels encoded as \(page.definitionLevelEncoding) are not supported (only RLE)")
            }
            let length = Int(try cursor.littleEndian(4))
            // nil when every value is present (one run of 1s): no levels to decode or check.
            levels = try RLEHybridDecoder(try cursor.take(length, "the definition levels"), width: 1).decode(count: count, unlessAll: 1)
        }
        try append(cursor.rest, try Encoding(checking: page.encoding), count: count, levels: levels)
    }

    private mutating func readDataPageV2(_ header: PageHeader, _ body: UnsafeRawBufferPointer, _ codec: CompressionCodec, rows: Int) throws(ParquetError) {
        guard let page = header.dataPageV2 else { throw ParquetError("a v2 data page has no v2 data page header") }
        let count = try checkedCount(page.valueCount, rows: rows)
        let repetitionLength = Int(page.repetitionLevelsLength), definitionLength = Int(page.definitionLevelsLength)
        let levelLength = repetitionLength + definitionLength
        guard levelLength <= body.count, levelLength <= Int(header.uncompressedSize) else {
            throw ParquetError("the page's levels declare \(levelLength) bytes but the page holds \(body.count)")
        }
        var levels: [UInt32]?
        if isOptional {
            let decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: body[repetitionLength..<levelLength]), width: 1)
            levels = try decoder.decode(count: count, unlessAll: 1)
        }
        let compressed = UnsafeRawBufferPointer(rebasing: body[levelLength...])
        let values = page.isCompressed
            ? try codec.decompress(compressed, size: Int(header.uncompressedSize) - levelLength, into: buffer)
            : compressed
        try append(values, try Encoding(checking: page.encoding), count: count, levels: levels)
    }

    /// A page's value count, which may not exceed the rows still to read.
    private func checkedCount(_ count: Int32, rows: Int) throws(ParquetError) -> Int {
        guard Int(count) <= rows else {
            throw ParquetError("the page holds \(count) values but only \(rows) rows of the row group remain")
        }
        return Int(count)
    }

    /// Appends a page's `count` rows: its values, spread over the rows whose definition level is 1.
    private mutating func append(_ bytes: UnsafeRawBufferPointer, _ encoding: Encoding, count: Int, levels: [UInt32]?) throws(ParquetError) {
        // Decoded into arrays moved out of self, so `decode` may mutate self (the converter) meanwhile.
        var rows = output, values = present
        output = []
        present = []
        defer {
            output = rows
            present = values
        }
        var presentCount = count
        if let levels {
            presentCount = 0
            for level in levels where level != 0 { presentCount += 1 }
        }
        guard let levels, presentCount < count else { return try decode(bytes, encoding, count: count, into: &rows) }
        values.removeAll(keepingCapacity: true)
        try decode(bytes, encoding, count: presentCount, into: &values)
        rows.reserveCapacity(rows.count + count)
        var next = 0
        for level in levels {
            if level != 0 {
                rows.append(values[next])
                next += 1
            } else {
                rows.append(Converter.missing)
            }
        }
    }

    /// Decodes `count` values in `encoding` and appends their elements to `values`.
    private mutating func decode(_ bytes: UnsafeRawBufferPointer, _ encoding: Encoding, count: Int, into values: inout [Converter.Element]) throws(ParquetError) {
        let before = values.count
        var cursor = ByteCursor(bytes)
        switch (encoding, physical) {
        case (.plainDictionary, _), (.rleDictionary, _):
            try gather(&cursor, count: count, into: &values)
        case (.plain, .boolean):
            guard count <= bytes.count * 8 else { throw ParquetError("the page holds \(bytes.count) bytes, too few for \(count) booleans") }
            try converter.append(booleans: (0..<count).map { Int8(bytes[$0 >> 3] >> UInt8($0 & 7) & 1) }, to: &values)
        case (.rle, .boolean):
            let length = Int(try cursor.littleEndian(4))
            var decoder = try RLEHybridDecoder(try cursor.take(length, "the RLE booleans"), width: 1)
            try converter.append(booleans: try decoder.decode(count: count).map { Int8(truncatingIfNeeded: $0) }, to: &values)
        case (.plain, .byteArray):
            try converter.append(byteArrays: try ByteArrays.plain(&cursor, count: count), to: &values)
        case (.plain, _):
            guard count <= bytes.count / width else {
                throw ParquetError("the page holds \(bytes.count) bytes, too few for \(count) values of \(width) bytes")
            }
            try converter.append(fixed: bytes, count: count, width: width, to: &values)
        case (.deltaBinaryPacked, .int32), (.deltaBinaryPacked, .int64):
            let integers = try DeltaBinaryPackedDecoder.decode(&cursor, limit: count)
            try appendIntegers(integers, count: count, into: &values)
        case (.deltaLengthByteArray, .byteArray):
            try converter.append(byteArrays: try ByteArrays.deltaLength(&cursor, count: count), to: &values)
        case (.deltaByteArray, .byteArray):
            try converter.append(byteArrays: try ByteArrays.deltaStrings(&cursor, count: count), to: &values)
        case (.deltaByteArray, .fixedLengthByteArray):
            let arrays = try ByteArrays.deltaStrings(&cursor, count: count)
            guard arrays.bytes.count == arrays.count * width else {
                throw ParquetError("DELTA_BYTE_ARRAY values of a FIXED_LEN_BYTE_ARRAY(\(width)) column have other lengths")
            }
            try appendFixed(arrays.bytes, count: arrays.count, into: &values)
        case (.byteStreamSplit, .int32), (.byteStreamSplit, .int64), (.byteStreamSplit, .float), (.byteStreamSplit, .double),
             (.byteStreamSplit, .fixedLengthByteArray):
            try appendFixed(try ByteStreamSplit.join(bytes, count: count, width: width), count: count, into: &values)
        default:
            throw ParquetError("the \(encoding) encoding is not valid for a \(physical) column")
        }
        guard values.count - before == count else {
            throw ParquetError("the page decodes to \(values.count - before) values, not the \(count) its header declares")
        }
    }

    /// Dictionary indices (a bit width, then the RLE/bit-packed hybrid), each replaced by its dictionary entry.
    private mutating func gather(_ cursor: inout ByteCursor, count: Int, into values: inout [Converter.Element]) throws(ParquetError) {
        guard let dictionary else { throw ParquetError("the page is dictionary-encoded but the column chunk has no dictionary page") }
        let width = Int(try cursor.littleEndian(1))
        var decoder = try RLEHybridDecoder(cursor.rest, width: width)
        let indices = try decoder.decode(count: count)
        values.reserveCapacity(values.count + count)
        for index in indices {
            guard Int(index) < dictionary.count else {
                throw ParquetError("a dictionary index of \(index) is past the dictionary's \(dictionary.count) entries")
            }
            values.append(dictionary[Int(index)])
        }
    }

    /// DELTA_BINARY_PACKED integers as plain values of the column's width (INT32 truncated, as the format wraps).
    private mutating func appendIntegers(_ integers: [Int64], count: Int, into values: inout [Converter.Element]) throws(ParquetError) {
        guard integers.count == count else {
            throw ParquetError("the page decodes to \(integers.count) integers, not the \(count) its header declares")
        }
        if width == 4 {
            try appendFixed(integers.map { UInt32(truncatingIfNeeded: $0).littleEndian }, count: count, into: &values)
        } else {
            try appendFixed(integers.map { $0.littleEndian }, count: count, into: &values)
        }
    }

    /// Appends `count` plain values held in `array`'s memory.
    private mutating func appendFixed<Storage>(_ array: [Storage], count: Int, into values: inout [Converter.Element]) throws(ParquetError) {
        var failure: ParquetError?
        array.withUnsafeBytes { raw in
            do throws(ParquetError) { try converter.append(fixed: raw, count: count, width: width, to: &values) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
