// ParquetScanSource: a Parquet file, directory or glob (as `read_parquet` takes them) as a lazy summary source
// (`scan_parquet`): the chosen columns are read one row group at a time and added to the summaries, so memory
// holds one row group's columns and the summaries, whatever the files' size; the pages of a row group the pass
// is done with are dropped from memory. The row count, and the missing counts and numeric ranges the column
// chunks' statistics give exactly, are answered from the footers without reading a page (`facts`). A row group's
// columns are read and summarised on every core at once, each column's row groups still in order.
import DriftCore
import Synchronization

public struct ParquetScanSource: SummarySource {
    public let path: String
    public let columnNames: [String]
    /// One sentence per column left out (nested, or of a type Drift does not read).
    public let notes: [String]
    /// How many column chunks have been read, for tests that check the statistics spared reading them.
    public let chunkReads = ReadCounter()
    private let dataset: ParquetDataset
    /// Each file column's type, in `columnNames`' order (the partition columns follow).
    private let fileColumnTypes: [ColumnType]

    /// Lists the files and reads their footers, which must agree (the rows are read when summaries are asked for).
    public init(path: String) throws {
        self.path = path
        dataset = try ParquetDataset(path)
        var notes: [String] = [], first: [(String, ColumnType)]?
        for part in dataset.parts {
            var partNotes: [String] = []
            let columns = try Self.withFile(part.path) { file throws(ParquetError) in
                let (_, schema) = try ParquetReader.layout(of: file)
                return try ParquetReader.selectedLeaves(schema, nil, notes: &partNotes).map { ($0.0.name, $0.1.columnType) }
            }
            for note in partNotes where !notes.contains(note) { notes.append(note) }
            if let first, !first.elementsEqual(columns, by: ==) {
                throw ParquetError("'\(part.path)' has the columns \(Self.describe(columns)) but '\(dataset.parts[0].path)' has \(Self.describe(first))")
            }
            first = first ?? columns
        }
        columnNames = (first ?? []).map(\.0) + dataset.partitionKeys
        fileColumnTypes = (first ?? []).map(\.1)
        self.notes = notes
    }

    public var name: String { path }

    public func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult {
        var pass = ChunkSummaryPass(source: path, columns: columns, request: request)
        let keys = dataset.partitionKeys
        let fileColumns = columns.filter { !keys.contains($0) }
        let progress = Progress.start("scanning \(path)", total: dataset.parts.count)
        defer { progress.finish() }
        for (partIndex, part) in dataset.parts.enumerated() {
            let contents = try FileAccess.contents(part.path)
            do {
                try contents.data.withUnsafeBytes { file in
                    let (metadata, schema) = try ParquetReader.layout(of: file)
                    var unused: [String] = []
                    let chosen = try ParquetReader.selectedLeaves(schema, fileColumns, notes: &unused)
                    let positions = chosen.map { leaf, _ in columns.firstIndex(of: leaf.name) ?? 0 }
                    let bytes = SharedBytes(file)
                    for (index, group) in metadata.rowGroups.enumerated() {
                        // The row group's columns are read and summarised on every core, each on its own.
                        try pass.addConcurrently(at: positions) { k in
                            let (leaf, meaning) = chosen[k]
                            do {
                                chunkReads.add()
                                return try ParquetReader.readColumn(leaf, meaning, metadata, groups: index..<index + 1, bytes.file)
                            } catch let error as ParquetError {
                                throw error.located("column '\(leaf.name)'")
                            }
                        }
                        for (key, name) in keys.enumerated() {
                            guard let position = columns.firstIndex(of: name) else { continue }
                            try pass.add(dataset.partitionColumn(key, part: partIndex, count: Int(group.rowCount)), at: position)
                        }
                        if contents.isMapped, let base = file.baseAddress { FileAccess.discardPages(of: base, 0..<file.count) }
                    }
                }
            } catch let error as ParquetError {
                throw error.located("'\(part.path)'")
            }
            progress.advance()
        }
        return pass.result
    }

    public func facts(_ columns: [String]) throws -> [String: ColumnFacts]? {
        var statistics: [String: ChunkStatistics] = [:]
        var rowCounts: [Int] = []
        for part in dataset.parts {
            let (rows, partStatistics) = try Self.withFile(part.path) { file throws(ParquetError) in
                let (metadata, schema) = try ParquetReader.layout(of: file)
                var unused: [String] = []
                let chosen = try ParquetReader.selectedLeaves(schema, columns.filter(schema.leaves.map(\.name).contains), notes: &unused)
                // Drift's writer stores a missing number as null, never as NaN.
                let nullsAreMissing = metadata.createdBy == ParquetWriter.createdBy
                return (Int(metadata.rowCount), chosen.map { leaf, meaning in
                    (leaf.name, metadata.rowGroups.reduce(into: ChunkStatistics()) {
                        $0.add($1.columns[leaf.chunkIndex], rows: Int($1.rowCount), meaning: meaning, nullsAreMissing: nullsAreMissing)
                    })
                })
            }
            rowCounts.append(rows)
            for (name, chunk) in partStatistics { statistics[name, default: ChunkStatistics()].merge(chunk) }
        }
        let total = rowCounts.reduce(0, +)
        var facts: [String: ColumnFacts] = [:]
        for (index, name) in columnNames.enumerated() where columns.contains(name) {
            if let chunk = statistics[name], index < fileColumnTypes.count {
                facts[name] = ColumnFacts(type: fileColumnTypes[index], rowCount: total, missing: chunk.missing,
                                          minimum: chunk.range?.minimum, maximum: chunk.range?.maximum)
            } else if let key = dataset.partitionKeys.firstIndex(of: name) {
                let values = dataset.parts.indices.map { dataset.partitionColumn(key, part: $0, count: 1) }
                let numbers = values.compactMap { if case .numeric(let n) = $0 { n.values[0] } else { nil } }
                facts[name] = ColumnFacts(type: numbers.isEmpty ? .text : .numeric, rowCount: total, missing: 0,
                                          minimum: total > 0 ? numbers.min() : nil, maximum: total > 0 ? numbers.max() : nil)
            }
        }
        return facts
    }

    /// `body` over the bytes of the file at `path`; its errors name the file.
    private static func withFile<Result>(_ path: String, _ body: (UnsafeRawBufferPointer) throws(ParquetError) -> Result) throws -> Result {
        let contents = try FileAccess.contents(path)
        do {
            return try contents.data.withUnsafeBytes { file in try body(file) }
        } catch let error as ParquetError {
            throw error.located("'\(path)'")
        }
    }

    private static func describe(_ columns: [(String, ColumnType)]) -> String {
        columns.map { "\($0.0) (\($0.1.rawValue))" }.joined(separator: ", ")
    }
}

/// A count that threads may add to.
public final class ReadCounter: Sendable {
    private let count = Atomic<Int>(0)

    public init() {}

    public var value: Int { count.load(ordering: .relaxed) }

    func add() { count.add(1, ordering: .relaxed) }
}
