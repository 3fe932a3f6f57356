// ParquetScanSource: a Parquet file as a lazy summary source (`scan_parquet`): the chosen columns are read one
// row group at a time and added to the summaries, so memory holds one row group's columns and the summaries,
// whatever the file's size; the pages of a row group the pass is done with are dropped from memory. The
// column-chunk statistics are not used: every summary comes from the values themselves.
import DriftCore

public struct ParquetScanSource: SummarySource {
    public let path: String
    public let columnNames: [String]
    /// One sentence per column left out (nested, or of a type Drift does not read).
    public let notes: [String]

    /// Opens the file and reads its footer (the rows are read when summaries are asked for).
    public init(path: String) throws {
        self.path = path
        let contents = try FileAccess.contents(path)
        var notes: [String] = []
        do {
            columnNames = try contents.data.withUnsafeBytes { file in
                let (_, schema) = try ParquetReader.layout(of: file)
                return try ParquetReader.selectedLeaves(schema, nil, notes: &notes).map(\.0.name)
            }
        } catch let error as ParquetError {
            throw error.located("'\(path)'")
        }
        self.notes = notes
    }

    public var name: String { path }

    public func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult {
        let contents = try FileAccess.contents(path)
        do {
            return try contents.data.withUnsafeBytes { file in
                let (metadata, schema) = try ParquetReader.layout(of: file)
                var unused: [String] = []
                let chosen = try ParquetReader.selectedLeaves(schema, columns, notes: &unused)
                var pass = ChunkSummaryPass(source: path, columns: columns, request: request)
                let progress = Progress.start("scanning \(path)", total: metadata.rowGroups.count)
                defer { progress.finish() }
                for group in metadata.rowGroups.indices {
                    for (position, (leaf, meaning)) in chosen.enumerated() {
                        do {
                            try pass.add(try ParquetReader.readColumn(leaf, meaning, metadata, groups: group..<group + 1, file), at: position)
                        } catch let error as ParquetError {
                            throw error.located("column '\(leaf.name)'")
                        }
                    }
                    if contents.isMapped, let base = file.baseAddress { FileAccess.discardPages(of: base, 0..<file.count) }
                    progress.advance()
                }
                return pass.result
            }
        } catch let error as ParquetError {
            throw error.located("'\(path)'")
        }
    }
}
