// KolmogorovSmirnovTest: the two-sided two-sample Kolmogorov–Smirnov test, ported from scipy.stats.ks_2samp
// (method='auto'): exact p-value when max(n1, n2) <= 10000 (Hodges 1958; Viehmann 2021's 1 - p recursion for
// unequal sizes), else kstwo.sf(D, round(n1·n2/(n1+n2))). Hand-written so it runs on the shared sorted samples
// in one merged pass instead of scipy's two searchsorted calls.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DriftTests {
    /// Largest sample size for which the exact distribution is attempted (scipy's MAX_AUTO_N).
    static let kolmogorovSmirnovExactLimit = 10_000

    public static func kolmogorovSmirnov(_ pair: SamplePair, threshold: Double = 0.05) throws -> DriftTestResult {
        let d = kolmogorovSmirnovStatistic(pair.reference, pair.current)
        let (statistic, p, exact) = try kolmogorovSmirnovPValue(d, pair.referenceCount, pair.currentCount)
        return pair.result("ks_test", statistic: statistic, pValue: p, threshold: threshold,
                           details: ["exact": exact ? 1 : 0])
    }

    /// The two-sided statistic D: the largest gap between the empirical CDFs of two ascending, NaN-free samples.
    static func kolmogorovSmirnovStatistic(_ reference: [Double], _ current: [Double]) -> Double {
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
        return Swift.max(maxDifference, Swift.min(1, Swift.max(0, -minDifference)))
    }

    /// The p-value of a two-sided KS statistic `d` between samples of n1 and n2 values, and the statistic as
    /// scipy reports it (rounded to a multiple of 1/lcm(n1, n2) when the exact distribution is used).
    static func kolmogorovSmirnovPValue(_ d: Double, _ n1: Int, _ n2: Int) throws -> (statistic: Double, pValue: Double, exact: Bool) {
        var d = d
        var p: Double? = nil
        var method = "asymptotic"
        if Swift.max(n1, n2) <= kolmogorovSmirnovExactLimit {
            let g = greatestCommonDivisor(n1, n2)
            let lcm = (n1 / g) * n2
            let h = Int((d * Double(lcm)).rounded(.toNearestOrEven))
            let exactD = Double(h) / Double(lcm)
            let exact: Double
            if h == 0 {
                exact = 1
            } else if n1 == n2 {
                exact = probabilityOutsideSquare(n1, h)
            } else {
                exact = try probabilityOutsideCorridor(n1, n2, g, h)
            }
            if exact >= 0 && exact <= 1 {
                p = exact
                d = exactD
                method = "exact"
            } else {
                d = exactD
            }
        }
        if p == nil {
            let m = Double(Swift.max(n1, n2)), n = Double(Swift.min(n1, n2))
            let effective = Int((m * n / (m + n)).rounded(.toNearestOrEven))
            p = try SpecialFunctions.kolmogorovSmirnovSurvival(n: effective, x: d)
        }
        return (d, Swift.min(1, Swift.max(0, p ?? .nan)), method == "exact")
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

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func ceilDivide(_ a: Int, _ b: Int) -> Int { -floorDivide(-a, b) }
}
