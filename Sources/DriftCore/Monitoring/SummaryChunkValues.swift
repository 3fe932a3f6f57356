// SummaryChunkValues: one monitoring method fitted on the reference's summary, giving each chunk's value from the
// chunk's summary (see UnivariateMonitor+Summaries for how close each method comes to the in-memory one). KS and
// Wasserstein compare the sketches; the binned methods on numbers use exact counts in the reference's Doane bins;
// the categorical methods run `FittedStatistic` on exact counts per category.

struct SummaryChunkValues {
    private enum Fitted {
        case sketches(MonitorStatistic, reference: ColumnSummary)
        case binned(FittedStatistic)
        /// Category keys of the reference and every chunk, numbered as the fitted statistic's codes.
        case categories(FittedStatistic, codes: [CategoryTable.CategoryKey: Int])
    }

    private let fitted: Fitted

    /// Fits `method` on the reference's summary `whole` (`bins`: its Doane edges and counts, for js and hellinger
    /// on numbers); `chunks` are every chunk's summaries, whose categories all need a code.
    init(_ method: MonitorMethod, whole: ColumnSummary, bins: (edges: BinEdges, counts: [Int])?, chunks: [ColumnSummary]) throws {
        guard whole.count > 0 else { throw DataError("\(method.name): the reference has no values (all missing)") }
        switch (whole.type == .numeric, method.statistic) {
        case (true, .ks), (true, .wasserstein):
            fitted = .sketches(method.statistic, reference: whole)
        case (true, _):
            guard let bins else { throw DataError("\(method.name): no bin counts of the reference") }
            let shares = bins.counts.map { Double($0) / Double(whole.count) }
            fitted = .binned(.binned(method.statistic, edges: bins.edges.edges, referenceShares: shares))
        case (false, _):
            let counts = try ([whole] + chunks).map { summary in
                guard let categories = summary.categories else {
                    throw DataError("\(method.name): too many distinct values to count them per chunk in the database")
                }
                return categories.counts
            }
            let keys = Set(counts.flatMap(\.keys)).sorted()
            let codes = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            fitted = .categories(.categories(method.statistic, referenceCounts: Self.counts(counts[0], codes)), codes: codes)
        }
    }

    /// The value of a chunk (`binCounts`: its counts in the Doane edges, for the binned methods).
    func value(_ chunk: ColumnSummary, binCounts: [Int]?) throws -> ChunkValue {
        guard chunk.count > 0 else { return .missing }
        switch fitted {
        case .sketches(let statistic, let reference):
            if statistic == .ks {
                return ChunkValue(value: WeightedSample(reference.sketch).kolmogorovDistance(WeightedSample(chunk.sketch)))
            }
            return ChunkValue(value: DriftTests.approximateWasserstein(reference, chunk).distance)
        case .binned(let statistic):
            guard let binCounts else { throw DataError("no bin counts of a chunk") }
            return statistic.value(binCounts: binCounts, present: chunk.count)
        case .categories(let statistic, let codes):
            guard let categories = chunk.categories else { throw DataError("too many distinct values to count them per chunk") }
            return statistic.value(counts: Self.counts(categories.counts, codes))
        }
    }

    private static func counts(_ counts: [CategoryTable.CategoryKey: Int], _ codes: [CategoryTable.CategoryKey: Int]) -> [Int] {
        var result = [Int](repeating: 0, count: codes.count)
        for (key, count) in counts { if let code = codes[key] { result[code] += count } }
        return result
    }
}
