// RankTests: Mann–Whitney U (scipy.stats.mannwhitneyu with its `alternative` and `method`) and the two-sample
// Cramér–von Mises test (scipy.stats.cramervonmises_2samp, method='auto'), both from midranks of the merged
// sorted samples. Hand-written: one merged pass over the shared sorted samples gives the rank sums and tie terms.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DriftTests {
    /// Mann–Whitney U. `method` .auto is scipy's rule: the exact null distribution when the smaller sample has
    /// at most 8 values and nothing is tied, else the normal approximation with tie and continuity corrections.
    /// The statistic is U of the reference sample, as scipy reports U1; "greater" tests whether the reference
    /// tends to be larger (P(U ≥ U1)), "less" smaller (P(U ≥ U2)), "two-sided" doubles P(U ≥ max(U1, U2)).
    public static func mannWhitney(
        _ pair: SamplePair, threshold: Double = 0.05, options: HypothesisOptions = HypothesisOptions()
    ) throws -> DriftTestResult {
        let n1 = pair.referenceCount, n2 = pair.currentCount
        var rankSum = 0.0
        var tieTerm = 0.0
        var tied = false
        pair.reference.withUnsafeBufferPointer { ref in
            pair.current.withUnsafeBufferPointer { cur in
                var before = 0
                forEachTieGroup(ref, cur) { _, a, b in
                    let c = a + b
                    let averageRank = Double(before) + Double(c + 1) / 2
                    rankSum += Double(a) * averageRank
                    if c > 1 {
                        tied = true
                        let t = Double(c)
                        tieTerm += t * t * t - t
                    }
                    before += c
                }
            }
        }
        let d1 = Double(n1), d2 = Double(n2)
        let u1 = rankSum - d1 * (d1 + 1) / 2
        let u2 = d1 * d2 - u1
        let (u, factor): (Double, Double) = switch options.alternative {
        case .twoSided: (Swift.max(u1, u2), 2)
        case .less: (u2, 1)
        case .greater: (u1, 1)
        }
        let exact = switch options.method {
        case .auto: !((n1 > 8 && n2 > 8) || tied)
        case .exact: true
        case .asymptotic: false
        }
        let p: Double
        if exact {
            guard options.method == .auto || n1 * n2 <= mannWhitneyExactLimit else {
                throw DataError("mann_whitney: the exact distribution is computed for n_ref · n_cur up to 1,000,000 (here \(n1) · \(n2)); use method: \"asymptotic\" or \"auto\"")
            }
            // scipy takes the whole part of U (a tie can make it end in .5).
            p = factor * (try mannWhitneyExactSurvival(Int(u), n1, n2))
        } else {
            let n = d1 + d2
            let mu = d1 * d2 / 2
            let s = (d1 * d2 / 12 * ((n + 1) - tieTerm / (n * (n - 1)))).squareRoot()
            let z = (u - mu - 0.5) / s
            p = factor * SpecialFunctions.normalCDF(-z)
        }
        return pair.result("mann_whitney", statistic: u1, pValue: Swift.min(1, Swift.max(0, p)), threshold: threshold,
                           details: ["exact": exact ? 1 : 0], alternative: options.alternative)
    }

    /// The largest n1 · n2 for which `method: "exact"` builds the null distribution (its table has n1 · n2 / 2
    /// entries and takes min(n1, n2) passes); `auto` goes exact only with at most 8 values on one side.
    static let mannWhitneyExactLimit = 1_000_000

    /// P(U ≥ u) under the null for samples of n1 and n2 untied values, from the lower tail by symmetry
    /// (P(U ≥ u) = P(U ≤ n1·n2 − u)) when u is at least the mean, else 1 − P(U ≤ u − 1), as scipy's `_MWU.sf`.
    static func mannWhitneyExactSurvival(_ u: Int, _ n1: Int, _ n2: Int) throws(InterruptedError) -> Double {
        let complement = n1 * n2 - u
        return u >= complement ? try mannWhitneyExactCDF(complement, n1, n2) : 1 - (try mannWhitneyExactCDF(u - 1, n1, n2))
    }

    /// P(U <= k) under the null for samples of n1 and n2 untied values: the coefficients of the Gaussian binomial
    /// [n1+n2 choose n1]_q, built as Π_{i=1}^{small} (1 - q^(large+i)) / (1 - q^i) truncated at q^k.
    static func mannWhitneyExactCDF(_ k: Int, _ n1: Int, _ n2: Int) throws(InterruptedError) -> Double {
        let small = Swift.min(n1, n2), large = Swift.max(n1, n2)
        guard k >= 0 else { return 0 }
        var coefficients = [Double](repeating: 0, count: k + 1)
        coefficients[0] = 1
        var total = 1.0
        for i in 1...small {
            try Cancellation.check()
            // Divide by (1 - q^i): running sum with stride i.
            if i <= k {
                for u in i...k { coefficients[u] += coefficients[u - i] }
            }
            // Multiply by (1 - q^(large + i)).
            let shift = large + i
            if shift <= k {
                for u in stride(from: k, through: shift, by: -1) { coefficients[u] -= coefficients[u - shift] }
            }
            total = total * Double(large + i) / Double(i)
        }
        var cumulative = 0.0
        for c in coefficients { cumulative += c }
        return cumulative / total
    }

    /// Two-sample Cramér–von Mises T (Anderson 1962): exact p-value (Xiao, Gordon & Yakovlev 2006) when both
    /// samples have at most 20 values, else the Csörgő–Faraway limiting distribution of the normalized statistic.
    /// Each sample needs at least two values.
    public static func cramerVonMises(_ pair: SamplePair, threshold: Double = 0.05) throws -> DriftTestResult {
        let nx = pair.referenceCount, ny = pair.currentCount
        guard nx >= 2, ny >= 2 else {
            throw DataError("cvm_test: each sample needs at least two values after dropping missing values (reference \(nx), current \(ny))")
        }
        var sumX = CompensatedSum(), sumY = CompensatedSum()
        pair.reference.withUnsafeBufferPointer { ref in
            pair.current.withUnsafeBufferPointer { cur in
                var before = 0, ix = 0, iy = 0
                forEachTieGroup(ref, cur) { _, a, b in
                    let rank = Double(before) + Double(a + b + 1) / 2
                    for _ in 0..<a {
                        ix += 1
                        let d = rank - Double(ix)
                        sumX.add(d * d)
                    }
                    for _ in 0..<b {
                        iy += 1
                        let d = rank - Double(iy)
                        sumY.add(d * d)
                    }
                    before += a + b
                }
            }
        }
        let dx = Double(nx), dy = Double(ny)
        let u = dx * sumX.value + dy * sumY.value
        let k = dx * dy, n = dx + dy
        let t = u / (k * n) - (4 * k - 1) / (6 * n)
        let p: Double
        let exact = Swift.max(nx, ny) <= 20
        if exact {
            p = cramerVonMisesExactPValue(u, nx, ny)
        } else {
            let et = (1 + 1 / n) / 6
            var vt = (n + 1) * (4 * k * n - 3 * (dx * dx + dy * dy) - 2 * k)
            vt = vt / (45 * n * n * 4 * k)
            let tn = 1.0 / 6 + (t - et) / (45 * vt).squareRoot()
            p = tn >= 0.003 ? Swift.max(1 - cramerVonMisesLimitCDF(tn), 0) : 1
        }
        return pair.result("cvm_test", statistic: t, pValue: p, threshold: threshold, details: ["exact": exact ? 1 : 0])
    }

    /// The limiting CDF of the one-sample statistic (Csörgő & Faraway 1996, eq. 1.2), summing terms until one is
    /// below 1e-7 exactly as scipy's `_cdf_cvm_inf` does, so the truncation matches too.
    static func cramerVonMisesLimitCDF(_ x: Double) -> Double {
        var total = 0.0
        var k = 0
        while k < 1000 {
            let kd = Double(k)
            let u = exp(SpecialFunctions.logGamma(kd + 0.5) - SpecialFunctions.logGamma(kd + 1))
                / (pow(Double.pi, 1.5) * x.squareRoot())
            let y = 4 * kd + 1
            let q = y * y / (16 * x)
            let term = u * y.squareRoot() * exp(-q) * SpecialFunctions.besselK(order: 0.25, q)
            total += term
            if !(abs(term) >= 1e-7) { break }
            k += 1
        }
        return total
    }

    /// P(U >= u) from the exact frequency table of the rank statistic U (scipy's `_pval_cvm_2samp_exact`).
    static func cramerVonMisesExactPValue(_ u: Double, _ m: Int, _ n: Int) -> Double {
        let g = greatestCommonDivisor(m, n)
        let lcm = m / g * n
        let a = lcm / m, b = lcm / n
        let mn = Double(m * n)
        let l = Double(lcm)
        let zeta = (l * l * Double(m + n) * (6 * u - mn * (4 * mn - 1)) / (6 * mn * mn)).rounded(.down)
        // gs[v]: value -> frequency after processing u rows.
        var gs: [[Int: Double]] = [[0: 1]] + Array(repeating: [:], count: m)
        for row in 0...n {
            var next: [[Int: Double]] = []
            next.reserveCapacity(m + 1)
            var running: [Int: Double] = [:]
            for (v, table) in gs.enumerated() {
                for (value, frequency) in table { running[value, default: 0] += frequency }
                let shift = (a * v - b * row) * (a * v - b * row)
                var shifted: [Int: Double] = [:]
                shifted.reserveCapacity(running.count)
                for (value, frequency) in running { shifted[value + shift] = frequency }
                running = shifted
                next.append(running)
            }
            gs = next
        }
        var combinations = 1.0
        for i in 1...Swift.min(m, n) { combinations = combinations * Double(m + n - Swift.min(m, n) + i) / Double(i) }
        var tail = 0.0
        for (value, frequency) in gs[m] where Double(value) >= zeta { tail += frequency }
        return tail / combinations.rounded()
    }
}
