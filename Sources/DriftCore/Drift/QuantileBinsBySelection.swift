// QuantileBinsBySelection: quantile binning without sorting, for psi, kl_divergence, js_distance, hellinger and
// tvd on their own. The reference's edges need only a few order statistics (two per quantile), which a
// multi-rank quickselect finds in expected linear time; each value of both samples then finds its bin by
// comparing with the edges. The edges and counts equal those of SharedBins over the sorted SamplePair.

extension SharedBins {
    /// Bins NaN-free reference and current values, in any order, by `bins` quantiles of the reference (whose
    /// values it reorders).
    init(quantiles bins: Int, unsortedReference reference: consuming [Double], current: [Double]) throws {
        guard bins >= 1 else { throw DataError("binning: the number of bins must be at least 1, not \(bins)") }
        var wanted = Set<Int>()
        for k in 0...bins {
            let (below, above, _) = Statistics.orderStatistics(count: reference.count, Double(k) / Double(bins))
            wanted.formUnion([below, above])
        }
        var selected = reference
        let ranks = wanted.sorted()
        selected.withUnsafeMutableBufferPointer { $0.select(ranks: ranks[...]) }
        try Cancellation.check()
        // Statistics.quantile reads only the two order statistics around q, which are in place now.
        let edges = SharedBins.quantileEdges(bins: bins) { Statistics.quantile(sortedPresent: selected, $0) }
        self.edges = edges
        (referenceCounts, currentCounts) = try onBothSides(selected, current) {
            try SharedBins.countOpenBins(unsorted: $0, edges: edges)
        }
    }

    /// Counts of NaN-free values in any order per open-ended bin: bin i holds values v with
    /// (number of edges <= v) == i.
    static func countOpenBins(unsorted values: [Double], edges: [Double]) throws(InterruptedError) -> [Int] {
        var counts = [Int](repeating: 0, count: edges.count + 1)
        let block = 1 << 16
        for start in stride(from: 0, to: values.count, by: block) {
            try Cancellation.check()
            values.withUnsafeBufferPointer { values in
                edges.withUnsafeBufferPointer { edges in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for v in values[start..<Swift.min(start + block, values.count)] {
                            counts[edges.count <= 16 ? edgesAtOrBelow(v, edges) : searchEdges(v, edges)] += 1
                        }
                    }
                }
            }
        }
        return counts
    }

    /// How many of a few edges are at or below v, without branches.
    @inline(__always)
    private static func edgesAtOrBelow(_ v: Double, _ edges: UnsafeBufferPointer<Double>) -> Int {
        var n = 0
        for edge in edges { n &+= edge <= v ? 1 : 0 }
        return n
    }

    /// How many of the ascending edges are at or below v, by binary search.
    @inline(__always)
    private static func searchEdges(_ v: Double, _ edges: UnsafeBufferPointer<Double>) -> Int {
        var low = 0, length = edges.count
        while length > 0 {
            let half = length / 2
            if edges[low + half] <= v {
                low += half + 1
                length -= half + 1
            } else {
                length = half
            }
        }
        return low
    }
}

extension UnsafeMutableBufferPointer where Element == Double {
    /// Reorders the (NaN-free) values so that each position in `ranks` (ascending, distinct) holds the value a
    /// sort would put there: the middle rank is selected, then the ranks on each side within the values there.
    func select(ranks: ArraySlice<Int>) {
        guard !ranks.isEmpty, count > 1 else { return }
        let middle = ranks.startIndex + ranks.count / 2
        let k = ranks[middle]
        select(k)
        UnsafeMutableBufferPointer(rebasing: self[..<k]).select(ranks: ranks[..<middle])
        let above = UnsafeMutableBufferPointer(rebasing: self[(k + 1)...])
        above.select(ranks: ArraySlice(ranks[(middle + 1)...].map { $0 - k - 1 }))
    }
}

extension DriftTests {
    /// A share divergence between reference and current values (NaN is missing and dropped) over `bins` quantile
    /// bins of the reference, found without sorting either sample.
    static func binnedDivergence(
        _ divergence: ShareDivergence, reference: [Double], current: [Double], bins: Int, threshold: Double
    ) throws -> DriftTestResult {
        let present = reference.filter { !$0.isNaN }
        let currentPresent = current.contains(where: \.isNaN) ? current.filter { !$0.isNaN } : current
        try SamplePair.requireValues(reference: present.count, current: currentPresent.count)
        let referenceCount = present.count
        let shared = try SharedBins(quantiles: bins, unsortedReference: present, current: currentPresent)
        return DriftTestResult(
            method: divergence.rawValue,
            statistic: divergence.value(reference: shared.referenceShares, current: shared.currentShares),
            pValue: nil, threshold: threshold, referenceCount: referenceCount, currentCount: currentPresent.count,
            referenceMissing: reference.count - referenceCount, currentMissing: current.count - currentPresent.count,
            details: ["bins": Double(shared.referenceCounts.count)])
    }
}
