// BesselK: the modified Bessel function of the second kind K_ν(x) for real order and x > 0.
// Hand-written (libm has none) for the Cramér–von Mises limiting distribution, which needs K_{1/4}.
// Uses the integral K_ν(x) = ∫_0^∞ exp(-x cosh t) cosh(νt) dt (DLMF 10.32.9) with the trapezoidal rule, which
// converges geometrically for this analytic, doubly-exponentially decaying integrand (Trefethen & Weideman 2014).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SpecialFunctions {
    /// K_ν(x) for x > 0; +∞ at 0 and NaN for negative x.
    public static func besselK(order nu: Double, _ x: Double) -> Double {
        if x.isNaN || nu.isNaN || x < 0 { return .nan }
        if x == 0 { return .infinity }
        if x > 700 { return 0 }
        // Work with the scaled integrand exp(-x (cosh t - 1)) so the sum neither underflows nor loses digits,
        // and multiply e^-x back at the end.
        let step = 0.05
        var sum = 0.5  // t = 0 term, halved by the trapezoidal rule
        var t = step
        while true {
            let exponent = -x * (cosh(t) - 1) + abs(nu) * t
            let term = exp(-x * (cosh(t) - 1)) * cosh(nu * t)
            sum += term
            if exponent < -40 { break }
            t += step
            if t > 50 { break }
        }
        return exp(-x) * sum * step
    }
}
