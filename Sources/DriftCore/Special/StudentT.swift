// StudentT: the Student t distribution's CDF and survival function for real degrees of freedom.
// Hand-written over the regularized incomplete beta: for t < 0, P(T <= t) = ½ I_{ν/(ν+t²)}(ν/2, ½) (Abramowitz &
// Stegun 26.7.1), so both tails keep relative accuracy; for |t| < 2 the complementary form ½ + ½ I_{t²/(ν+t²)}(½, ν/2)
// avoids cancellation. Infinite ν is the normal distribution, as in scipy.stats.t.
extension SpecialFunctions {
    /// P(T <= t) for Student's t with `degreesOfFreedom` > 0.
    public static func studentTCDF(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t.isNaN || nu.isNaN || nu <= 0 { return .nan }
        if nu.isInfinite { return normalCDF(t) }
        if t == 0 { return 0.5 }
        if t.isInfinite { return t < 0 ? 0 : 1 }
        let t2 = t * t
        let lowerTail: Double
        if t2 < 4 {
            // Central region (|t| < 2, as Cephes stdtr): the tail is at least about 0.02, so ½ - ½ I_{t²/(ν+t²)}(½, ν/2)
            // loses nothing, while ν/(ν+t²) would round to 1 for huge ν.
            lowerTail = 0.5 - 0.5 * regularizedBeta(0.5, nu / 2, t2 / (nu + t2))
        } else {
            lowerTail = 0.5 * regularizedBeta(nu / 2, 0.5, nu / (nu + t2), complement: t2 / (nu + t2))
        }
        return t < 0 ? lowerTail : 1 - lowerTail
    }

    /// P(T > t) = studentTCDF(-t).
    public static func studentTSurvival(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        studentTCDF(-t, degreesOfFreedom: nu)
    }
}
