// GridHistogram: a fine equal-width histogram that needs no range in advance and merges exactly. Bins have
// width w = 2^e and sit on the grid of multiples of w (bin j is [j·w, (j+1)·w)), so halving the resolution
// (merging bin pairs) is exact, and two histograms merge by bringing both to the coarser grid. The exponent is
// the smallest e that (1) is at least max(exponent(|x|)) − 40 over the values, so every bin index fits in 41
// bits, and (2) lets all values fit in `maximumBins` bins. Both conditions depend only on the set of values, so
// the histogram of A merged with that of B is identical to the histogram of A ∪ B. Infinite values are
// counted apart, not binned.

/// Counts of finite values on a power-of-two grid of at most `maximumBins` bins.
public struct GridHistogram: Sendable, Equatable {
    public static let defaultMaximumBins = 2048

    public let maximumBins: Int
    /// Bin width 2^exponent (meaningless while empty).
    public private(set) var exponent = Int.min
    /// The grid index of counts[0].
    public private(set) var firstIndex = 0
    public private(set) var counts: [Int] = []
    /// ±∞ values, not in any bin.
    public private(set) var infiniteCount = 0

    public init(maximumBins: Int = GridHistogram.defaultMaximumBins) {
        self.maximumBins = Swift.max(maximumBins, 2)
    }

    /// A histogram counted elsewhere (a database's GROUP BY over `index(x, exponent)`): counts per grid index,
    /// at the exponent `exponent(low:high:maximumBins:)` gives for the values' range.
    public init(maximumBins: Int = GridHistogram.defaultMaximumBins, exponent: Int, indexCounts: [(index: Int, count: Int)]) {
        self.init(maximumBins: maximumBins)
        guard let low = indexCounts.map(\.index).min(), let high = indexCounts.map(\.index).max() else { return }
        self.exponent = exponent
        firstIndex = low
        counts = [Int](repeating: 0, count: high - low + 1)
        for (index, count) in indexCounts { counts[index - low] += count }
    }

    /// The exponent `add` settles on for finite values whose smallest is `low` and largest `high`.
    public static func exponent(low: Double, high: Double, maximumBins: Int = GridHistogram.defaultMaximumBins) -> Int {
        let floor = Swift.max(floorExponent(low), floorExponent(high))
        var e = floor
        while (index(high, floor) >> (e - floor)) - (index(low, floor) >> (e - floor)) + 1 > Swift.max(maximumBins, 2) { e += 1 }
        return e
    }

    public var binWidth: Double { Double(sign: .plus, exponent: exponent, significand: 1) }
    public var isEmpty: Bool { counts.isEmpty }
    /// The left edge of bin i (of `counts`).
    public func leftEdge(_ i: Int) -> Double { Double(firstIndex + i) * binWidth }

    /// Adds the finite values of a batch (NaN is skipped, ±∞ counted apart).
    public mutating func add(_ values: [Double]) {
        var low = Double.infinity, high = -Double.infinity
        for x in values where !x.isNaN {
            if x.isInfinite { infiniteCount += 1 } else {
                low = Swift.min(low, x)
                high = Swift.max(high, x)
            }
        }
        guard low <= high else { return }
        let floor = Swift.max(GridHistogram.floorExponent(low), GridHistogram.floorExponent(high))
        let e = fit(Swift.max(exponent, floor), low: GridHistogram.index(low, floor), high: GridHistogram.index(high, floor), at: floor)
        for x in values where x.isFinite { counts[GridHistogram.index(x, e) - firstIndex] += 1 }
    }

    /// Adds another histogram's counts (same maximumBins).
    public mutating func merge(_ other: GridHistogram) {
        infiniteCount += other.infiniteCount
        guard !other.isEmpty else { return }
        let e = fit(Swift.max(exponent, other.exponent), low: other.firstIndex, high: other.firstIndex + other.counts.count - 1, at: other.exponent)
        for (i, count) in other.counts.enumerated() where count > 0 {
            counts[((other.firstIndex + i) >> (e - other.exponent)) - firstIndex] += count
        }
    }

    /// Re-grids to the smallest exponent ≥ `start` at which the current bins and the new index range
    /// [low, high] (given at exponent `given`) fit, and resizes `counts` to cover both. Returns the exponent.
    private mutating func fit(_ start: Int, low: Int, high: Int, at given: Int) -> Int {
        var e = start
        while true {
            var lo = low >> (e - given), hi = high >> (e - given)
            if !isEmpty {
                lo = Swift.min(lo, firstIndex >> (e - exponent))
                hi = Swift.max(hi, (firstIndex + counts.count - 1) >> (e - exponent))
            }
            if hi - lo + 1 <= maximumBins {
                var regridded = [Int](repeating: 0, count: hi - lo + 1)
                for (i, count) in counts.enumerated() where count > 0 {
                    regridded[((firstIndex + i) >> (e - exponent)) - lo] += count
                }
                counts = regridded
                firstIndex = lo
                exponent = e
                return e
            }
            e += 1
        }
    }

    /// The lowest exponent allowed by a value: its bin index stays below 2^41 in magnitude.
    static func floorExponent(_ x: Double) -> Int {
        x == 0 ? Double.leastNonzeroMagnitude.exponent - 40 : Int(x.exponent) - 40
    }

    /// floor(x / 2^e), exact (a power-of-two scaling and a floor).
    public static func index(_ x: Double, _ e: Int) -> Int {
        Int(Double(sign: .plus, exponent: -e, significand: x).rounded(.down))
    }
}
