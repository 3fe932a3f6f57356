// KolmogorovSmirnovTest: the two-sample Kolmogorov–Smirnov test, ported from scipy.stats.ks_2samp with its
// `alternative` and `method`. 'auto' is exact when max(n1, n2) <= 10000, else asymptotic. Two-sided exact: Hodges
// 1958, with Viehmann 2021's 1 - p recursion for unequal sizes; asymptotic kstwo.sf(D, round(n1·n2/(n1+n2))).
// One-sided exact: binom(2n, n-h)/binom(2n, n) for equal sizes, else Hodges' count of the paths that cross the
// line; asymptotic: Hodges' eq. 5.3. An exact attempt that overflows falls back to the asymptotic p-value, as in
// scipy. Hand-written so it runs on the shared sorted samples in one merged pass instead of scipy's two
// searchsorted calls.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DriftTests {
    /// Largest sample size for which the exact distribution is attempted (scipy's MAX_AUTO_N).
    static let kolmogorovSmirnovExactLimit = 10_000

    public static func kolmogorovSmirnov(
        _ pair: SamplePair, threshold: Double = 0.05, options: HypothesisOptions = HypothesisOptions()
    ) throws -> DriftTestResult {
        let gaps = kolmogorovSmirnovGaps(pair.reference, pair.current)
        let d = switch options.alternative {
        case .twoSided: Swift.max(gaps.above, gaps.below)
        case .less: gaps.below
        case .greater: gaps.above
        }
        let (statistic, p, exact) = try kolmogorovSmirnovPValue(
            d, pair.referenceCount, pair.currentCount, alternative: options.alternative, method: options.method)
        return pair.result("ks_test", statistic: statistic, pValue: p, threshold: threshold,
                           details: ["exact": exact ? 1 : 0], alternative: options.alternative)
    }

    /// The largest amount by which the reference's empirical CDF lies above the current's (D+, scipy's
    /// "greater" statistic) and below it (D−, "less"), each within [0, 1], for two ascending, NaN-free samples;
    /// the two-sided D is the larger.
    static func kolmogorovSmirnovGaps(_ reference: [Double], _ current: [Double]) -> (above: Double, below: Double) {
        var maxDifference = -Double.infinity, minDifference = Double.infinity
        reference.withUnsafeBufferPointer { ref in
            current.withUnsafeBufferPointer { cur in
                var i = 0, j = 0
                let d1 = Double(ref.count), d2 = Double(cur.count)
                forEachTieGroup(ref, cur) { _, a, b in
                    i += a
                    j += b
                    let difference = Double(i) / d1 - Double(j) / d2
                    maxDifference = Swift.max(maxDifference, difference)
                    minDifference = Swift.min(minDifference, difference)
                }
            }
        }
        return (maxDifference, Swift.min(1, Swift.max(0, -minDifference)))
    }

    /// The p-value of a KS statistic `d` between samples of n1 and n2 values, and the statistic as scipy reports
    /// it (rounded to a multiple of 1/lcm(n1, n2) when the exact distribution is tried).
    static func kolmogorovSmirnovPValue(
        _ d: Double, _ n1: Int, _ n2: Int, alternative: Alternative = .twoSided, method: PValueMethod = .auto
    ) throws -> (statistic: Double, pValue: Double, exact: Bool) {
        let g = greatestCommonDivisor(n1, n2)
        let triesExact = switch method {
        case .auto: Swift.max(n1, n2) <= kolmogorovSmirnovExactLimit
        case .exact: n1 / g < Int(Int32.max) / (n2 / g)  // scipy goes asymptotic when lcm(n1, n2) is too big
        case .asymptotic: false
        }
        var d = d
        if triesExact {
            let lcm = (n1 / g) * n2
            let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
            d = Double(h) / Double(lcm)
            if let p = try kolmogorovSmirnovExactPValue(n1, n2, g, h, alternative), p >= 0 && p <= 1 {
                return (d, p, true)
            }
        }
        let m = Double(Swift.max(n1, n2)), n = Double(Swift.min(n1, n2))
        let p: Double
        if alternative == .twoSided {
            let effective = Int((m * n / (m + n)).rounded(.toNearestOrEven))
            p = try SpecialFunctions.kolmogorovSmirnovSurvival(n: effective, x: d)
        } else {
            let z = (m * n / (m + n)).squareRoot() * d
            p = exp(-2 * z * z - 2 * z * (m + 2 * n) / (m * n * (m + n)).squareRoot() / 3)
        }
        return (d, Swift.min(1, Swift.max(0, p)), false)
    }

    /// The exact p-value of the statistic h/lcm(n1, n2), or nil when the computation overflows.
    static func kolmogorovSmirnovExactPValue(
        _ n1: Int, _ n2: Int, _ g: Int, _ h: Int, _ alternative: Alternative
    ) throws -> Double? {
        if h == 0 { return 1 }
        switch (alternative, n1 == n2) {
        case (.twoSided, true): return probabilityOutsideSquare(n1, h)
        case (.twoSided, false): return try probabilityOutsideCorridor(n1, n2, g, h)
        case (_, true):
            // binom(2n, n - h) / binom(2n, n) as a product, as scipy evaluates it.
            var p = 1.0
            for j in 0..<h { p *= Double(n1 - j) / (Double(n1 + j) + 1) }
            return p
        case (_, false):
            let total = binomial(n1 + n2, n1)
            guard let paths = try pathsCrossingLine(n1, n2, g, h), total.isFinite, paths <= total else { return nil }
            return paths / total
        }
    }

    static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// Pr(D_{n,n} >= h/n) = 2 Σ_k (-1)^k binom(2n, n - (k+1)h) / binom(2n, n), in scipy's Horner form.
    static func probabilityOutsideSquare(_ n: Int, _ h: Int) -> Double {
        var p = 0.0
        var k = n / h
        while k >= 0 {
            var p1 = 1.0
            for j in 0..<h {
                p1 = Double(n - k * h - j) * p1 / Double(n + k * h + j + 1)
            }
            p = p1 * (1 - p)
            k -= 1
        }
        return 2 * p
    }

    /// 1 - (lattice paths staying strictly inside |x/m - y/n| < h/lcm) / binom(m+n, n), by scipy's
    /// `_compute_outer_prob_inside_method` recursion on one sliding column.
    static func probabilityOutsideCorridor(_ m0: Int, _ n0: Int, _ g: Int, _ h: Int) throws(InterruptedError) -> Double {
        let m = Swift.max(m0, n0), n = Swift.min(m0, n0)
        let mg = m / g, ng = n / g
        var minJ = 0
        var maxJ = Swift.min(ceilDivide(h, mg), n + 1)
        var currentLength = maxJ - minJ
        let length = Swift.min(2 * maxJ + 2, n + 1)
        var column = [Double](repeating: 1, count: length)
        for index in minJ..<maxJ { column[index] = 0 }
        return try column.withUnsafeMutableBufferPointer { a throws(InterruptedError) -> Double in
            for i in 1...m {
                if i & 0x3FF == 0 { try Cancellation.check() }
                let lastMinJ = minJ, lastLength = currentLength
                minJ = Swift.min(Swift.max(floorDivide(ng * i - h, mg) + 1, 0), n)
                maxJ = Swift.min(ceilDivide(ng * i + h, mg), n + 1)
                if maxJ <= minJ { return 1 }
                var value = minJ == 0 ? 0.0 : 1.0
                let di = Double(i)
                for jj in 0..<(maxJ - minJ) {
                    let j = jj + minJ
                    value = (a[jj + minJ - lastMinJ] * di + value * Double(j)) / (di + Double(j))
                    a[jj] = value
                }
                currentLength = maxJ - minJ
                if lastLength > currentLength {
                    for index in (maxJ - minJ)..<Swift.min(maxJ - minJ + lastLength - currentLength, a.count) {
                        a[index] = 1
                    }
                }
            }
            return a[maxJ - minJ - 1]
        }
    }

    /// The number of lattice paths from (0, 0) to (m, n) that reach the line m·y = n·x − h·g (scipy's
    /// `_count_paths_outside_method`, after Hodges 1958), as a double; nil when it overflows.
    static func pathsCrossingLine(_ m0: Int, _ n0: Int, _ g: Int, _ h: Int) throws(InterruptedError) -> Double? {
        let m = Swift.max(m0, n0), n = Swift.min(m0, n0)
        let mg = m / g, ng = n / g
        let count = n + floorDivide(mg - h, mg)
        if count <= 0 { return binomial(m + n, n) }
        // x[j]: the first x at which the line n·x/m − h·g/m reaches height j.
        let x = (0..<count).map { j in (h + mg * j + ng - 1) / ng }
        var firstReach = [Double](repeating: 0, count: count)  // paths reaching (x[j], j) without touching before
        firstReach[0] = 1
        for j in 1..<count {
            if j & 0x3F == 0 { try Cancellation.check() }
            var paths = binomial(x[j] + j, j)
            for i in 0..<j { paths -= binomial(x[j] - x[i] + j - i, j - i) * firstReach[i] }
            guard paths.isFinite else { return nil }
            firstReach[j] = paths
        }
        var total = 0.0
        for j in 0..<count { total += firstReach[j] * binomial(m - x[j] + n - j, n - j) }
        return total.isFinite ? total : nil
    }

    /// binom(n, k) as scipy.special.binom computes it for whole numbers: a running product for k < 20 (after
    /// k → n − k when that is smaller), else through the log-gamma function.
    static func binomial(_ n: Int, _ k: Int) -> Double {
        guard k >= 0, k <= n else { return 0 }
        let k = Swift.min(k, n - k)
        guard k >= 20 else {
            var numerator = 1.0, denominator = 1.0
            for i in stride(from: 1, through: k, by: 1) {
                numerator *= Double(i + n - k)
                denominator *= Double(i)
                if abs(numerator) > 1e50 {
                    numerator /= denominator
                    denominator = 1
                }
            }
            return numerator / denominator
        }
        let logValue = SpecialFunctions.logGamma(Double(n) + 1) - SpecialFunctions.logGamma(Double(k) + 1)
            - SpecialFunctions.logGamma(Double(n - k) + 1)
        return exp(logValue)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func ceilDivide(_ a: Int, _ b: Int) -> Int { -floorDivide(-a, b) }
}
