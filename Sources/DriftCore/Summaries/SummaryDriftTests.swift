// SummaryDriftTests: drift tests between two summarised columns (`SummarizedColumn`), reusing the in-memory
// tests' math. Which results are exact:
// - chi2_test, z_test and the share divergences on categories: exact — the category counts are exact, and the
//   same `CategoryTable` code runs, so results equal the in-memory ones bit for bit.
// - psi, kl_divergence, js_distance, hellinger, tvd on numbers: the bin counts are exact (a counting pass over
//   the edges). With binning "uniform" the edges are numpy's from the exact min and max, so results equal the
//   in-memory ones exactly. With binning "quantile" the inner edges are the reference sketch's quantiles
//   k/bins: exact (and the result equal to the in-memory one) while the reference has at most the sketch's
//   capacity of values; beyond, each edge's rank is within the sketch's ε (reported as `edge_rank_error`).
// - t_test: from the moments, equal to the in-memory result up to rounding.
// - ks_test, wasserstein, wasserstein_normed: while both sketches hold every value, the in-memory test runs on
//   them (exact, error_bound 0). Beyond, ks_test's statistic is sup |F̂ − Ĝ| of the two sketches, within
//   error_bound = ε_ref + ε_cur of the true one (each sketch's rank error bound over its count), and its
//   p-value is scipy's for that statistic; wasserstein is ∫ |F̂ − Ĝ| from the sketches (error_bound
//   ε_ref·range_ref + ε_cur·range_cur) or from the fine grid histograms, each value moved to its bin's middle
//   (error_bound = the bin width), whichever bound is smaller.

/// One column of a summarised source, as a drift test's reference or current sample.
public struct SummarizedColumn: Sendable {
    public let cache: SummaryCache
    public let column: String

    public init(_ cache: SummaryCache, _ column: String) {
        self.cache = cache
        self.column = column
    }

    public func summary() throws -> ColumnSummary { try cache.summary(column) }
}

extension DriftTests {
    /// The methods that run on summaries (those whose descriptor says so).
    public static var summaryMethods: [String] { DriftMethodDescriptor.summaryNames }

    /// Runs `method` on two summarised columns. `kind` .categorical sends numbers with few distinct values to
    /// the per-category tests when the method exists for both (as a drift report does).
    public static func run(
        _ method: String, reference: SummarizedColumn, current: SummarizedColumn, threshold: Double? = nil,
        binning: Binning = .quantiles(bins: 10), kind: ColumnKind = .numeric
    ) throws -> DriftTestResult {
        guard let descriptor = DriftMethodDescriptor.named(method), descriptor.runsOnSummaries else {
            throw DataError("needs every value, which a summary does not keep; on summaries use one of \(summaryMethods.joined(separator: ", "))")
        }
        let ref = try reference.summary(), cur = try current.summary()
        if ref.type == .numeric, cur.type == .numeric, descriptor.testsAsNumbers(columnKind: kind),
           let numeric = NumericDriftMethod(rawValue: method) {
            guard ref.count > 0 else { throw DataError("drift test: the reference sample is empty after dropping missing values") }
            guard cur.count > 0 else { throw DataError("drift test: the current sample is empty after dropping missing values") }
            let threshold = threshold ?? numeric.defaultThreshold
            if let a = ref.sketch.exactSortedValues(), let b = cur.sketch.exactSortedValues() {
                var result = try run(numeric, on: try SamplePair(reference: a, current: b), threshold: threshold, binning: binning)
                result.referenceMissing = ref.missing
                result.currentMissing = cur.missing
                if numeric == .ksTest || numeric == .wasserstein || numeric == .wassersteinNormed { result.details["error_bound"] = 0 }
                return result
            }
            return try approximate(numeric, reference, current, ref, cur, threshold: threshold, binning: binning)
        }
        guard let categorical = CategoricalDriftMethod(rawValue: method) else {
            throw DataError("\(method) needs numbers, but the column holds \((ref.type == .numeric ? cur : ref).typeName ?? "") values")
        }
        guard let a = ref.categories, let b = cur.categories else {
            throw DataError("\(method): '\(ref.categories == nil ? reference.column : current.column)' has too many distinct values to count them exactly")
        }
        return try run(categorical, on: try CategoryTable(reference: a, current: b, referenceMissing: ref.missing, currentMissing: cur.missing), threshold: threshold)
    }

