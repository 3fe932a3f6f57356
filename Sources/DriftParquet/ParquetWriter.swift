// ParquetWriter: `write_parquet`'s core: a data frame written as a Parquet file, row group by row group (each
// row group's columns encoded on their own cores), then the footer; through FileAccess.writeAtomically, so safe
// mode's --allow-write applies and a crash or Ctrl-C leaves the old file or the whole new one.
import DriftCore

public enum ParquetWriter {
    /// The codecs `write_parquet` offers.
    public enum Compression: String, CaseIterable, Sendable {
        case zstd, snappy, gzip, none

        var codec: CompressionCodec {
            switch self {
            case .zstd: .zstd
            case .snappy: .snappy
            case .gzip: .gzip
            case .none: .uncompressed
            }
        }
    }

    /// The footer's created_by: readers may trust that such a file stores a missing number as null, never NaN.
    static let createdBy = "drift"

    /// Writes `frame` to `path`: row groups of at most `rowGroupSize` rows, pages compressed with `compression`.
    public static func write(_ frame: DataFrame, to path: String, compression: Compression = .zstd, rowGroupSize: Int = 1_000_000) throws {
        guard rowGroupSize > 0 else { throw ParquetError("row_group_size must be at least 1, not \(rowGroupSize)") }
        guard !frame.columns.isEmpty else { throw ParquetError("a Parquet file needs at least one column; the dataframe has none") }
        let columns = try zip(frame.names, frame.columns).map { name, column throws(ParquetError) in try WrittenColumn(name: name, column: column) }
        let groups = stride(from: 0, to: frame.rowCount, by: rowGroupSize).map { $0..<min($0 + rowGroupSize, frame.rowCount) }
        var metadata = FileMetaData()
        metadata.version = 1
        metadata.createdBy = createdBy
        metadata.rowCount = Int64(frame.rowCount)
        var root = SchemaElement()
        root.name = "schema"
        root.childCount = Int32(columns.count)
        metadata.schema = [root] + columns.map(\.schemaElement)
        let magic = Array("PAR1".utf8)
        try FileAccess.writeAtomically(to: path) { file in
            try file.write(magic)
            var offset = Int64(magic.count)
            let progress = Progress.start("writing \(path)", total: groups.count)
            defer { progress.finish() }
            for rows in groups {
                let encoded = concurrentMap(columns.count) { index in
                    Result { try ColumnChunkWriter.encode(columns[index], rows: rows, codec: compression.codec) }
                }
                var group = RowGroup()
                group.rowCount = Int64(rows.count)
                for result in encoded {
                    let chunk = try result.get()
                    group.columns.append(ColumnChunk(filePath: nil, metadata: chunk.placed(at: offset)))
                    try file.write(chunk.bytes)
                    offset += Int64(chunk.bytes.count)
                }
                metadata.rowGroups.append(group)
                progress.advance()
            }
            let footer = ThriftCompactWriter.encode(metadata)
            var tail: [UInt8] = []
            tail.appendLittleEndian(UInt32(footer.count))
            try file.write(footer + tail + magic)
        }
    }
}
