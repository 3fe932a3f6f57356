// Rolling: statistics of a window sliding over a vector (behind `rolling` for mean, sum, min, max and sd).
// Element i summarises the rows i - window + 1 ... i: missing for the first window - 1 rows, and over the
// window's present values after that (missing when it has none; sd needs two). O(n) for any window: the
// compensated sum adds the entering value and subtracts the leaving one; the sd's moments live in a queue of
// two stacks, so that no value's share is ever subtracted; min and max keep a monotonic deque of candidate
// rows. Every aggregate starts afresh from the window's values once every `window` rows, so that rounding
// cannot build up over a long vector (nor an infinity that left the window linger): O(n) in all.

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

/// The sample standard deviation (n - 1) of a window's values; NaN for fewer than two values or any infinite
/// one. Removing a value's share from running moments cancels catastrophically when a large value leaves a
/// window of small ones, so the window is a queue of two stacks instead (Okasaki's queue, as in sliding-window
/// aggregation): values enter the back, whose moments are kept; when the front is empty the back moves over,
/// each front entry holding the moments of itself and every value after it, so a value leaves by a pop.
/// Every value moves once: O(1) per row on average.
private struct SlidingMoments: SlidingAggregate {
    var front: [Moments] = []
    var back: [Double] = []
    var backMoments = Moments()
    var infinities = Infinities()

    mutating func reset() {
        front.removeAll(keepingCapacity: true)
        back.removeAll(keepingCapacity: true)
        backMoments = Moments()
        infinities = Infinities()
    }

    mutating func add(_ x: Double, at row: Int) {
        if infinities.count(x, 1) { return }
        back.append(x)
        backMoments.merge(Moments(single: x))
    }

    mutating func remove(_ x: Double, at row: Int) {
        if infinities.count(x, -1) { return }
        if front.isEmpty {
            // The newest value goes deepest, so the oldest ends on top holding the moments of them all.
            var suffix = Moments()
            for value in back.reversed() {
                suffix.merge(Moments(single: value))
                front.append(suffix)
            }
            back.removeAll(keepingCapacity: true)
            backMoments = Moments()
        }
        front.removeLast()
    }

    var value: Double {
        var moments = front.last ?? Moments()
        moments.merge(backMoments)
        return infinities.sum == nil ? moments.standardDeviation : .nan
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

extension Moments {
    /// The moments of one value.
    fileprivate init(single x: Double) {
        self.init(count: 1, mean: x, squaredDeviations: 0, minimum: x, maximum: x)
    }
}