    private static func approximate(
        _ method: NumericDriftMethod, _ reference: SummarizedColumn, _ current: SummarizedColumn,
        _ ref: ColumnSummary, _ cur: ColumnSummary, threshold: Double, binning: Binning
    ) throws -> DriftTestResult {
        func result(_ statistic: Double, _ p: Double?, _ details: [String: Double]) -> DriftTestResult {
            DriftTestResult(method: method.rawValue, statistic: statistic, pValue: p, threshold: threshold,
                            referenceCount: ref.count, currentCount: cur.count, referenceMissing: ref.missing,
                            currentMissing: cur.missing, details: details)
        }
        switch method {
        case .ksTest:
            let d = WeightedSample(ref.sketch).kolmogorovDistance(WeightedSample(cur.sketch))
            let (statistic, p, exact) = try kolmogorovSmirnovPValue(d, ref.count, cur.count)
            return result(statistic, p, ["exact": exact ? 1 : 0, "error_bound": ref.sketch.rankError + cur.sketch.rankError])
        case .tTest:
            let (t, df, p) = try welch(n1: Double(ref.count), mean1: ref.moments.mean, variance1: ref.moments.variance,
                                   n2: Double(cur.count), mean2: cur.moments.mean, variance2: cur.moments.variance)
            return result(t, p, ["degrees_of_freedom": df])
        case .wasserstein, .wassersteinNormed:
            let (distance, bound) = approximateWasserstein(ref, cur)
            guard method == .wassersteinNormed else { return result(distance, nil, ["error_bound": bound]) }
            let std = ref.moments.populationVariance.squareRoot()
            let scale = Swift.max(std, wassersteinMinimumScale)
            return result(distance / scale, nil, ["wasserstein": distance, "reference_std": std, "error_bound": bound / scale])
        case .psi, .klDivergence, .jsDistance, .hellinger, .tvd:
            let edges: BinEdges
            var details: [String: Double] = [:]
            switch binning {
            case .quantiles(let bins):
                guard bins >= 1 else { throw DataError("binning: the number of bins must be at least 1, not \(bins)") }
                edges = BinEdges(SharedBins.quantileEdges(bins: bins) { ref.sketch.quantile($0) }, rule: .openEnds)
                details["edge_rank_error"] = ref.sketch.rankError
            case .uniform(let bins):
                let low = Swift.min(ref.moments.minimum, cur.moments.minimum)
                let high = Swift.max(ref.moments.maximum, cur.moments.maximum)
                edges = BinEdges(try Histogram.equalWidthEdges(low, high, bins: bins), rule: .histogram)
            }
            let referenceCounts = try reference.cache.counts(reference.column, edges)
            let currentCounts = try current.cache.counts(current.column, edges)
            let divergence = ShareDivergence(rawValue: method.rawValue) ?? .psi
            let value = divergence.value(reference: SharedBins.shares(referenceCounts), current: SharedBins.shares(currentCounts))
            details["bins"] = Double(referenceCounts.count)
            return result(value, nil, details)
        default:
            throw DataError("needs every value, which a summary does not keep")
        }
    }

    /// The Wasserstein distance from the sketches or the grids, whichever has the smaller error bound.
    static func approximateWasserstein(_ ref: ColumnSummary, _ cur: ColumnSummary) -> (distance: Double, bound: Double) {
        let sketchBound = ref.sketch.rankError * (ref.moments.maximum - ref.moments.minimum)
            + cur.sketch.rankError * (cur.moments.maximum - cur.moments.minimum)
        let refGrid = ref.grid.binned, curGrid = cur.grid.binned
        let exponent = Swift.max(refGrid.exponent, curGrid.exponent)
        let gridBound = Double(sign: .plus, exponent: exponent, significand: 1)
        if refGrid.infiniteCount + curGrid.infiniteCount == 0, !refGrid.isEmpty, !curGrid.isEmpty, gridBound < sketchBound {
            let distance = WeightedSample(refGrid, exponent: exponent).wassersteinDistance(WeightedSample(curGrid, exponent: exponent))
            return (distance, gridBound)
        }
        return (WeightedSample(ref.sketch).wassersteinDistance(WeightedSample(cur.sketch)), sketchBound)
    }
}
