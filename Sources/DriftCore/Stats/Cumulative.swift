// Cumulative: running sums and products, and differences between values `lag` rows apart (behind
// `cumsum`, `cumprod` and `diff`). Missing values follow pandas: a missing value stays missing in its own
// position and is skipped by the running total, which continues after it.

extension Statistics {
    /// The running sum: element i is the sum of the present values up to i, or missing where the value is
    /// missing (pandas' `cumsum`). Compensated, so each element is within about one rounding of the exact sum.
    public static func cumulativeSum(_ v: [Double]) throws(InterruptedError) -> [Double] {
        var total = CompensatedSum()
        return try running(v) { x in
            total.add(x)
            return total.value
        }
    }

    /// The running product: element i is the product of the present values up to i, or missing where the
    /// value is missing (pandas' `cumprod`).
    public static func cumulativeProduct(_ v: [Double]) throws(InterruptedError) -> [Double] {
        var product = 1.0
        return try running(v) { x in
            product *= x
            return product
        }
    }

    /// `v[i] - v[i - lag]`, missing where either value is missing or `i - lag` is outside the vector: the
    /// first `lag` elements for a positive lag, the last `-lag` for a negative one (pandas' `diff(periods=lag)`).
    public static func differences(_ v: [Double], lag: Int) -> [Double] {
        let n = v.count
        var result = [Double](repeating: .nan, count: n)
        let lower = Swift.min(n, Swift.max(0, lag))
        let upper = Swift.max(lower, Swift.min(n, n + lag))
        v.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for i in lower..<upper { target[i] = source[i] - source[i - lag] }
            }
        }
        return result
    }

    /// Applies `step` to each present value in order, keeping missing positions missing.
    private static func running(_ v: [Double], _ step: (Double) -> Double) throws(InterruptedError) -> [Double] {
        var result = [Double](repeating: .nan, count: v.count)
        try v.withUnsafeBufferPointer { (source) throws(InterruptedError) in
            try result.withUnsafeMutableBufferPointer { (target) throws(InterruptedError) in
                for i in 0..<source.count {
                    if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
                    if !source[i].isNaN { target[i] = step(source[i]) }
                }
            }
        }
        return result
    }
}
