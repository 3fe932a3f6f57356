// LogGamma: log Γ and log B(a, b) that stay accurate when one or both arguments are huge.
// Hand-written: lgamma(a) - lgamma(a + b) cancels catastrophically for a ~ 1e10 (Welch t-tests with enormous
// degrees of freedom); here the difference is formed analytically from Stirling's series (Abramowitz & Stegun
// 6.1.41) with log1p, as Cephes' lbeta and DiDonato & Morris (1992) do.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SpecialFunctions {
    static let halfLogTwoPi = 0.91893853320467274178

    /// log |Γ(x)|.
    public static func logGamma(_ x: Double) -> Double {
        let value: Double = lgamma(x)
        return value
    }

    /// Stirling's correction ω(x) = log Γ(x) - [(x - ½) log x - x + ½ log 2π].
    static func stirlingCorrection(_ x: Double) -> Double {
        if x >= 10 {
            let r = 1 / x, r2 = r * r
            return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))))
        }
        return logGamma(x) - ((x - 0.5) * log(x) - x + halfLogTwoPi)
    }

    /// log B(a, b) for positive a and b.
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        let large = Swift.max(a, b), small = Swift.min(a, b)
        if large < 10 { return logGamma(small) + logGamma(large) - logGamma(small + large) }
        let sum = small + large
        // (large - ½) log large - (sum - ½) log sum = -(large - ½) log1p(small / large) - small log sum
        let shared = -(large - 0.5) * log1p(small / large) - small * log(sum)
        if small >= 10 {
            return halfLogTwoPi + (small - 0.5) * log(small) + shared
                + stirlingCorrection(small) + stirlingCorrection(large) - stirlingCorrection(sum)
        }
        return logGamma(small) + shared + small + stirlingCorrection(large) - stirlingCorrection(sum)
    }

    /// B(a, b) (may overflow to infinity or underflow to zero for extreme arguments).
    static func beta(_ a: Double, _ b: Double) -> Double {
        if a + b < 171.6 && a > 0 && b > 0 { return tgamma(a) / tgamma(a + b) * tgamma(b) }
        return exp(logBeta(a, b))
    }
}
