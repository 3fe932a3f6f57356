// FittedStatistic: a monitoring method fitted on the whole reference column, ready to give each chunk's value.
// The formulas are NannyML 0.13's (drift/univariate/methods.py): KS D (scipy.stats.ks_2samp; the reference's
// counts below each of the chunk's values come from ChunkOrder's merge) and the Wasserstein distance (scipy.stats.wasserstein_distance) on
// every value; Jensen–Shannon (scipy's jensenshannon, base 2) and Hellinger over the reference's Doane bins
// (numbers) or categories, the chunk's share outside them one extra bin;
// L-infinity over categories; chi-square of the reference's and the chunk's category counts (scipy's
// chi2_contingency, Yates-corrected for two categories). Missing values are dropped; a chunk with none left has
// the value NaN.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A chunk's value, and chi2's p-value.
struct ChunkValue {
    var value: Double
    var pValue: Double?

    static let missing = ChunkValue(value: .nan, pValue: nil)
}

/// A monitoring method fitted on the reference.
enum FittedStatistic {
    case ks(referenceCount: Int)
    case wasserstein(sortedReference: [Double])
    /// Shares of the reference in the bins given by `edges` (numpy.histogram: the last bin closed).
    case binned(MonitorStatistic, edges: [Double], referenceShares: [Double])
    /// Shares of the reference per category code (codes index `shares`).
    case categories(MonitorStatistic, referenceCounts: [Int])

    /// Fits `statistic` on the reference's present numbers, ascending.
    init(_ statistic: MonitorStatistic, sortedNumbers sorted: [Double]) throws {
        guard !sorted.isEmpty else { throw DataError("the reference has no values (all missing)") }
        switch statistic {
        case .ks: self = .ks(referenceCount: sorted.count)
        case .wasserstein: self = .wasserstein(sortedReference: sorted)
        case .chi2, .lInfinity:
            throw DataError("\(statistic.rawValue) compares categories, not numbers")
        case .js, .hellinger:
            let edges = DoaneBins.edges(sorted)
            let counts = DoaneBins.counts(sorted, edges: edges)
            self = .binned(statistic, edges: edges, referenceShares: counts.map { Double($0) / Double(sorted.count) })
        }
    }

    /// Fits `statistic` on category codes (-1 missing) among `categoryCount` categories.
    init(_ statistic: MonitorStatistic, codes: ArraySlice<Int32>, categoryCount: Int) throws {
        let counts = Self.counts(codes, categoryCount)
        guard counts.contains(where: { $0 > 0 }) else { throw DataError("the reference has no values (all missing)") }
        self = .categories(statistic, referenceCounts: counts)
    }

    /// Whether a chunk's value needs the reference's counts below each of its numbers (SortedChunk).
    var needsReferenceCounts: Bool {
        if case .ks = self { return true }
        return false
    }

    /// The value of a chunk given its present numbers, ascending (with the reference's counts for KS).
    func value(_ chunk: SortedChunk) -> ChunkValue {
        guard !chunk.values.isEmpty else { return .missing }
        switch self {
        case .ks(let referenceCount):
            return ChunkValue(value: Self.ksStatistic(referenceCount: referenceCount, chunk))
        case .wasserstein(let reference):
            return ChunkValue(value: DriftTests.cdfDistance(reference, chunk.values, power: 1))
        case .binned(_, let edges, _):
            return value(binCounts: DoaneBins.counts(chunk.values, edges: edges), present: chunk.values.count)
        case .categories:
            preconditionFailure("a categorical statistic was given numbers")
        }
    }

    /// The value of a binned statistic for a chunk of `present` numbers with `binCounts` in the fitted edges.
    func value(binCounts: [Int], present: Int) -> ChunkValue {
        guard case .binned(let statistic, _, let referenceShares) = self else {
            preconditionFailure("bin counts were given to an unbinned statistic")
        }
        guard present > 0 else { return .missing }
        return ChunkValue(value: Self.distance(statistic, referenceShares, binCounts.map { Double($0) / Double(present) }))
    }

