// Rolling: statistics of a window sliding over a vector (behind `rolling` for mean, sum, min, max and sd).
// Element i summarises the rows i - window + 1 ... i: missing for the first window - 1 rows, and over the
// window's present values after that (missing when it has none; sd needs two). O(n) for any window: sums
// and Welford's moments add the entering value and remove the leaving one, and are recomputed from the
// window's values once every `window` steps so that rounding cannot build up (nor an infinity that left
// the window linger); min and max keep a monotonic deque of candidate rows.

/// The statistics `Statistics.rolling` computes in O(n).
public enum RollingStatistic: String, CaseIterable, Sendable {
    case mean, sum, min, max, sd
}

extension Statistics {
    /// The statistic of each window of `window` rows (see the file's header). `window` must be at least 1.
    public static func rolling(_ v: [Double], window: Int, _ statistic: RollingStatistic) throws(InterruptedError) -> [Double] {
        precondition(window >= 1, "the window must hold at least one row")
        switch statistic {
        case .sum, .mean:
            var sum = SlidingSum(isMean: statistic == .mean)
            return try slide(v, window: window, &sum)
        case .sd:
            var moments = SlidingMoments()
            return try slide(v, window: window, &moments)
        case .min, .max:
            var extreme = SlidingExtreme(capacity: Swift.min(window, v.count), isMax: statistic == .max)
            return try slide(v, window: window, &extreme)
        }
    }

    /// Drives `aggregate` over the windows: a fresh start every `window` steps, updates in between.
    private static func slide<Aggregate: SlidingAggregate>(
        _ v: [Double], window: Int, _ aggregate: inout Aggregate
    ) throws(InterruptedError) -> [Double] {
        let n = v.count
        var result = [Double](repeating: .nan, count: n)
        guard window <= n else { return result }
        try v.withUnsafeBufferPointer { (values) throws(InterruptedError) in
            for i in (window - 1)..<n {
                if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
                if (i - window + 1) % window == 0 {
                    aggregate.reset()
                    for j in (i - window + 1)...i where !values[j].isNaN { aggregate.add(values[j], at: j) }
                } else {
                    if !values[i - window].isNaN { aggregate.remove(values[i - window], at: i - window) }
                    if !values[i].isNaN { aggregate.add(values[i], at: i) }
                }
                result[i] = aggregate.value
            }
        }
        return result
    }
}

/// A statistic of the present values in a window, updated as rows enter and leave it.
private protocol SlidingAggregate {
    mutating func reset()
    mutating func add(_ x: Double, at row: Int)
    /// Called for rows in the order they were added.
    mutating func remove(_ x: Double, at row: Int)
    /// The statistic of the values now in the window.
    var value: Double { get }
}

/// Counts of the infinite values in a window, which would turn a running sum into NaN once they leave.
private struct Infinities {
    var positive = 0, negative = 0

    /// Counts `x` (by `change`, +1 or -1) if it is infinite; returns whether it was.
    mutating func count(_ x: Double, _ change: Int) -> Bool {
        guard x.isInfinite else { return false }
        if x > 0 { positive += change } else { negative += change }
        return true
    }

    /// The sum of the infinities (NaN for both signs), or nil when there are none.
    var sum: Double? {
        switch (positive > 0, negative > 0) {
        case (true, true): .nan
        case (true, false): .infinity
        case (false, true): -.infinity
        case (false, false): nil
        }
    }
}

/// The compensated sum (or mean) of a window's values.
private struct SlidingSum: SlidingAggregate {
    let isMean: Bool
    var total = CompensatedSum()
    var count = 0
    var infinities = Infinities()

    init(isMean: Bool) { self.isMean = isMean }

    mutating func reset() { self = SlidingSum(isMean: isMean) }

    mutating func add(_ x: Double, at row: Int) {
        count += 1
        if !infinities.count(x, 1) { total.add(x) }
    }

    mutating func remove(_ x: Double, at row: Int) {
        count -= 1
        if !infinities.count(x, -1) { total.add(-x) }
    }

    var value: Double {
        guard count > 0 else { return .nan }
        let sum = infinities.sum ?? total.value
        return isMean ? sum / Double(count) : sum
    }
}

/// The sample standard deviation (n - 1) of a window's values by Welford's updates; NaN for fewer than two
/// values or any infinite one.
private struct SlidingMoments: SlidingAggregate {
    var count = 0
    var mean = 0.0
    /// The sum of squared deviations from the mean.
    var squares = 0.0
    var infinities = Infinities()

    mutating func reset() { self = SlidingMoments() }

    mutating func add(_ x: Double, at row: Int) {
        if infinities.count(x, 1) { return }
        count += 1
        let deviation = x - mean
        mean += deviation / Double(count)
        squares += deviation * (x - mean)
    }

    mutating func remove(_ x: Double, at row: Int) {
        if infinities.count(x, -1) { return }
        count -= 1
        guard count > 0 else { mean = 0; squares = 0; return }
        let deviation = x - mean
        mean -= deviation / Double(count)
        squares -= deviation * (x - mean)
    }

    var value: Double {
        guard count > 1, infinities.sum == nil else { return .nan }
        return (Swift.max(0, squares) / Double(count - 1)).squareRoot()
    }
}

/// The smallest (or largest) value of a window: a deque of rows whose values increase (decrease) from
/// front to back, each a candidate for when the rows before it have left.
private struct SlidingExtreme: SlidingAggregate {
    let isMax: Bool
    /// A ring buffer of (row, value); a window never holds more than its length of rows.
    var rows: [Int]
    var values: [Double]
    var front = 0, size = 0

    init(capacity: Int, isMax: Bool) {
        self.isMax = isMax
        rows = [Int](repeating: 0, count: Swift.max(1, capacity))
        values = [Double](repeating: 0, count: Swift.max(1, capacity))
    }

    mutating func reset() { front = 0; size = 0 }

    mutating func add(_ x: Double, at row: Int) {
        // Drop the candidates the new value beats: they leave before it and can never be the extreme.
        while size > 0 {
            let back = values[(front + size - 1) % values.count]
            guard isMax ? back <= x : back >= x else { break }
            size -= 1
        }
        let slot = (front + size) % values.count
        rows[slot] = row
        values[slot] = x
        size += 1
    }

    mutating func remove(_ x: Double, at row: Int) {
        if size > 0, rows[front] == row {
            front = (front + 1) % values.count
            size -= 1
        }
    }

    var value: Double { size > 0 ? values[front] : .nan }
}
