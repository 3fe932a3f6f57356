// SummaryCache: a summary source with its answers kept, so asking several questions of a lazy source reads
// it once: the first request summarises every column in one pass; bin counts are kept per column and edges.
// The row count, a missing count and a numeric column's range come from the source's facts while they are exact
// and the summaries are not made yet, so asking only those reads no values.
import Foundation

/// Summaries of a `SummarySource`, computed on first use and kept.
public final class SummaryCache: @unchecked Sendable {
    public let source: any SummarySource
    public let options: ColumnSummary.Options
    private var summaries: [String: ColumnSummary]?
    private var binCounts: [String: [BinEdges: [Int]]] = [:]
    private var knownFacts: [String: ColumnFacts]?
    /// Held for the whole of a pass, so two callers never read the source at once.
    private let lock = NSLock()

    public init(_ source: any SummarySource, options: ColumnSummary.Options = .init()) {
        self.source = source
        self.options = options
    }

    /// Whether the source has been read yet.
    public var isSummarized: Bool { lock.withLock { summaries != nil } }

    /// Every column's summary (one pass over the source the first time).
    public func allSummaries() throws -> [String: ColumnSummary] {
        try lock.withLock {
            if let summaries { return summaries }
            let result = try source.summarize(source.columnNames, SummaryRequest(options: options))
            summaries = result.summaries
            return result.summaries
        }
    }

    /// One column's summary; an unknown name is an error listing the columns.
    public func summary(_ column: String) throws -> ColumnSummary {
        guard let summary = try allSummaries()[column] else {
            throw DataError("\(source.name) has no column '\(column)'; columns: \(source.columnNames.joined(separator: ", "))")
        }
        return summary
    }

    /// Exact counts of a column's values between `edges` (one counting pass unless already known).
    public func counts(_ column: String, _ edges: BinEdges) throws -> [Int] {
        try lock.withLock {
            if let known = binCounts[column]?[edges] { return known }
            let request = SummaryRequest(options: options, summaries: false, edges: [column: [edges]])
            let result = try source.summarize([column], request)
            guard let counts = result.binCounts[column]?[edges] else {
                throw DataError("\(source.name) returned no bin counts for column '\(column)'")
            }
            binCounts[column, default: [:]][edges] = counts
            return counts
        }
    }

    /// The number of rows.
    public func rowCount() throws -> Int {
        if let first = source.columnNames.first, let facts = try facts(first) { return facts.rowCount }
        return try allSummaries().values.first?.rowCount ?? 0
    }

    /// How many of a column's values are missing.
    public func missingCount(_ column: String) throws -> Int {
        if let missing = try facts(column)?.missing { return missing }
        return try summary(column).missing
    }

    /// A numeric column's smallest and largest value when the source's facts know them; nil otherwise (ask
    /// the summary, which also says why a column has none).
    public func knownRange(_ column: String) throws -> (minimum: Double, maximum: Double)? {
        guard let facts = try facts(column), facts.type == .numeric, let minimum = facts.minimum, let maximum = facts.maximum else {
            return nil
        }
        return (minimum, maximum)
    }

    /// What the source knows of `column` without reading it; nil once the summaries are made (they know more).
    private func facts(_ column: String) throws -> ColumnFacts? {
        try lock.withLock {
            guard summaries == nil else { return nil }
            if knownFacts == nil { knownFacts = try source.facts(source.columnNames) ?? [:] }
            return knownFacts?[column]
        }
    }
}
