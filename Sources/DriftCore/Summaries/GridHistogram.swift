// GridHistogram: a fine equal-width histogram that needs no range in advance and merges exactly. Bins have
// width w = 2^e and sit on the grid of multiples of w (bin j is [j·w, (j+1)·w)), so halving the resolution
// (merging bin pairs) is exact, and two histograms merge by bringing both to the coarser grid. The exponent is
// the smallest e that (1) is at least max(exponent(|x|)) − 40 over the values, so every bin index fits in 41
// bits, and (2) lets all values fit in `maximumBins` bins. Both conditions depend only on the set of values, so
// the histogram of A merged with that of B is identical to the histogram of A ∪ B. Infinite values are
// counted apart, not binned.
//
// Memory grows with what the histogram has seen: until it has more finite values than `exactValueLimit`
// (half the bins, the point where the values would cost more than the bins), it keeps the values themselves
// and bins them only when asked (`binned`). Since the grid depends only on the set of values, binning late
// gives the same bins as binning each batch as it came — a summary of a 100,000-column file with a few rows
// holds a few values per column, not 2,048 counts.

/// Counts of finite values on a power-of-two grid of at most `maximumBins` bins.
public struct GridHistogram: Sendable {
    public static let defaultMaximumBins = 2048

    public let maximumBins: Int
    /// Finite values are kept as they are (not binned) while there are at most this many.
    let exactValueLimit: Int
    /// The finite values seen, while there are at most `exactValueLimit` of them; empty once binned.
    private var heldValues: [Double] = []
    private var isBinned = false
    /// The bins, once binned (see `binned`).
    private var binExponent = Int.min
    private var binFirstIndex = 0
    private var binCounts: [Int] = []
    /// ±∞ values, not in any bin.
    public private(set) var infiniteCount = 0

    public init(maximumBins: Int = GridHistogram.defaultMaximumBins) {
        self.init(maximumBins: maximumBins, exactValueLimit: Swift.max(maximumBins, 2) / 2)
    }

    /// A histogram that keeps up to `exactValueLimit` values unbinned (0: bins from the first value).
    init(maximumBins: Int, exactValueLimit: Int) {
        self.maximumBins = Swift.max(maximumBins, 2)
        self.exactValueLimit = Swift.max(exactValueLimit, 0)
    }

    /// A histogram counted elsewhere (a database's GROUP BY over `index(x, exponent)`): counts per grid index,
    /// at the exponent `exponent(low:high:maximumBins:)` gives for the values' range.
    public init(maximumBins: Int = GridHistogram.defaultMaximumBins, exponent: Int, indexCounts: [(index: Int, count: Int)]) {
        self.init(maximumBins: maximumBins)
        isBinned = true
        guard let low = indexCounts.map(\.index).min(), let high = indexCounts.map(\.index).max() else { return }
        binExponent = exponent
        binFirstIndex = low
        binCounts = [Int](repeating: 0, count: high - low + 1)
        for (index, count) in indexCounts { binCounts[index - low] += count }
    }

    /// The exponent `add` settles on for finite values whose smallest is `low` and largest `high`.
    public static func exponent(low: Double, high: Double, maximumBins: Int = GridHistogram.defaultMaximumBins) -> Int {
        let floor = Swift.max(floorExponent(low), floorExponent(high))
        var e = floor
        while (index(high, floor) >> (e - floor)) - (index(low, floor) >> (e - floor)) + 1 > Swift.max(maximumBins, 2) { e += 1 }
        return e
    }

    /// The same histogram with its values binned: read `exponent`, `firstIndex` and `counts` from it when
    /// reading them more than once (on a histogram still holding values, each of them bins the values anew).
    public var binned: GridHistogram {
        guard !isBinned else { return self }
        var histogram = self
        histogram.binAll()
        return histogram
    }

    /// Bin width 2^exponent (meaningless while empty).
    public var exponent: Int { isBinned ? binExponent : binned.binExponent }
    /// The grid index of counts[0].
    public var firstIndex: Int { isBinned ? binFirstIndex : binned.binFirstIndex }
    public var counts: [Int] { isBinned ? binCounts : binned.binCounts }

