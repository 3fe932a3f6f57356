// ADWIN: adaptive windowing (Bifet & Gavaldà, "Learning from time-changing data with adaptive windowing",
// SDM 2007), the ADWIN2 exponential-histogram variant. A faithful port of River 0.26's implementation
// (`rust_src/adwin.rs`, itself a port of `adwin_c.pyx`): same bucket structure, clock, cut test and
// operation order, so detections happen at the same positions. Hand-written because the core has no
// dependencies; buckets live in flat arrays so a million values take a few tens of milliseconds.
//
// Reset after a drift: River 0.26's `ADWIN.update` calls `_reset()` when the previous update detected a
// drift, so the whole window (not just the stale sub-window) is dropped and detection starts over.
import Foundation

public struct ADWIN: DriftDetector {
    public let delta: Double
    /// Cut points are tested every `clock` values.
    public let clock: Int
    /// Entries of each bucket size kept before the two oldest merge.
    public let maxBuckets: Int
    public let minWindowLength: Int
    /// No test until the window holds more than this many values.
    public let gracePeriod: Int

    // Bucket level `l` holds up to `maxBuckets + 1` summaries of 2^l values each, as a ring: the k-th
    // oldest is `buckets[l * capacity + (levels[l].start + k) % capacity]`, and `levels[l].count` are in
    // use. A ring makes dropping the oldest summaries a pointer move, not a shift; keeping each
    // summary's total and variance together (and each level's count and start) halves the writes.
    private struct Bucket {
        var total: Double
        /// Sum of squared deviations inside the bucket (0 for a single value, so level 0 never reads it).
        var variance: Double
    }
    private struct Level {
        var count: Int
        var start: Int
    }
    private var buckets: [Bucket] = []
    private var levels: [Level] = []
    private var total: Double = 0
    private var varianceSum: Double = 0
    private var width: Double = 0
    /// Values until the next cut test (every `clock` values since the last reset; a countdown rather
    /// than a modulo, which would cost a division per value).
    private var valuesUntilTest = 0
    private var driftPending = false

    /// Defaults are River's: delta 0.002, clock 32, max_buckets 5, min_window_length 5, grace_period 10.
    public init(delta: Double = 0.002, clock: Int = 32, maxBuckets: Int = 5, minWindowLength: Int = 5,
                gracePeriod: Int = 10) throws {
        guard delta > 0 && delta < 1 else { throw DataError("ADWIN: delta must lie in (0, 1), got \(delta)") }
        guard clock >= 1 else { throw DataError("ADWIN: clock must be at least 1, got \(clock)") }
        guard maxBuckets >= 2 else { throw DataError("ADWIN: max buckets must be at least 2, got \(maxBuckets)") }
        guard minWindowLength >= 1 else { throw DataError("ADWIN: minimum window length must be at least 1") }
        guard gracePeriod >= 0 else { throw DataError("ADWIN: grace period must not be negative") }
        self.delta = delta
        self.clock = clock
        self.maxBuckets = maxBuckets
        self.minWindowLength = minWindowLength
        self.gracePeriod = gracePeriod
        reset()
    }

    /// Number of values in the current window.
    public var windowWidth: Int { Int(width) }
    /// Mean of the current window (0 when empty).
    public var estimation: Double { width == 0 ? 0 : total / width }
    /// Sum of squared deviations within the window divided by its width.
    public var variance: Double { width == 0 ? 0 : varianceSum / width }

    private var capacity: Int { maxBuckets + 1 }

    public mutating func reset() {
        buckets = [Bucket](repeating: Bucket(total: 0, variance: 0), count: capacity)
        levels = [Level(count: 0, start: 0)]
        total = 0
        varianceSum = 0
        width = 0
        valuesUntilTest = clock
        driftPending = false
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if driftPending { reset() }
        insert(value)
        driftPending = detectChange()
        return driftPending ? .drift : .none
    }

    private mutating func insert(_ value: Double) {
        buckets[slot(level: 0, offset: levels[0].count)] = Bucket(total: value, variance: 0)
        levels[0].count += 1
        width += 1
        var increment = 0.0
        if width > 1 {
            let deltaValue = value - total / (width - 1)
            increment = (width - 1) * deltaValue * deltaValue / width
        }
        varianceSum += increment
        total += value
        compress()
    }

