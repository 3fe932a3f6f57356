// TrafficArrivals: the request times of a traffic plan — a Poisson process whose rate is constant between
// the plan's hour and spike boundaries, so each stretch draws exponential gaps at its own rate (exact,
// since the process is memoryless). Seeded: the same seed gives the same requests.
import Foundation

struct TrafficArrivals: IteratorProtocol {
    private let plan: TrafficPlan
    private let end: Int64
    private var generator: SeededGenerator
    /// The last request's time, and the end and rate of the stretch of constant rate it falls in.
    private var now: Int64
    private var stretchEnd: Int64
    private var rate: Double

    /// Requests from `start` (inclusive) to `end` (exclusive).
    init(_ plan: TrafficPlan, from start: Int64, to end: Int64, seed: UInt64) {
        self.plan = plan
        self.end = end
        generator = SeededGenerator(seed: seed)
        now = start
        stretchEnd = min(plan.nextChange(after: start), end)
        rate = plan.rate(at: start)
    }

    mutating func next() -> Int64? {
        while now < end {
            if rate > 0 {
                // An exponential gap; a uniform in (0, 1] keeps the logarithm finite.
                let uniform = (Double(generator.next() >> 11) + 1) / 9_007_199_254_740_992
                let gap = -log(uniform) / rate
                let candidate = Double(now) + gap * Double(Micros.second)
                if candidate < Double(stretchEnd) {
                    now = max(now, Int64(candidate))
                    return now
                }
            }
            now = stretchEnd
            stretchEnd = min(plan.nextChange(after: now), end)
            rate = plan.rate(at: now)
        }
        return nil
    }
}
