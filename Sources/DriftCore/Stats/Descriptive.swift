// Descriptive: sum, mean, variance, standard deviation, min, max and correlation of numeric values.
// Every function skips NaN (missing). Algorithms are chosen to agree with numpy to about 1e-12 relative.

public enum Statistics {
    /// The sum of the present values (0 when there are none), with compensated summation.
    public static func sum(_ v: [Double]) -> Double {
        presentSum(v).sum
    }

    /// The arithmetic mean; NaN when there are no present values. The compensated sum is within about one
    /// rounding of the exact sum, so one division gives the mean to within a couple of ulps.
    public static func mean(_ v: [Double]) -> Double {
        let (total, count) = presentSum(v)
        return count > 0 ? total / Double(count) : .nan
    }

    /// The sample variance (divisor n - 1); NaN when fewer than two values are present.
    public static func variance(_ v: [Double]) -> Double {
        let (total, count) = presentSum(v)
        guard count > 1 else { return .nan }
        let center = total / Double(count)
        guard center.isFinite else { return .nan }
        // Corrected two-pass algorithm (Chan, Golub, LeVeque): sum of squared deviations minus the
        // squared sum of deviations, which cancels the error in the estimated mean.
        var squares = CompensatedSum()
        var deviations = CompensatedSum()
        v.withUnsafeBufferPointer { buffer in
            for x in buffer where !x.isNaN {
                let d = x - center
                squares.add(d * d)
                deviations.add(d)
            }
        }
        let n = Double(count)
        let sumOfSquares = squares.value - deviations.value * deviations.value / n
        return Swift.max(0, sumOfSquares) / (n - 1)
    }

    /// The sample standard deviation (divisor n - 1); NaN when fewer than two values are present.
    public static func standardDeviation(_ v: [Double]) -> Double {
        variance(v).squareRoot()
    }

    /// The smallest present value; NaN when there are none.
    public static func min(_ v: [Double]) -> Double {
        extreme(v, isBetter: <)
    }

    /// The largest present value; NaN when there are none.
    public static func max(_ v: [Double]) -> Double {
        extreme(v, isBetter: >)
    }

    /// Pearson's correlation over the rows where both values are present. NaN when the lengths differ,
    /// fewer than two pairs are present, or either side is constant. Clipped to [-1, 1] like numpy's corrcoef.
    public static func correlation(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count == y.count else { return .nan }
        let pairs = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }
        guard pairs.count > 1 else { return .nan }
        let meanX = mean(pairs.map(\.0))
        let meanY = mean(pairs.map(\.1))
        var sxx = CompensatedSum(), syy = CompensatedSum(), sxy = CompensatedSum()
        for (a, b) in pairs {
            let dx = a - meanX, dy = b - meanY
            sxx.add(dx * dx)
            syy.add(dy * dy)
            sxy.add(dx * dy)
        }
        let r = sxy.value / (sxx.value.squareRoot() * syy.value.squareRoot())
        return r.isNaN ? r : Swift.min(1, Swift.max(-1, r))
    }

    private static func presentSum(_ v: [Double]) -> (sum: Double, count: Int) {
        v.withUnsafeBufferPointer { buffer in
            var total = CompensatedSum()
            var count = 0
            for x in buffer where !x.isNaN {
                total.add(x)
                count += 1
            }
            return (total.value, count)
        }
    }

    private static func extreme(_ v: [Double], isBetter: (Double, Double) -> Bool) -> Double {
        v.withUnsafeBufferPointer { buffer in
            var best = Double.nan
            for x in buffer where !x.isNaN && (best.isNaN || isBetter(x, best)) { best = x }
            return best
        }
    }
}
