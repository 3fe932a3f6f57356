// ColumnChunkWriter: one column's rows of one row group as a column chunk: a dictionary page when the column is
// strings with few distinct values, then data pages (v1) of at most `pageRows` rows — definition levels
// (RLE/bit-packed) when the column is optional, then the present values PLAIN or as dictionary indices —
// each compressed, with a CRC, behind its Thrift header; and the chunk's metadata with its statistics.
import DriftCore

/// A column chunk's bytes, with its metadata; offsets in it count from the chunk's first byte until the file
/// writer places it (`placed(at:)`).
struct EncodedChunk: Sendable {
    var bytes: [UInt8] = []
    var metadata = ColumnMetaData()

    /// The metadata with its page offsets moved to the chunk's place in the file.
    func placed(at offset: Int64) -> ColumnMetaData {
        var moved = metadata
        moved.dataPageOffset += offset
        moved.dictionaryPageOffset = moved.dictionaryPageOffset.map { $0 + offset }
        return moved
    }
}

struct ColumnChunkWriter {
    /// The most rows a data page holds (about 1 MB of doubles, as pyarrow's pages).
    static let pageRows = 131_072
    /// A dictionary is used while it holds at most this many bytes (pyarrow's dictionary page limit).
    static let dictionaryByteLimit = 1 << 20

    let column: WrittenColumn
    let codec: CompressionCodec
    private var chunk = EncodedChunk()
    private var uncompressedSize: Int64 = 0

    /// The chunk of `column`'s `rows`, compressed with `codec`.
    static func encode(_ column: WrittenColumn, rows: Range<Int>, codec: CompressionCodec) throws -> EncodedChunk {
        var writer = ColumnChunkWriter(column: column, codec: codec)
        return try writer.encode(rows)
    }

    private init(column: WrittenColumn, codec: CompressionCodec) {
        self.column = column
        self.codec = codec
    }

    private mutating func encode(_ rows: Range<Int>) throws -> EncodedChunk {
        chunk.metadata.type = column.physical.rawValue
        chunk.metadata.path = [column.name]
        chunk.metadata.codec = codec.rawValue
        chunk.metadata.valueCount = Int64(rows.count)
        var statistics = Statistics()
        statistics.nullCount = Int64(missingCount(rows))
        let dictionary = dictionaryIndices(rows)
        if let dictionary {
            chunk.metadata.dictionaryPageOffset = 0
            try writeDictionaryPage(dictionary.levels)
            chunk.metadata.encodings = [Encoding.plain.rawValue, Encoding.rle.rawValue, Encoding.rleDictionary.rawValue]
        } else {
            chunk.metadata.encodings = [Encoding.plain.rawValue, Encoding.rle.rawValue]
        }
        chunk.metadata.dataPageOffset = Int64(chunk.bytes.count)
        if let (minimum, maximum) = dictionary.map({ WrittenColumn.extremes(of: $0.levels) }) ?? column.extremes(rows) {
            (statistics.minValue, statistics.maxValue) = (minimum, maximum)
        }
        var start = rows.lowerBound
        while start < rows.upperBound {
            try Cancellation.check()
            let end = min(start + Self.pageRows, rows.upperBound)
            var body = definitionLevels(start..<end)
            if let dictionary {
                let indices = dictionary.indices[(start - rows.lowerBound)..<(end - rows.lowerBound)].compactMap { $0 < 0 ? nil : UInt32($0) }
                let width = max(1, Int.bitWidth - (dictionary.levels.count - 1).leadingZeroBitCount)
                body.append(UInt8(width))
                RLEHybridEncoder.encode(indices, width: width, into: &body)
            } else {
                column.appendPlainValues(start..<end, to: &body)
            }
            var page = DataPageHeader()
            page.valueCount = Int32(end - start)
            page.encoding = (dictionary == nil ? Encoding.plain : .rleDictionary).rawValue
            page.definitionLevelEncoding = Encoding.rle.rawValue
            page.repetitionLevelEncoding = Encoding.rle.rawValue
            var header = PageHeader()
            header.type = PageType.dataPage.rawValue
            header.dataPage = page
            try writePage(header, body)
            start = end
        }
        chunk.metadata.statistics = statistics
        chunk.metadata.totalCompressedSize = Int64(chunk.bytes.count)
        chunk.metadata.totalUncompressedSize = uncompressedSize
        return chunk
    }

