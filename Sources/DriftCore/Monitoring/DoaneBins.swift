// DoaneBins: numpy.histogram_bin_edges(x, bins="doane") and numpy.histogram's counts in them, which NannyML uses to
// bin numbers for its Jensen–Shannon and Hellinger distances. Doane's rule: bin width = range /
// (1 + log2 n + log2(1 + |g1| / σ_g1)), g1 the (biased) sample skewness and σ_g1 = √(6(n−2) / ((n+1)(n+3))); the
// number of equal bins is ⌈range / width⌉ (one bin when n ≤ 2 or the values are all equal, widened to ±0.5 then).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum DoaneBins {
    /// The edges for ascending, NaN-free values (at least one).
    static func edges(_ sorted: [Double]) -> [Double] {
        guard let low = sorted.first, let high = sorted.last else { return [0, 1] }
        let n = Double(sorted.count)
        var g1: Double?
        if sorted.count > 2 {
            let mean = sorted.reduce(0, +) / n
            let sigma = (sorted.reduce(0) { $0 + (($1 - mean) * ($1 - mean)) } / n).squareRoot()
            if sigma > 0 {
                g1 = sorted.reduce(0) { sum, x in
                    let z = (x - mean) / sigma
                    return sum + z * z * z
                } / n
            }
        }
        return edges(count: sorted.count, low: low, high: high, skewness: g1)
    }

    /// The edges for the values a summary describes, given their Σ (x − mean)³.
    static func edges(_ summary: ColumnSummary, cubedDeviations: Double) -> [Double] {
        let moments = summary.moments, n = Double(moments.count)
        let sigma = (moments.squaredDeviations / n).squareRoot()
        let skewness = moments.count > 2 && sigma > 0 ? cubedDeviations / n / (sigma * sigma * sigma) : nil
        return edges(count: moments.count, low: moments.minimum, high: moments.maximum, skewness: skewness)
    }

    /// The edges for `count` values between `low` and `high` whose biased skewness is `skewness` (nil when
    /// there are at most two values or they do not vary).
    static func edges(count: Int, low: Double, high: Double, skewness g1: Double?) -> [Double] {
        let (first, last) = low == high ? (low - 0.5, high + 0.5) : (low, high)
        let n = Double(count)
        var width = 0.0
        if count > 2, let g1 {
            let sg1 = (6.0 * (n - 2) / ((n + 1.0) * (n + 3))).squareRoot()
            width = (high - low) / (1.0 + log2(n) + log2(1.0 + abs(g1) / sg1))
        }
        let bins = width != 0 ? Int(((last - first) / width).rounded(.up)) : 1
        // numpy.linspace: start + i·step, the last edge exactly the stop.
        let step = (last - first) / Double(bins)
        return (0...bins).map { $0 == bins ? last : Double($0) * step + first }
    }

    /// numpy.histogram's counts of ascending values in `edges`: [e_i, e_i+1), the last bin closed; values outside
    /// the edges are not counted.
    static func counts(_ sorted: [Double], edges: [Double]) -> [Int] {
        // Positions where each edge would be inserted: left side, except the last edge's right side.
        let positions = edges.indices.map { index in
            index == edges.count - 1 ? insertionPoint(sorted, edges[index], orEqual: true) : insertionPoint(sorted, edges[index], orEqual: false)
        }
        return (0..<(edges.count - 1)).map { positions[$0 + 1] - positions[$0] }
    }

    /// How many values are below `x` (or at most `x` when `orEqual`).
    private static func insertionPoint(_ sorted: [Double], _ x: Double, orEqual: Bool) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < x || (orEqual && sorted[middle] == x) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