    /// Merges the two oldest summaries of every full level into the next level.
    private mutating func compress() {
        var level = 0
        while levels[level].count == capacity {
            let size = Double(UInt64(1) << UInt64(level))
            let first = buckets[slot(level: level, offset: 0)], second = buckets[slot(level: level, offset: 1)]
            let mu1 = first.total / size, mu2 = second.total / size
            let merged = Bucket(
                total: first.total + second.total,
                variance: first.variance + second.variance + size * 0.5 * (mu1 - mu2) * (mu1 - mu2))
            if level + 1 >= levels.count {
                levels.append(Level(count: 0, start: 0))
                buckets.append(contentsOf: repeatElement(Bucket(total: 0, variance: 0), count: capacity))
            }
            buckets[slot(level: level + 1, offset: levels[level + 1].count)] = merged
            levels[level + 1].count += 1
            removeOldest(2, atLevel: level)
            if levels[level + 1].count <= maxBuckets { break }
            level += 1
        }
    }

    @inline(__always)
    private mutating func removeOldest(_ n: Int, atLevel level: Int) {
        levels[level] = Level(count: levels[level].count - n, start: wrapped(levels[level].start + n))
    }

    /// Where the summary `offset` places after the oldest of `level` lives.
    @inline(__always)
    private func slot(level: Int, offset: Int) -> Int {
        level * capacity + wrapped(levels[level].start + offset)
    }

    /// `index % capacity` for 0 ≤ index < 2·capacity, without a division.
    @inline(__always)
    private func wrapped(_ index: Int) -> Int {
        index >= capacity ? index - capacity : index
    }

    /// Drops the oldest summary (of the largest level) from the window.
    private mutating func deleteOldest() {
        let last = levels.count - 1
        let size = Double(UInt64(1) << UInt64(last))
        let oldest = buckets[slot(level: last, offset: 0)]
        let u = oldest.total, v = oldest.variance
        let mu = u / size
        width -= size
        total -= u
        let windowMean = total / width
        varianceSum -= v + size * width * (mu - windowMean) * (mu - windowMean) / (size + width)
        removeOldest(1, atLevel: last)
        if levels[last].count == 0 && last > 0 {
            levels.removeLast()
            buckets.removeLast(capacity)
        }
    }

    private mutating func detectChange() -> Bool {
        valuesUntilTest -= 1
        guard valuesUntilTest == 0 else { return false }
        valuesUntilTest = clock
        guard width > Double(gracePeriod) else { return false }
        var changeDetected = false
        // Each cut drops the oldest summary and the scan starts over, until no cut point remains.
        while width > 0 && hasCut() {
            changeDetected = true
            deleteOldest()
        }
        return changeDetected
    }

    /// Whether any split of the window into an older and a newer part passes the cut test. Scans cut
    /// points from the oldest summary to the newest; the last summary is never a cut.
    private func hasCut() -> Bool {
        let minLength = Double(minWindowLength)
        // Constant over one scan (the width changes only after a cut).
        let deltaPrime = log(2.0 * log(width) / delta)
        let meanVariance = varianceSum / width
        var n0 = 0.0, n1 = width, u0 = 0.0, u1 = total
        return buckets.withUnsafeBufferPointer { buckets in
            for level in stride(from: levels.count - 1, through: 0, by: -1) {
                let size = Double(UInt64(1) << UInt64(level))
                let base = level * capacity, start = levels[level].start
                let used = levels[level].count
                for k in 0..<used {
                    n0 += size
                    n1 -= size
                    let t = buckets[base + wrapped(start + k)].total
                    u0 += t
                    u1 -= t
                    if level == 0 && k == used - 1 { return false }
                    if n1 >= minLength && n0 >= minLength
                        && isCut(n0: n0, n1: n1, deltaMean: u0 / n0 - u1 / n1, deltaPrime: deltaPrime, meanVariance: meanVariance) {
                        return true
                    }
                }
            }
            return false
        }
    }

    /// The ADWIN2 test with River's epsilon: sqrt(2 m v δ') + 2/3 δ' m, with
    /// δ' = ln(2 ln(W) / δ) and 1/m = 1/(n0 − L + 1) + 1/(n1 − L + 1), v = variance sum / W.
    @inline(__always)
    private func isCut(n0: Double, n1: Double, deltaMean: Double, deltaPrime: Double, meanVariance: Double) -> Bool {
        let minLength = Double(minWindowLength)
        let mReciprocal = 1.0 / (n0 - minLength + 1.0) + 1.0 / (n1 - minLength + 1.0)
        let epsilon = (2.0 * mReciprocal * meanVariance * deltaPrime).squareRoot()
            + 2.0 / 3.0 * deltaPrime * mReciprocal
        return abs(deltaMean) > epsilon
    }
}
