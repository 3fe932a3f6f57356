// SummaryCache: a summary source with its answers kept, so asking several questions of a lazy source reads
// it once: the first request summarises every column in one pass (a drift report, only its columns, and both
// sources at once); bin counts are kept per column and edges. The row count, a missing count and a numeric
// column's range come from the source's facts while they are exact and the summaries are not made yet, so
// asking only those reads no values.
import Foundation

/// Summaries of a `SummarySource`, computed on first use and kept.
public final class SummaryCache: @unchecked Sendable {
    public let source: any SummarySource
    public let options: ColumnSummary.Options
    private var summaries: [String: ColumnSummary] = [:]
    private var binCounts: [String: [BinEdges: [Int]]] = [:]
    private var knownFacts: [String: ColumnFacts]?
    /// Held for the whole of a pass, so two callers never read the source at once.
    private let lock = NSLock()

    public init(_ source: any SummarySource, options: ColumnSummary.Options = .init()) {
        self.source = source
        self.options = options
    }

    /// Whether every column has been summarised.
    public var isSummarized: Bool { lock.withLock { summaries.count == Set(source.columnNames).count } }

    /// The summaries made so far, of some columns, all or none (reads nothing).
    public var knownSummaries: [String: ColumnSummary] { lock.withLock { summaries } }

    /// Every column's summary (one pass over the source for those not yet known).
    public func allSummaries() throws -> [String: ColumnSummary] {
        try summaries(source.columnNames)
    }

    /// The summaries of `columns`, which the source must have (one pass over the source for those not yet known).
    public func summaries(_ columns: [String]) throws -> [String: ColumnSummary] {
        try lock.withLock {
            // Sets, not array lookups: a wide source asks for 100,000 columns at once.
            var seen = Set<String>(), missing: [String] = []
            for column in columns where summaries[column] == nil && seen.insert(column).inserted { missing.append(column) }
            if !missing.isEmpty {
                let result = try source.summarize(missing, SummaryRequest(options: options))
                // The first pass's dictionary is kept as it is: merging 100,000 summaries would copy them.
                if summaries.isEmpty { summaries = result.summaries } else { summaries.merge(result.summaries) { _, new in new } }
            }
            let wanted = Set(columns)
            // When every summary is wanted, the dictionary itself (no copy of 100,000 summaries).
            let everyOneWanted = wanted.count == summaries.count && wanted.allSatisfy { summaries[$0] != nil }
            return everyOneWanted ? summaries : summaries.filter { wanted.contains($0.key) }
        }
    }

    /// The summaries of `columns` (those each source has) of two sources, read at the same time: a database
    /// works on both sources' queries at once, as its parallel workers would on one.
    public static func summaries(_ columns: [String], _ first: SummaryCache, _ second: SummaryCache)
        throws -> (first: [String: ColumnSummary], second: [String: ColumnSummary]) {
        let results = concurrentMap(2) { side in
            let cache = side == 0 ? first : second
            let known = Set(cache.source.columnNames)
            return Result { try cache.summaries(columns.filter(known.contains)) }
        }
        return (try results[0].get(), try results[1].get())
    }

    /// One column's summary (every column's, in one pass, unless already known); an unknown name is an error
    /// listing the columns.
    public func summary(_ column: String) throws -> ColumnSummary {
        if let known = lock.withLock({ summaries[column] }) { return known }
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
        if let known = lock.withLock({ summaries.values.first }) { return known.rowCount }
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

    /// What the source knows of `column` without reading it; nil once its summary is made (it knows more).
    private func facts(_ column: String) throws -> ColumnFacts? {
        try lock.withLock {
            guard summaries[column] == nil else { return nil }
            if knownFacts == nil { knownFacts = try source.facts(source.columnNames) ?? [:] }
            return knownFacts?[column]
        }
    }
}
