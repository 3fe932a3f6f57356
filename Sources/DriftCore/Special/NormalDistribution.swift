// NormalDistribution: the standard normal CDF and survival function through the complementary error function.
// Hand-written (a thin layer over libm's erfc) so both tails keep full relative accuracy: 1 - Phi(x) is never
// formed by subtraction, which would lose everything beyond x ~ 8. Same formulation as Cephes/scipy `ndtr`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum SpecialFunctions {}

extension SpecialFunctions {
    /// P(Z <= x) for a standard normal Z, accurate in the far lower tail (e.g. x = -38 gives about 2.9e-316).
    public static func normalCDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        let z = x * 0.70710678118654752440  // x / sqrt(2), as Cephes ndtr
        return 0.5 * erfc(-z)
    }

    /// P(Z > x) = normalCDF(-x), accurate in the far upper tail.
    public static func normalSurvival(_ x: Double) -> Double {
        normalCDF(-x)
    }
}
