// Kolmogorov: the limiting Kolmogorov distribution's survival (scipy.special.kolmogorov) and the one-sided
// Smirnov survival for finite n (scipy.special.smirnov). Hand-written: no library provides them.
// kolmogorov: the two classical series (Jacobi theta form for small x, alternating series otherwise), switching
// at x = 0.82 as in Cephes/xsf. smirnov: the exact Birnbaum & Tingey (1951) finite sum, every term positive and
// summed in logs, so tiny tail probabilities keep full relative accuracy.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SpecialFunctions {
    /// P(K > x) for the limiting Kolmogorov distribution K = lim sqrt(n) D_n: 2 Σ_{k>=1} (-1)^(k-1) e^(-2k²x²).
    public static func kolmogorovSurvival(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x <= 0 { return 1 }
        if x <= 0.82 {
            // CDF = sqrt(2π)/x Σ_{k>=1} exp(-(2k-1)² π² / (8x²)); converges fast for small x.
            let w = -Double.pi * Double.pi / (8 * x * x)
            var sum = 0.0
            for k in 1...20 {
                let m = Double(2 * k - 1)
                let term = exp(m * m * w)
                sum += term
                if term < 1e-17 * sum { break }
            }
            return 1 - (2 * Double.pi).squareRoot() / x * sum
        }
        var sum = 0.0
        var sign = 1.0
        for k in 1...100 {
            let kk = Double(k)
            let term = exp(-2 * kk * kk * x * x)
            sum += sign * term
            if term < 1e-17 * abs(sum) { break }
            sign = -sign
        }
        return Swift.min(1, Swift.max(0, 2 * sum))
    }

    /// P(D_n^+ >= x), the one-sided Kolmogorov–Smirnov statistic of n observations:
    /// x Σ_{j=0}^{⌊n(1-x)⌋} C(n, j) (x + j/n)^(j-1) (1 - x - j/n)^(n-j).
    public static func smirnovSurvival(n: Int, x: Double) throws(InterruptedError) -> Double {
        if x.isNaN || n <= 0 { return .nan }
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        if n == 1 { return 1 - x }
        let nd = Double(n)
        let last = Int((nd * (1 - x)).rounded(.down))
        var logTerms = [Double]()
        logTerms.reserveCapacity(last + 1)
        let logX = log(x)
        let logFactorialN = logGamma(nd + 1)
        var largest = -Double.infinity
        for j in 0...last {
            if j & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let jd = Double(j)
            let remaining = (Double(n - j) - nd * x) / nd  // 1 - x - j/n without cancellation in j/n
            guard remaining > 0 else { continue }
            let lead = x + jd / nd
            let logTerm = logFactorialN - logGamma(jd + 1) - logGamma(Double(n - j) + 1)
                + logX + (jd - 1) * log(lead) + Double(n - j) * log(remaining)
            logTerms.append(logTerm)
            largest = Swift.max(largest, logTerm)
        }
        guard largest > -Double.infinity else { return 0 }
        var sum = 0.0
        for t in logTerms { sum += exp(t - largest) }
        return Swift.min(1, exp(largest) * sum)
    }
}
