// ADWIN: adaptive windowing (Bifet & Gavaldà, "Learning from time-changing data with adaptive windowing",
// SDM 2007), the ADWIN2 exponential-histogram variant. A faithful port of River 0.26's implementation
// (`rust_src/adwin.rs`, itself a port of `adwin_c.pyx`): same bucket structure, clock, cut test and
// operation order, so detections happen at the same positions. Hand-written because the core has no
// dependencies; the buckets live in raw rings (ADWINBuckets.swift) so a million values take milliseconds.
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

    /// Level `l` holds up to `maxBuckets + 1` summaries of 2^l values each; levels 0..<levelCount are in use.
    private var buckets: ADWINBuckets
    private var levelCount = 1
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
        buckets = ADWINBuckets(capacity: maxBuckets + 1, levels: ADWINBuckets.initialLevels)
        reset()
    }

    /// Number of values in the current window.
    public var windowWidth: Int { Int(width) }
    /// Mean of the current window (0 when empty).
    public var estimation: Double { width == 0 ? 0 : total / width }
    /// Sum of squared deviations within the window divided by its width.
    public var variance: Double { width == 0 ? 0 : varianceSum / width }

    public mutating func reset() {
        if isKnownUniquelyReferenced(&buckets) {
            buckets.empty()
        } else {
            buckets = ADWINBuckets(capacity: maxBuckets + 1, levels: ADWINBuckets.initialLevels)
        }
        levelCount = 1
        total = 0
        varianceSum = 0
        width = 0
        valuesUntilTest = clock
        driftPending = false
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if driftPending { reset() }
        // The one uniqueness check per value: past it, the rings are written in place.
        if !isKnownUniquelyReferenced(&buckets) { buckets = buckets.copy(levels: buckets.levelCapacity) }
        insert(value)
        driftPending = detectChange()
        return driftPending ? .drift : .none
    }

    private mutating func insert(_ value: Double) {
        let count = buckets.append(total: value, variance: 0, atLevel: 0)
        width += 1
        var increment = 0.0
        if width > 1 {
            let deltaValue = value - total / (width - 1)
            increment = (width - 1) * deltaValue * deltaValue / width
        }
        varianceSum += increment
        total += value
        if count > maxBuckets { compress() }
    }

    /// Merges the two oldest summaries of every full level into the next level.
    private mutating func compress() {
        // A call adds at most one level (the top one), so room for it is made before the rings are read.
        if levelCount == buckets.levelCapacity { buckets = buckets.copy(levels: 2 * levelCount) }
        let rings = buckets, totals = rings.totals, variances = rings.variances, counts = rings.counts
        var level = 0
        // 2^level and its reciprocal: dividing by a power of two and multiplying by its (exact) reciprocal
        // round the same exact quotient, so the means below are River's to the bit, without a division.
        var size = 1.0, reciprocal = 1.0
        while counts[level] > maxBuckets {
            if level + 1 == levelCount { levelCount += 1 }
            let first = rings.slot(level: level, offset: 0), second = rings.slot(level: level, offset: 1)
            let mu1 = totals[first] * reciprocal, mu2 = totals[second] * reciprocal
            let merged = rings.append(
                total: totals[first] + totals[second],
                variance: variances[first] + variances[second] + size * 0.5 * (mu1 - mu2) * (mu1 - mu2),
                atLevel: level + 1)
            rings.removeOldest(2, atLevel: level)
            if merged <= maxBuckets { break }
            level += 1
            size *= 2
            reciprocal *= 0.5
        }
    }

    /// Drops the oldest summary (of the largest level) from the window.
    private mutating func deleteOldest() {
        let last = levelCount - 1
        let size = Double(UInt64(1) << UInt64(last))
        let oldest = buckets.slot(level: last, offset: 0)
        let u = buckets.totals[oldest], v = buckets.variances[oldest]
        let mu = u / size
        width -= size
        total -= u
        let windowMean = total / width
        varianceSum -= v + size * width * (mu - windowMean) * (mu - windowMean) / (size + width)
        buckets.removeOldest(1, atLevel: last)
        if buckets.counts[last] == 0 && last > 0 { levelCount -= 1 }
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
        let screen = CutScreen(meanVariance: meanVariance, deltaPrime: deltaPrime, width: width, minLength: minLength)
        let rings = buckets, totals = rings.totals, capacity = rings.capacity
        var n0 = 0.0, n1 = width, u0 = 0.0, u1 = total
        var size = Double(UInt64(1) << UInt64(levelCount - 1))  // 2^level
        for level in stride(from: levelCount - 1, through: 0, by: -1) {
            // Level 0's newest summary would leave nothing on the newer side: the scan ends before it.
            let candidates = level == 0 ? max(0, rings.counts[0] - 1) : rings.counts[level]
            let base = level * capacity
            var index = rings.starts[level]
            for _ in 0..<candidates {
                n0 += size
                n1 -= size
                let t = totals[base &+ index]
                index = index &+ 1 == capacity ? 0 : index &+ 1
                u0 += t
                u1 -= t
                if n1 >= minLength && n0 >= minLength
                    && !screen.excludesCut(n0: n0, n1: n1, u0: u0, u1: u1)
                    && isCut(n0: n0, n1: n1, deltaMean: u0 / n0 - u1 / n1, deltaPrime: deltaPrime, meanVariance: meanVariance) {
                    return true
                }
            }
            size *= 0.5
        }
        return false
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

/// A division-free screen in front of `isCut`: it proves, with multiplications only, that most cut points
/// fail the test, so the four divisions and the square root run only near the bound and every decision
/// stays exactly `isCut`'s (detections identical to River's).
///
/// With a = n0 − L + 1, b = n1 − L + 1, P = u0·n1 − u1·n0 and S = |u0|·n1 + |u1|·n0, rounding error
/// analysis (unit roundoff ε = 2⁻⁵³) bounds `isCut`'s floating-point quantities:
/// |u0/n0 − u1/n1| · n0·n1 ≤ (1 + 5ε)·B with B = |P| + 8ε·S, and its first epsilon term
/// sqrt(2·m·v·δ') ≥ (1 − 4ε)·sqrt(K·(a + b) / (a·b)) with K = 2·v·δ'; the second term is ≥ 0 when δ' > 0.
/// So there is no cut when B²·a·b < K·(a + b)·(n0·n1)², which is checked with a 10⁻¹² margin (far above
/// the few ε of rounding in computing both sides). The screen is on only for scans where the right side
/// stays within [10⁻²⁵⁰, 10²⁵⁰] at every cut point (it lies between 2K and K·W⁵): there a B below 10⁻¹⁵⁰,
/// whose square may lose precision, makes the left side < 10⁻²⁶⁰ and so truly below the right; an
/// overflow or NaN fails the comparison and leaves the decision to `isCut`.
private struct CutScreen {
    /// K = 2·v·δ', or 0 (screen off, no cut point excluded) when the bounds above do not hold.
    private let factor: Double
    /// L − 1, so that a = n0 − (L − 1) exactly as isCut's n0 − L + 1 (both exact integers).
    private let shift: Double

    init(meanVariance: Double, deltaPrime: Double, width: Double, minLength: Double) {
        let factor = 2 * meanVariance * deltaPrime
        let inRange = meanVariance > 0 && deltaPrime > 0 && width <= 1e18
            && 2 * factor >= 1e-250 && factor * width * width * width * width * width <= 1e250
        self.factor = inRange ? factor : 0
        shift = minLength - 1
    }

    @inline(__always)
    func excludesCut(n0: Double, n1: Double, u0: Double, u1: Double) -> Bool {
        let bound = abs(u0 * n1 - u1 * n0) + 0x1p-50 * (abs(u0) * n1 + abs(u1) * n0)
        let a = n0 - shift, b = n1 - shift
        let product = n0 * n1
        return bound * bound * a * b < factor * (a + b) * product * product * (1 - 1e-12)
    }
}
