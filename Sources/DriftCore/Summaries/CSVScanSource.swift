// CSVScanSource: a CSV file as a lazy summary source: columns are summarised in one streaming pass over
// chunks (`CSVChunks`), so memory stays bounded by the chunk size and the summaries, whatever the file's size.
// Column types follow the in-memory reader over the whole file: each chunk is typed on its own, a chunk with
// no present value in a column says nothing about its type, and a column whose chunks disagree (numbers in
// one, text or booleans in another) is text — the pass then starts again reading that column as text, as
// the in-memory reader reads a mixed column again.

/// A CSV file summarised by streaming.
public struct CSVScanSource: SummarySource {
    public let path: String
    public let options: CSVOptions
    public let columnNames: [String]
    let chunkBytes: Int

    /// Opens the file and reads its header (the rows are read when summaries are asked for).
    public init(path: String, options: CSVOptions = .init(), chunkBytes: Int = 16 << 20) throws {
        self.path = path
        self.options = options
        self.chunkBytes = Swift.max(chunkBytes, 1)
        columnNames = try CSVChunks.header(path: path, options: options).names
    }

    public var name: String { path }

    public func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult {
        let positions = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let indices = try columns.map { column in
            guard let index = positions[column] else {
                throw DataError("\(path) has no column '\(column)'; columns: \(columnNames.joined(separator: ", "))")
            }
            return index
        }
        var forcedText = Set<Int>()
        while true {
            do {
                return try pass(columns, indices, request, forcedText: forcedText)
            } catch let conflict as ColumnConflict {
                forcedText.insert(conflict.index)
            }
        }
    }

    /// A column's type changed between chunks: the pass restarts with it read as text.
    private struct ColumnConflict: Error {
        let index: Int
    }

    private func pass(_ columns: [String], _ indices: [Int], _ request: SummaryRequest, forcedText: Set<Int>) throws -> SummaryResult {
        var pass = ChunkSummaryPass(source: path, columns: columns, request: request)
        let file = try FileAccess.openSequential(path)
        let progress = Progress.start("scanning \(path)", total: file.size)
        defer { progress.finish() }
        let chunks = CSVChunks(path: path, options: options, chunkBytes: chunkBytes)
        try chunks.forEach(forcedText: forcedText) { frame, bytes in
            for (k, index) in indices.enumerated() {
                if k & 0xFF == 0xFF { try Cancellation.check() }  // a file may have 100,000 columns
                do {
                    try pass.add(frame.columns[index], at: k)
                } catch is SummaryTypeConflict {
                    throw ColumnConflict(index: index)
                }
            }
            progress.advance(by: bytes)
        }
        return pass.result
    }
}
