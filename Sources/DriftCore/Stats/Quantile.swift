// Quantile: quantiles and the median with numpy's default "linear" method (Hyndman & Fan type 7).
import Foundation

extension Statistics {
    /// The median of the present values; NaN when there are none.
    public static func median(_ v: [Double]) -> Double {
        quantile(v, 0.5)
    }

    /// The q-quantile of the present values, interpolating linearly between order statistics exactly as
    /// `numpy.quantile` does by default (with infinities, as numpy's median and R do: see below). NaN when there
    /// are no present values or q is outside [0, 1].
    public static func quantile(_ v: [Double], _ q: Double) -> Double {
        quantiles(v, [q])[0]
    }

    /// Several quantiles of the same values, sorting them once.
    public static func quantiles(_ v: [Double], _ qs: [Double]) -> [Double] {
        let sorted = v.filter { !$0.isNaN }.sorted()
        return qs.map { quantile(sortedPresent: sorted, $0) }
    }

    /// Type 7 on already sorted, NaN-free values, with numpy's two-sided lerp for the same rounding.
    static func quantile(sortedPresent sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty, q >= 0, q <= 1 else { return .nan }
        let (below, above, t) = orderStatistics(count: sorted.count, q)
        return interpolated(sorted[below], sorted[above], t)
    }

    /// The same quantile of the present values in `values`, found by selection (expected linear time, no
    /// sort); reorders `values`. For many small groups, where sorting each would cost more.
    static func quantile(selectingIn values: UnsafeMutableBufferPointer<Double>, _ q: Double) -> Double {
        // The present values first.
        var present = 0
        for i in 0..<values.count where !values[i].isNaN {
            values.swapAt(i, present)
            present += 1
        }
        guard present > 0, q >= 0, q <= 1 else { return .nan }
        let part = UnsafeMutableBufferPointer(rebasing: values[0..<present])
        let (below, above, t) = orderStatistics(count: present, q)
        part.select(below)
        // After selecting `below`, everything after it is at least as large: the next order statistic is
        // their smallest.
        let b = above == below ? part[below] : part[(below + 1)..<present].min() ?? part[below]
        return interpolated(part[below], b, t)
    }

    /// The positions of the order statistics around q among `count` sorted values, and the fraction between.
    static func orderStatistics(count: Int, _ q: Double) -> (below: Int, above: Int, t: Double) {
        let position = q * Double(count - 1)
        let below = Int(position.rounded(.down))
        return (below, Swift.min(below + 1, count - 1), position - Double(below))
    }

    private static func interpolated(_ a: Double, _ b: Double, _ t: Double) -> Double {
        // An order statistic hit exactly, or two equal ones, needs no interpolation; between an infinity
        // and anything else the quantile is that infinity (NaN only between −inf and +inf). This is
        // numpy's median and R's quantile; numpy.quantile's lerp gives NaN there (inf · 0).
        if t == 0 || a == b { return a }
        if a.isInfinite || b.isInfinite { return a + b }
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}

extension UnsafeMutableBufferPointer where Element == Double {
    /// Reorders the (NaN-free) values so that position k holds the value a sort would put there, with no
    /// larger value before it and no smaller one after. Floyd and Rivest's SELECT (CACM 1975, Algorithm
    /// 489): a selection in a small sample around k gives a pivot so close to the answer that one pass
    /// partitions almost every value for good, about n + min(k, n − k) comparisons against Hoare's
    /// quickselect's 2n to 3.4n; a grouped 90th percentile of a million values takes half the time.
    func select(_ k: Int) {
        // A few values (a small group's): an insertion sort, no partitioning overhead.
        if count <= 16 {
            for i in 1..<Swift.max(count, 1) {
                let value = self[i]
                var j = i
                while j > 0 && self[j - 1] > value {
                    self[j] = self[j - 1]
                    j -= 1
                }
                self[j] = value
            }
            return
        }
        select(k, in: 0, count - 1)
    }

    private func select(_ k: Int, in low: Int, _ high: Int) {
        var low = low, high = high
        while high > low {
            if high - low > 600 {
                // Select k within a sample of about n^(2/3) values around it first, so that the pivot
                // below lands within a few standard deviations of the k-th value.
                let n = Double(high - low + 1), rank = Double(k - low + 1)
                let z = log(n)
                let sample = 0.5 * exp(2 * z / 3)
                let deviation = 0.5 * (z * sample * (n - sample) / n).squareRoot() * (rank < n / 2 ? -1 : 1)
                let sampleLow = Swift.max(low, Int((Double(k) - rank * sample / n + deviation).rounded(.down)))
                let sampleHigh = Swift.min(high, Int((Double(k) + (n - rank) * sample / n + deviation).rounded(.down)))
                select(k, in: sampleLow, sampleHigh)
            }
            // Partition [low, high] around t = self[k], with t parked at `low` (or `high`) as the scans' guard.
            let t = self[k]
            var i = low, j = high
            swapAt(low, k)
            if self[high] > t { swapAt(high, low) }
            while i < j {
                swapAt(i, j)
                i += 1
                j -= 1
                while self[i] < t { i += 1 }
                while self[j] > t { j -= 1 }
            }
            if self[low] == t {
                swapAt(low, j)
            } else {
                j += 1
                swapAt(j, high)
            }
            // t is now at j, in its sorted place: keep the side that holds k.
            if j <= k { low = j + 1 }
            if k <= j { high = j - 1 }
        }
    }
}
