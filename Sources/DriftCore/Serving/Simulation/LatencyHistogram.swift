// LatencyHistogram: request latencies counted in logarithmic bins 2% wide, from 1 µs to about 11 days, so
// that percentiles of millions of requests cost no sort and no memory per request. A percentile is the
// geometric middle of its bin, kept within the smallest and largest values seen: within 1% of the exact
// value (values beyond the range count in the end bins).
import Foundation

struct LatencyHistogram {
    private static let smallest = 1e-6  // seconds
    private static let ratio = 1.02
    private static let binCount = Int((log(1e6 / smallest) / log(ratio)).rounded(.up)) + 1
    private static let logRatio = log(ratio)

    private var counts: [UInt32]
    private(set) var total = 0
    private var lowest = Double.infinity, highest = -Double.infinity
    /// The last value added and its bin: most requests wait for nothing, so their latency repeats.
    private var last = (seconds: Double.nan, bin: 0)

    init() { counts = Array(repeating: 0, count: Self.binCount) }

    mutating func add(_ seconds: Double) {
        if seconds != last.seconds {
            let position = seconds <= Self.smallest ? 0 : Int(log(seconds / Self.smallest) / Self.logRatio)
            last = (seconds, min(position, Self.binCount - 1))
        }
        counts[last.bin] += 1
        total += 1
        lowest = min(lowest, seconds)
        highest = max(highest, seconds)
    }

    mutating func merge(_ other: LatencyHistogram) {
        for bin in counts.indices { counts[bin] += other.counts[bin] }
        total += other.total
        lowest = min(lowest, other.lowest)
        highest = max(highest, other.highest)
    }

    /// The q-quantile in seconds; NaN when empty.
    func quantile(_ q: Double) -> Double {
        guard total > 0 else { return .nan }
        let rank = max(1, Int((q * Double(total)).rounded(.up)))
        var seen = 0
        for (bin, count) in counts.enumerated() {
            seen += Int(count)
            if seen >= rank { return min(highest, max(lowest, Self.smallest * pow(Self.ratio, Double(bin) + 0.5))) }
        }
        return .nan
    }
}
