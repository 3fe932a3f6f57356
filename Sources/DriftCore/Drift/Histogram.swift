// Histogram: equal-width and given-edge histograms of numeric values, bin for bin identical to numpy.histogram.
// Hand-written for speed (one pass, a precomputed multiply instead of numpy's per-value divide) while keeping
// numpy's exact semantics: edges from linspace(min, max, k+1) (min == max widens to [min-0.5, max+0.5]), a guessed
// bin index corrected against the actual edges, and the last bin closed on the right.

import Foundation

/// Counts of values per bin, with the bin edges and each bin's share of the counted values.
public struct Histogram: Sendable, Equatable {
    /// bins + 1 ascending edges; bin i is [edges[i], edges[i+1]), the last one closed.
    public let edges: [Double]
    public let counts: [Int]
    /// Missing (NaN) values dropped.
    public let missing: Int

    /// Each bin's count over the total counted (all zero when nothing was counted).
    public var shares: [Double] {
        let total = counts.reduce(0, +)
        return counts.map { total > 0 ? Double($0) / Double(total) : 0 }
    }

    /// `bins` equal-width bins over [min, max] of the present values (or over `range` when given; values outside
    /// it are not counted), as numpy.histogram(values, bins=bins, range=range).
    public init(_ values: [Double], bins: Int, range: ClosedRange<Double>? = nil) throws {
        guard bins >= 1 else { throw DataError("histogram: the number of bins must be at least 1, not \(bins)") }
        let slices = Histogram.slices(values.count)
        let ranges = concurrentMap(slices.count) { k in
            values.withUnsafeBufferPointer { Histogram.presentRange(UnsafeBufferPointer(rebasing: $0[slices[k]])) }
        }
        var low = Double.infinity, high = -Double.infinity, missing = 0
        for part in ranges {
            if part.low < low { low = part.low }
            if part.high > high { high = part.high }
            missing += part.missing
        }
        if let range {
            low = range.lowerBound
            high = range.upperBound
        } else if missing == values.count {
            low = 0
            high = 1
        }
        let edges = try Histogram.equalWidthEdges(low, high, bins: bins)
        self.edges = edges
        self.missing = missing
        self.counts = try Histogram.countEqualWidth(values, edges: edges)
    }

    /// Counts per bin between the given ascending edges, as numpy.histogram(values, bins=edges): values below the
    /// first or above the last edge are not counted; the last bin includes its right edge.
    public init(_ values: [Double], edges: [Double]) throws {
        guard edges.count >= 2 else { throw DataError("histogram: edges need at least two values") }
        for i in 1..<edges.count where !(edges[i - 1] <= edges[i]) {
            throw DataError("histogram: edges must be finite and ascending")
        }
        var counts = [Int](repeating: 0, count: edges.count - 1)
        var missing = 0
        let last = edges.count - 1
        try values.withUnsafeBufferPointer { buffer throws(InterruptedError) in
            for (index, x) in buffer.enumerated() {
                if index & 0xFFFF == 0xFFFF { try Cancellation.check() }
                if x.isNaN {
                    missing += 1
                    continue
                }
                guard x >= edges[0], x <= edges[last] else { continue }
                if x == edges[last] {
                    counts[last - 1] += 1  // the last bin is closed on the right
                } else {
                    counts[Histogram.searchRight(edges, x) - 1] += 1
                }
            }
        }
        self.edges = edges
        self.counts = counts
        self.missing = missing
    }

    /// Counts already made elsewhere (a streaming pass over the same edges).
    public init(edges: [Double], counts: [Int], missing: Int) {
        self.edges = edges
        self.counts = counts
        self.missing = missing
    }

    /// numpy.histogram's edges for `bins` equal-width bins over [low, high] (widened to [low − 0.5, high + 0.5]
    /// when low == high). Throws, as numpy does, when the edges would not rise strictly (bins too narrow).
    public static func equalWidthEdges(_ low: Double, _ high: Double, bins: Int) throws -> [Double] {
        guard bins >= 1 else { throw DataError("histogram: the number of bins must be at least 1, not \(bins)") }
        guard low.isFinite, high.isFinite else {
            throw DataError("histogram: the range [\(low), \(high)] is not finite")
        }
        let edges = low == high ? linspace(low - 0.5, high + 0.5, bins + 1) : linspace(low, high, bins + 1)
        for i in 1..<edges.count where !(edges[i - 1] < edges[i]) {
            // numpy's check too: bins narrower than the spacing of doubles there.
            throw DataError("histogram: too many bins for the range [\(low), \(high)]: cannot make \(bins) finite-sized bins")
        }
        return edges
    }

