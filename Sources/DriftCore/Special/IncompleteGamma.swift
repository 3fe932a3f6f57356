// IncompleteGamma: the regularized incomplete gamma functions P(a, x) and Q(a, x) and the chi-square survival.
// Hand-written (no such function in the standard library or libm): power series for x < a + 1 and Lentz's
// continued fraction otherwise, as Numerical Recipes §6.2 (gser / gcf) and Cephes igam / igamc.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SpecialFunctions {
    /// P(a, x) = γ(a, x) / Γ(a), the lower regularized incomplete gamma function (a > 0, x >= 0).
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
    }

    /// Q(a, x) = Γ(a, x) / Γ(a) = 1 - P(a, x), computed directly so small upper tails keep relative accuracy.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
    }

    /// P(X > x) for a chi-square variable with `degreesOfFreedom` (scipy.stats.chi2.sf).
    public static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Double) -> Double {
        if x.isNaN || degreesOfFreedom.isNaN || degreesOfFreedom <= 0 { return .nan }
        if x <= 0 { return 1 }
        return regularizedGammaQ(degreesOfFreedom / 2, x / 2)
    }

    /// x^a e^-x / Γ(a), in logs so huge a and x neither overflow nor underflow early.
    private static func gammaPrefactor(_ a: Double, _ x: Double) -> Double {
        exp(a * log(x) - x - logGamma(a))
    }

    /// P(a, x) = prefactor · Σ x^n / (a (a+1) ... (a+n)).
    private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * gammaPrefactor(a, x)
    }

    /// Q(a, x) by the continued fraction 1/(x+1-a- 1·(1-a)/(x+3-a- 2·(2-a)/(x+5-a- ...))) (modified Lentz).
    private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return gammaPrefactor(a, x) * h
    }
}
