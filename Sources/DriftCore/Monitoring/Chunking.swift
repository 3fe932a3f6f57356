// Chunking: how monitoring splits a frame into consecutive chunks, following NannyML 0.13's chunkers. A size
// chunker cuts every `size` rows; a count chunker cuts `rows / count` rows per chunk (integer division) and then
// works as the size chunker. Either keeps an incomplete last chunk as it is — NannyML's default, `incomplete='keep'`
// — so `count: 7` on 3000 rows gives seven chunks of 428 rows and an eighth of 4. Row positions are 0-based and
// inclusive at both ends, as NannyML's `start_index`/`end_index`; its keys read "[start:end]".
//
// A period chunker (calendar weeks of a timestamp column) will be a third case: it needs the frame's datetime
// column, which is why `chunks(of:)` takes the frame rather than a row count.

/// One chunk: a run of consecutive rows.
public struct Chunk: Sendable, Equatable {
    /// The chunk's position among its frame's chunks, from 0.
    public let index: Int
    /// NannyML's key: "[start:end]" for row chunks.
    public let key: String
    /// The first and last row position, inclusive.
    public let startIndex: Int
    public let endIndex: Int
    /// The first and last timestamp of a period chunk; nil for row chunks.
    public let startDate: Double?
    public let endDate: Double?

    public var rows: Range<Int> { startIndex..<(endIndex + 1) }
    public var rowCount: Int { endIndex - startIndex + 1 }

    init(index: Int, rows: Range<Int>) {
        self.index = index
        key = "[\(rows.lowerBound):\(rows.upperBound - 1)]"
        startIndex = rows.lowerBound
        endIndex = rows.upperBound - 1
        startDate = nil
        endDate = nil
    }
}

/// How a frame is split into chunks.
public enum Chunking: Sendable, Equatable {
    /// Chunks of this many rows, the last one possibly smaller.
    case size(Int)
    /// This many chunks of rows / count rows each, plus an incomplete one for any remainder.
    case count(Int)

    /// The chunks of `frame`, in row order; none for an empty frame.
    public func chunks(of frame: DataFrame) throws -> [Chunk] {
        let rows = frame.rowCount
        let size: Int
        switch self {
        case .size(let n):
            guard n > 0 else { throw DataError("chunk size must be at least 1, not \(n)") }
            size = n
        case .count(let n):
            guard n > 0 else { throw DataError("chunk count must be at least 1, not \(n)") }
            guard rows == 0 || n <= rows else {
                throw DataError("cannot split \(rows) rows into \(n) chunks: a chunk needs at least one row")
            }
            size = Swift.max(1, rows / n)
        }
        return stride(from: 0, to: rows, by: size).enumerated().map { index, start in
            Chunk(index: index, rows: start..<Swift.min(start + size, rows))
        }
    }

    /// How the chunking reads, e.g. "chunks of 500 rows".
    public var description: String {
        switch self {
        case .size(let n): "chunks of \(n) row\(n == 1 ? "" : "s")"
        case .count(let n): "\(n) chunk\(n == 1 ? "" : "s") (plus any remainder)"
        }
    }
}