    /// numpy.linspace(start, stop, count) with endpoint, bit for bit. A range wider than the largest double
    /// (numpy's step overflows to ∞ and its edges to NaN) is split as start · (1 − t) + stop · t instead.
    static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        let divisions = Double(count - 1)
        let delta = stop - start
        let step = delta / divisions
        var result = (0..<count).map { i -> Double in
            guard step.isFinite else {
                let t = Double(i) / divisions
                return start * (1 - t) + stop * t
            }
            return step == 0 ? Double(i) / divisions * delta + start : Double(i) * step + start
        }
        result[count - 1] = stop
        return result
    }

    /// First index whose edge is > x (numpy.searchsorted side="right").
    static func searchRight(_ edges: [Double], _ x: Double) -> Int {
        var low = 0, high = edges.count
        while low < high {
            let mid = (low + high) / 2
            if edges[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Slices of at least 2^20 values, one per core at most, for the two passes over the values.
    static func slices(_ count: Int) -> [Range<Int>] {
        let size = Swift.max(1 << 20, (count + activeProcessors - 1) / activeProcessors)
        return stride(from: 0, to: Swift.max(count, 1), by: size).map { $0..<Swift.min($0 + size, count) }
    }

    private static let activeProcessors = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The smallest and largest present value of a slice and its number of NaNs.
    static func presentRange(_ buffer: UnsafeBufferPointer<Double>) -> (low: Double, high: Double, missing: Int) {
        var low = Double.infinity, high = -Double.infinity, missing = 0
        for x in buffer {
            if x.isNaN { missing += 1 } else {
                if x < low { low = x }
                if x > high { high = x }
            }
        }
        return (low, high, missing)
    }

    /// numpy's uniform-bin fast path: index guess from (x - first) · (k / width), then one correction each way
    /// against the edges, last bin closed. Slices are counted on every core and their counts added.
    static func countEqualWidth(_ values: [Double], edges: [Double]) throws(InterruptedError) -> [Int] {
        let slices = Histogram.slices(values.count)
        let parts = concurrentMap(slices.count) { k in
            values.withUnsafeBufferPointer { countEqualWidth(UnsafeBufferPointer(rebasing: $0[slices[k]]), edges: edges) }
        }
        try Cancellation.check()
        var counts = parts[0]
        for part in parts.dropFirst() {
            for bin in counts.indices { counts[bin] += part[bin] }
        }
        return counts
    }

    /// One slice's counts; stops early (with partial counts) when an interrupt is requested.
    private static func countEqualWidth(_ buffer: UnsafeBufferPointer<Double>, edges: [Double]) -> [Int] {
        let bins = edges.count - 1
        let first = edges[0], last = edges[bins]
        let norm = Double(bins) / (last - first)  // 0 when the range is wider than the largest double
        var counts = [Int](repeating: 0, count: bins)
        edges.withUnsafeBufferPointer { e in
            counts.withUnsafeMutableBufferPointer { c in
                var start = 0
                while start < buffer.count && !Cancellation.isRequested {
                    let end = Swift.min(start + 65536, buffer.count)
                    for i in start..<end {
                        let x = buffer[i]
                        guard x >= first && x <= last else { continue }  // also skips NaN
                        let guess = (x - first) * norm
                        var index: Int
                        if guess.isFinite && norm > 0 {
                            index = guess < Double(bins) ? Int(guess) : bins - 1
                            if x < e[index] { index -= 1 }
                            else if index != bins - 1 && x >= e[index + 1] { index += 1 }
                        } else {  // a range too wide for a double (±1e308): search the edges
                            index = Swift.min(searchRight(edges, x) - 1, bins - 1)
                        }
                        c[index] += 1
                    }
                    start = end
                }
            }
        }
        return counts
    }
}