    private func missingCount(_ rows: Range<Int>) -> Int {
        guard column.isOptional else { return 0 }
        return rows.reduce(0) { $0 + (column.column.isMissing(at: $1) ? 1 : 0) }
    }

    /// The definition levels of an optional column's rows (1 present, 0 missing) with their 4-byte length in
    /// front; nothing for a required column.
    private func definitionLevels(_ rows: Range<Int>) -> [UInt8] {
        guard column.isOptional else { return [] }
        let levels = rows.map { UInt32(column.column.isMissing(at: $0) ? 0 : 1) }
        var encoded: [UInt8] = []
        RLEHybridEncoder.encode(levels, width: 1, into: &encoded)
        var body: [UInt8] = []
        body.reserveCapacity(encoded.count + 4)
        body.appendLittleEndian(UInt32(encoded.count))
        body.append(contentsOf: encoded)
        return body
    }

    /// For strings with few distinct values: the distinct strings of `rows` in order of first appearance, and
    /// each row's index among them (-1 when missing). nil when a dictionary would not pay (or every value is
    /// missing).
    private func dictionaryIndices(_ rows: Range<Int>) -> (levels: [String], indices: [Int32])? {
        guard case .text(let text) = column.column else { return nil }
        var remap = [Int32](repeating: -1, count: text.levels.count)
        var levels: [String] = [], indices: [Int32] = [], bytes = 0
        indices.reserveCapacity(rows.count)
        for code in text.codes[rows] {
            guard code >= 0 else {
                indices.append(-1)
                continue
            }
            if remap[Int(code)] < 0 {
                remap[Int(code)] = Int32(levels.count)
                levels.append(text.levels[Int(code)])
                bytes += text.levels[Int(code)].utf8.count + 4
                guard bytes <= Self.dictionaryByteLimit, levels.count * 2 <= rows.count else { return nil }
            }
            indices.append(remap[Int(code)])
        }
        return levels.isEmpty ? nil : (levels, indices)
    }

    private mutating func writeDictionaryPage(_ levels: [String]) throws {
        var body: [UInt8] = []
        for level in levels { WrittenColumn.appendByteArray(level, to: &body) }
        var header = PageHeader()
        header.type = PageType.dictionaryPage.rawValue
        var page = DictionaryPageHeader()
        page.valueCount = Int32(levels.count)
        page.encoding = Encoding.plain.rawValue
        header.dictionaryPage = page
        try writePage(header, body)
    }

    /// Compresses `body`, fills in the header's sizes and CRC, and appends both to the chunk.
    private mutating func writePage(_ header: PageHeader, _ body: [UInt8]) throws {
        let compressed = try codec.compress(body)
        guard let uncompressedSize = Int32(exactly: body.count), let compressedSize = Int32(exactly: compressed.count) else {
            throw ParquetError("column '\(column.name)': a page of \(body.count) bytes is larger than Parquet's 2 GB page limit")
        }
        var header = header
        header.uncompressedSize = uncompressedSize
        header.compressedSize = compressedSize
        header.crc = compressed.withUnsafeBytes { Int32(bitPattern: crc32(of: $0)) }
        let encodedHeader = ThriftCompactWriter.encode(header)
        chunk.bytes.append(contentsOf: encodedHeader)
        chunk.bytes.append(contentsOf: compressed)
        self.uncompressedSize += Int64(encodedHeader.count + body.count)
    }
}
