// BinnedDivergence: PSI, KL divergence, Jensen–Shannon distance, Hellinger distance and total variation distance
// between the binned shares of a reference and a current sample. Hand-written (a few sums) to the formulas used by
// drift tools such as Evidently: zero shares become 1e-4 for psi and kl; js_distance is
// scipy.spatial.distance.jensenshannon(p, q, base=2) on raw shares.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How numeric values are put into bins before comparing shares.
public enum Binning: Sendable, Equatable {
    /// Inner edges at numpy.quantile(reference, k/bins), k = 1 ... bins-1, repeated edges merged; the outer bins
    /// reach to ±∞ and a value equal to an edge falls in the bin above it (searchsorted side="right"). A constant
    /// reference c has the edges c and the next double above it, so c is a bin of its own.
    case quantiles(bins: Int)
    /// numpy.histogram's equal-width bins over [min, max] of both samples together.
    case uniform(bins: Int)
}

/// The divergences computed over two share vectors.
public enum ShareDivergence: String, CaseIterable, Sendable {
    case psi, klDivergence = "kl_divergence", jsDistance = "js_distance", hellinger, tvd

    /// Shares at or below zero are replaced by this for psi and kl_divergence.
    public static let zeroShare = 1e-4

    /// The divergence of `current` from `reference` (same length, each summing to 1).
    public func value(reference p: [Double], current q: [Double]) -> Double {
        switch self {
        case .psi:
            var sum = 0.0
            for (r, c) in zip(p, q) {
                let r = r > 0 ? r : Self.zeroShare, c = c > 0 ? c : Self.zeroShare
                sum += (c - r) * log(c / r)
            }
            return sum
        case .klDivergence:
            var sum = 0.0
            for (r, c) in zip(p, q) {
                let r = r > 0 ? r : Self.zeroShare, c = c > 0 ? c : Self.zeroShare
                sum += r * log(r / c)
            }
            return sum
        case .jsDistance:
            let totalP = p.reduce(0, +), totalQ = q.reduce(0, +)
            var left = 0.0, right = 0.0
            for (a, b) in zip(p, q) {
                let x = a / totalP, y = b / totalQ
                let m = (x + y) / 2
                if x > 0 { left += x * log(x / m) }
                if y > 0 { right += y * log(y / m) }
            }
            let js = (left + right) / log(2.0)
            return (Swift.max(0, js) / 2).squareRoot()
        case .hellinger:
            var sum = 0.0
            for (a, b) in zip(p, q) { sum += (a * b).squareRoot() }
            return Swift.max(0, 1 - sum).squareRoot()
        case .tvd:
            var sum = 0.0
            for (a, b) in zip(p, q) { sum += abs(a - b) }
            return sum / 2
        }
    }
}

/// Bin edges shared by reference and current, and each sample's counts in those bins.
public struct SharedBins: Sendable, Equatable {
    /// Ascending edges. Quantile binning: the inner edges only (bins = edges.count + 1, outer bins open);
    /// uniform binning: all bins + 1 edges.
    public let edges: [Double]
    public let referenceCounts: [Int]
    public let currentCounts: [Int]

    public var referenceShares: [Double] { SharedBins.shares(referenceCounts) }
    public var currentShares: [Double] { SharedBins.shares(currentCounts) }

    static func shares(_ counts: [Int]) -> [Double] {
        let total = counts.reduce(0, +)
        return counts.map { total > 0 ? Double($0) / Double(total) : 0 }
    }

    /// Bins both samples of `pair` by `binning`.
    public init(_ pair: SamplePair, binning: Binning) throws {
        switch binning {
        case .quantiles(let bins):
            guard bins >= 1 else { throw DataError("binning: the number of bins must be at least 1, not \(bins)") }
            let edges = SharedBins.quantileEdges(bins: bins) { Statistics.quantile(sortedPresent: pair.reference, $0) }
            self.edges = edges
            referenceCounts = try SharedBins.countOpenBins(pair.reference, edges: edges)
            currentCounts = try SharedBins.countOpenBins(pair.current, edges: edges)
        case .uniform(let bins):
            let low = Swift.min(pair.reference[0], pair.current[0])
            let high = Swift.max(pair.reference[pair.referenceCount - 1], pair.current[pair.currentCount - 1])
            let reference = try Histogram(pair.reference, bins: bins, range: low...high)
            let current = try Histogram(pair.current, edges: reference.edges)
            edges = reference.edges
            referenceCounts = reference.counts
            currentCounts = current.counts
        }
    }

    /// Inner edges at the reference quantiles k/bins, k = 1 ... bins-1, repeated edges merged. A constant
    /// reference c gets a bin of its own, [c, next double above c): with its one edge c alone, a current sample
    /// lying wholly above c would share c's bin and look unchanged.
    static func quantileEdges(bins: Int, quantile: (Double) -> Double) -> [Double] {
        var edges: [Double] = []
        for k in 1..<Swift.max(bins, 1) {
            let edge = quantile(Double(k) / Double(bins))
            if edges.last != edge { edges.append(edge) }
        }
        let low = quantile(0)
        if bins >= 2, low == quantile(1), low.nextUp != low { edges = [low, low.nextUp] }
        return edges
    }

    /// Counts of sorted values per open-ended bin: bin i holds values v with (number of edges <= v) == i.
    static func countOpenBins(_ sorted: [Double], edges: [Double]) throws(InterruptedError) -> [Int] {
        var counts = [Int](repeating: 0, count: edges.count + 1)
        var bin = 0
        for (index, v) in sorted.enumerated() {
            if index & 0xFFFF == 0xFFFF { try Cancellation.check() }
            while bin < edges.count && edges[bin] <= v { bin += 1 }
            counts[bin] += 1
        }
        return counts
    }
}

extension DriftTests {
    /// A share divergence between the binned reference and current samples.
    public static func binnedDivergence(
        _ divergence: ShareDivergence, _ pair: SamplePair, binning: Binning = .quantiles(bins: 10),
        threshold: Double = 0.1
    ) throws -> DriftTestResult {
        let bins = try SharedBins(pair, binning: binning)
        let value = divergence.value(reference: bins.referenceShares, current: bins.currentShares)
        return pair.result(divergence.rawValue, statistic: value, pValue: nil, threshold: threshold,
                           details: ["bins": Double(bins.referenceCounts.count)])
    }
}