    public var binWidth: Double { Double(sign: .plus, exponent: exponent, significand: 1) }
    public var isEmpty: Bool { isBinned ? binCounts.isEmpty : heldValues.isEmpty }
    /// The left edge of bin i (of `counts`).
    public func leftEdge(_ i: Int) -> Double { Double(firstIndex + i) * binWidth }

    /// Adds the finite values of a batch (NaN is skipped, ±∞ counted apart).
    public mutating func add(_ values: [Double]) {
        guard !isBinned else { return bin(values) }
        for x in values where !x.isNaN {
            if x.isInfinite { infiniteCount += 1 } else { heldValues.append(x) }
        }
        if heldValues.count > exactValueLimit { binAll() }
    }

    /// Adds another histogram's counts (same maximumBins).
    public mutating func merge(_ other: GridHistogram) {
        infiniteCount += other.infiniteCount
        if !other.isBinned {
            if isBinned { bin(other.heldValues) } else { heldValues += other.heldValues }
            if heldValues.count > exactValueLimit { binAll() }
        } else if !isBinned {
            let held = heldValues
            heldValues = []
            isBinned = true
            (binExponent, binFirstIndex, binCounts) = (other.binExponent, other.binFirstIndex, other.binCounts)
            bin(held)
        } else if !other.binCounts.isEmpty {
            let e = fit(Swift.max(binExponent, other.binExponent), low: other.binFirstIndex,
                        high: other.binFirstIndex + other.binCounts.count - 1, at: other.binExponent)
            for (i, count) in other.binCounts.enumerated() where count > 0 {
                binCounts[((other.binFirstIndex + i) >> (e - other.binExponent)) - binFirstIndex] += count
            }
        }
    }

    /// Bins the held values and keeps bins from now on.
    private mutating func binAll() {
        let held = heldValues
        heldValues = []
        isBinned = true
        bin(held)
    }

    /// Adds a batch to the bins (NaN skipped; the caller has counted ±∞ unless the histogram is binned).
    private mutating func bin(_ values: [Double]) {
        var low = Double.infinity, high = -Double.infinity
        for x in values where !x.isNaN {
            if x.isInfinite { infiniteCount += 1 } else {
                low = Swift.min(low, x)
                high = Swift.max(high, x)
            }
        }
        guard low <= high else { return }
        let floor = Swift.max(GridHistogram.floorExponent(low), GridHistogram.floorExponent(high))
        let e = fit(Swift.max(binExponent, floor), low: GridHistogram.index(low, floor), high: GridHistogram.index(high, floor), at: floor)
        for x in values where x.isFinite { binCounts[GridHistogram.index(x, e) - binFirstIndex] += 1 }
    }

    /// Re-grids to the smallest exponent ≥ `start` at which the current bins and the new index range
    /// [low, high] (given at exponent `given`) fit, and resizes `counts` to cover both. Returns the exponent.
    private mutating func fit(_ start: Int, low: Int, high: Int, at given: Int) -> Int {
        var e = start
        while true {
            var lo = low >> (e - given), hi = high >> (e - given)
            if !binCounts.isEmpty {
                lo = Swift.min(lo, binFirstIndex >> (e - binExponent))
                hi = Swift.max(hi, (binFirstIndex + binCounts.count - 1) >> (e - binExponent))
            }
            if hi - lo + 1 <= maximumBins {
                var regridded = [Int](repeating: 0, count: hi - lo + 1)
                for (i, count) in binCounts.enumerated() where count > 0 {
                    regridded[((binFirstIndex + i) >> (e - binExponent)) - lo] += count
                }
                binCounts = regridded
                binFirstIndex = lo
                binExponent = e
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

extension GridHistogram: Equatable {
    /// Equal when they count the same values in the same bins, whether or not either has binned its values yet.
    public static func == (a: GridHistogram, b: GridHistogram) -> Bool {
        guard a.maximumBins == b.maximumBins, a.infiniteCount == b.infiniteCount else { return false }
        let (x, y) = (a.binned, b.binned)
        return x.binCounts == y.binCounts && (x.binCounts.isEmpty || x.binExponent == y.binExponent && x.binFirstIndex == y.binFirstIndex)
    }
}
