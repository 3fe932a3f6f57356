// Chunking: how monitoring splits a frame into consecutive chunks, following NannyML 0.13's chunkers. A size
// chunker cuts every `size` rows; a count chunker cuts `rows / count` rows per chunk (integer division) and then
// works as the size chunker. Either keeps an incomplete last chunk as it is — NannyML's default, `incomplete='keep'`
// — so `count: 7` on 3000 rows gives seven chunks of 428 rows and an eighth of 4. Row positions are 0-based and
// inclusive at both ends, as NannyML's `start_index`/`end_index`; its keys read "[start:end]".
//
// A period chunker (PeriodBasedChunker) first sorts the frame by its timestamp column (stably, missing last), then
// makes one chunk per calendar period that has rows: periods without rows are skipped, rows without a timestamp
// belong to no chunk, and row positions refer to the sorted frame — all as NannyML does. See PeriodChunks.swift.

/// One chunk: a run of consecutive rows.
public struct Chunk: Sendable, Equatable {
    /// The chunk's position among its frame's chunks, from 0.
    public let index: Int
    /// NannyML's key: "[start:end]" for row chunks, the period (as pandas prints it) for period chunks.
    public let key: String
    /// The first and last row position, inclusive.
    public let startIndex: Int
    public let endIndex: Int
    /// The first and last instant (or day) of a period chunk's period; nil for row chunks.
    public let startDate: TimeValue?
    public let endDate: TimeValue?

    public var rows: Range<Int> { startIndex..<(endIndex + 1) }
    public var rowCount: Int { endIndex - startIndex + 1 }

    init(index: Int, rows: Range<Int>, key: String? = nil, startDate: TimeValue? = nil, endDate: TimeValue? = nil) {
        self.index = index
        self.key = key ?? "[\(rows.lowerBound):\(rows.upperBound - 1)]"
        startIndex = rows.lowerBound
        endIndex = rows.upperBound - 1
        self.startDate = startDate
        self.endDate = endDate
    }
}

/// How a frame is split into chunks.
public enum Chunking: Sendable, Equatable {
    /// Chunks of this many rows, the last one possibly smaller.
    case size(Int)
    /// This many chunks of rows / count rows each, plus an incomplete one for any remainder.
    case count(Int)
    /// One chunk per calendar period of the date or datetime column `column` that has rows.
    case period(column: String, every: Period)

    /// The frame in the order its chunks refer to: sorted by the timestamp (stably, missing last) for periods,
    /// as it is otherwise.
    public func ordered(_ frame: DataFrame) throws -> DataFrame {
        guard case .period(let column, _) = self else { return frame }
        let times = try PeriodChunks.times(frame, column)
        var previous = Int64.min
        for value in times.values {
            if value == TimeValue.missing { previous = .max } else if value < previous { return try frame.sorted(by: column, descending: false) }
            else { previous = value }
        }
        return frame
    }

    /// The chunks of `frame`, in order; none for an empty frame. Period chunks' row positions refer to
    /// `ordered(frame)`.
    public func chunks(of frame: DataFrame) throws -> [Chunk] {
        if case .period(let column, let period) = self {
            return try PeriodChunks.chunks(of: try PeriodChunks.times(try ordered(frame), column), every: period)
        }
        return try chunks(rowCount: frame.rowCount)
    }

    /// The period chunks of rows counted per window where the data is (a database): `windows` holds each window
    /// with rows — its number, `Period.window(of:origin:)` from the period's default origin, and its row count —
    /// in window order; `kind` is the timestamp column's. Row positions count the rows of the windows before, as in
    /// the frame sorted by the timestamp.
    public func chunks(windows: [(window: Int64, rows: Int)], kind: TimeKind) throws -> [Chunk] {
        guard case .period(_, let period) = self else { throw DataError("\(description) are not cut by timestamps") }
        let origin = period.defaultOrigin, startKind = TimeColumn.windowStartKind(kind, every: period, origin: origin)
        var first = 0
        return windows.enumerated().map { index, window in
            defer { first += window.rows }
            let start = period.start(ofWindow: window.window, origin: origin)
            return PeriodChunks.chunk(index: index, rows: first..<(first + window.rows), start: start, every: period, kind: startKind)
        }
    }

    /// The row chunks of `rows` rows (a period chunking is an error: its chunks depend on the timestamps).
    public func chunks(rowCount rows: Int) throws -> [Chunk] {
        let size = try rowsPerChunk(rowCount: rows)
        return stride(from: 0, to: rows, by: size).enumerated().map { index, start in
            Chunk(index: index, rows: start..<Swift.min(start + size, rows))
        }
    }

    /// How many rows a row chunk of `rows` rows holds (the last may hold fewer).
    public func rowsPerChunk(rowCount rows: Int) throws -> Int {
        switch self {
        case .size(let n):
            guard n > 0 else { throw DataError("chunk size must be at least 1, not \(n)") }
            return n
        case .count(let n):
            guard n > 0 else { throw DataError("chunk count must be at least 1, not \(n)") }
            guard rows == 0 || n <= rows else {
                throw DataError("cannot split \(rows) rows into \(n) chunks: a chunk needs at least one row")
            }
            return Swift.max(1, rows / n)
        case .period:
            throw DataError("\(description) are cut by timestamps, not by row counts")
        }
    }

    /// `frame` in chunk order and its chunks, for a monitor; an error when there are none. `role` names the
    /// frame in the message ("the reference").
    public func split(_ frame: DataFrame, _ role: String) throws -> (frame: DataFrame, chunks: [Chunk]) {
        let sorted = try ordered(frame)
        let chunks = try chunks(of: sorted)
        guard !chunks.isEmpty else { throw noChunks(role) }
        return (sorted, chunks)
    }

    /// The error of data with no chunks; `role` names it ("the reference").
    public func noChunks(_ role: String) -> DataError {
        if case .period(let column, _) = self { return DataError("\(role) has no rows with a timestamp in '\(column)'") }
        return DataError("\(role) has no rows")
    }

    /// How the chunking reads, e.g. "chunks of 500 rows".
    public var description: String {
        switch self {
        case .size(let n): "chunks of \(n) row\(n == 1 ? "" : "s")"
        case .count(let n): "\(n) chunk\(n == 1 ? "" : "s") (plus any remainder)"
        case .period(let column, let period): "\(PeriodChunks.name(of: period)) of '\(column)'"
        }
    }
}