    /// The value of a chunk of category codes.
    func value(codes: ArraySlice<Int32>) -> ChunkValue {
        guard case .categories(_, let referenceCounts) = self else {
            preconditionFailure("a numeric statistic was given categories")
        }
        return value(counts: Self.counts(codes, referenceCounts.count))
    }

    /// The value of a chunk's counts per category code.
    func value(counts: [Int]) -> ChunkValue {
        guard case .categories(let statistic, let referenceCounts) = self else {
            preconditionFailure("a numeric statistic was given categories")
        }
        let n = counts.reduce(0, +)
        guard n > 0 else { return .missing }
        if statistic == .chi2 {
            // The table's rows: every category seen in the reference or in the chunk.
            let seen = counts.indices.filter { referenceCounts[$0] > 0 || counts[$0] > 0 }
            let (chi2, dof) = DriftTests.chiSquare(seen.map { referenceCounts[$0] }, seen.map { counts[$0] }, yates: true)
            let p = dof == 0 ? 1 : SpecialFunctions.chiSquareSurvival(chi2, degreesOfFreedom: Double(dof))
            return ChunkValue(value: dof == 0 ? 0 : chi2, pValue: p)
        }
        let referenceTotal = Double(referenceCounts.reduce(0, +))
        let present = referenceCounts.indices.filter { referenceCounts[$0] > 0 }
        let referenceShares = present.map { Double(referenceCounts[$0]) / referenceTotal }
        let shares = present.map { Double(counts[$0]) / Double(n) }
        if statistic == .lInfinity {
            var largest = 0.0
            for (index, count) in counts.enumerated() {
                largest = Swift.max(largest, abs(Double(referenceCounts[index]) / referenceTotal - Double(count) / Double(n)))
            }
            return ChunkValue(value: largest)
        }
        return ChunkValue(value: Self.distance(statistic, referenceShares, shares))
    }

    /// Jensen–Shannon or Hellinger distance between the reference's shares and the chunk's; the chunk's share left
    /// outside the reference's bins or categories is one more bin, empty in the reference.
    private static func distance(_ statistic: MonitorStatistic, _ reference: [Double], _ chunk: [Double]) -> Double {
        var reference = reference, chunk = chunk
        let leftover = 1 - chunk.reduce(0, +)
        if leftover > 0 {
            reference.append(0)
            chunk.append(leftover)
        }
        if statistic == .js { return ShareDivergence.jsDistance.value(reference: reference, current: chunk) }
        var sum = 0.0
        for (p, q) in zip(reference, chunk) { sum += (p.squareRoot() - q.squareRoot()) * (p.squareRoot() - q.squareRoot()) }
        return sum.squareRoot() / 2.0.squareRoot()
    }

    /// KS D of a chunk against the whole reference: the gap between the two ECDFs is widest at one of the chunk's
    /// values or just before it, so it is taken there only, with the reference's counts at each value. The
    /// differences are the same quotients a walk over both samples forms, so D is the same to the last bit.
    private static func ksStatistic(referenceCount: Int, _ chunk: SortedChunk) -> Double {
        let n = Double(referenceCount), m = Double(chunk.values.count)
        var largest = -Double.infinity, smallest = Double.infinity
        chunk.values.withUnsafeBufferPointer { values in
            var start = 0
            while start < values.count {
                var end = start
                while end + 1 < values.count, values[end + 1] == values[start] { end += 1 }
                let before = Double(chunk.referenceBelow[start]) / n - Double(start) / m
                let at = Double(chunk.referenceAtOrBelow[start]) / n - Double(end + 1) / m
                largest = Swift.max(largest, before, at)
                smallest = Swift.min(smallest, before, at)
                start = end + 1
            }
        }
        return Swift.max(largest, Swift.min(1, Swift.max(0, -smallest)))
    }

    private static func counts(_ codes: ArraySlice<Int32>, _ categoryCount: Int) -> [Int] {
        var counts = [Int](repeating: 0, count: categoryCount)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        return counts
    }
}
