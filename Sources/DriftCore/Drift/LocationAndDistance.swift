// LocationAndDistance: Welch's t-test (scipy.stats.ttest_ind(equal_var=False)) and the CDF distances
// wasserstein_distance / energy_distance (scipy.stats, via its `_cdf_distance`), plus Wasserstein normed by the
// reference's standard deviation. Hand-written: the distances integrate |F - G|^p over one merged pass of the
// shared sorted samples, with no searchsorted. Where scipy overflows (values near ±1e308 give infinite widths and
// variances) these rescale by a power of two first, and a zero CDF gap adds nothing even over an infinite width
// (scipy's 0 · ∞ = NaN), so identical samples are at distance 0.

extension DriftTests {
    /// Welch's unequal-variance t-test; statistic = t of mean(reference) - mean(current). Each sample needs two
    /// values and no infinite one. Values beyond ±2^500 are rescaled by a power of two first (t is scale-free),
    /// so the variances cannot overflow.
    public static func welchT(
        _ pair: SamplePair, threshold: Double = 0.05, alternative: Alternative = .twoSided
    ) throws -> DriftTestResult {
        try pair.requireFinite("t_test", reason: "its mean is not finite")
        let scaled = pair.scaled(by: pair.overflowScale)
        let (t, df, p) = try welch(
            n1: Double(pair.referenceCount), mean1: Statistics.mean(scaled.reference), variance1: Statistics.variance(scaled.reference),
            n2: Double(pair.currentCount), mean2: Statistics.mean(scaled.current), variance2: Statistics.variance(scaled.current),
            alternative: alternative)
        return pair.result("t_test", statistic: t, pValue: p, threshold: threshold, details: ["degrees_of_freedom": df],
                           alternative: alternative)
    }

    /// Welch's t, its degrees of freedom and p-value from each sample's size, mean and sample variance. With zero
    /// variance in both samples the degrees of freedom are undefined and taken as 1, as scipy does: different means
    /// give t = ±∞ and p = 0; equal ones t = NaN and p = NaN (no drift).
    static func welch(
        n1: Double, mean1 m1: Double, variance1: Double, n2: Double, mean2 m2: Double, variance2: Double,
        alternative: Alternative = .twoSided
    ) throws -> (t: Double, degreesOfFreedom: Double, pValue: Double) {
        guard n1 >= 2, n2 >= 2 else {
            throw DataError("t_test needs at least two values in each sample after dropping missing values (reference \(Int(n1)), current \(Int(n2)))")
        }
        guard m1.isFinite, m2.isFinite, variance1.isFinite, variance2.isFinite else {
            throw DataError("t_test: a sample's mean or variance is not finite (an infinite value, or values too large for a double's square)")
        }
        let v1 = variance1 / n1, v2 = variance2 / n2
        let se2 = v1 + v2
        let t = (m1 - m2) / se2.squareRoot()
        var df = se2 * se2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        if df.isNaN { df = 1 }
        var p = alternative.pValue(t) { SpecialFunctions.studentTSurvival($0, degreesOfFreedom: df) }
        p = t.isNaN ? .nan : Swift.min(1, Swift.max(0, p))
        return (t, df, p)
    }

    /// scipy.stats.wasserstein_distance: ∫ |F(x) - G(x)| dx.
    public static func wasserstein(_ pair: SamplePair, threshold: Double = 0.1) throws -> DriftTestResult {
        pair.result("wasserstein", statistic: cdfDistance(pair, power: 1), pValue: nil, threshold: threshold)
    }

    /// The smallest reference standard deviation wasserstein_normed divides by.
    static let wassersteinMinimumScale = 0.001

    /// Wasserstein distance divided by max(population std of the reference, 0.001), so it is scale-free. The
    /// reference must be finite (else its standard deviation is not).
    public static func wassersteinNormed(_ pair: SamplePair, threshold: Double = 0.1) throws -> DriftTestResult {
        try pair.requireFinite("wasserstein_normed", reason: "its standard deviation is not finite", referenceOnly: true)
        let distance = cdfDistance(pair, power: 1)
        let scale = pair.overflowScale
        let reference = pair.scaled(by: scale).reference
        let n = Double(pair.referenceCount)
        let variance = pair.referenceCount > 1 ? Statistics.variance(reference) * (n - 1) / n : 0
        let std = variance.squareRoot() / scale
        return pair.result("wasserstein_normed", statistic: distance / Swift.max(std, wassersteinMinimumScale),
                           pValue: nil, threshold: threshold, details: ["wasserstein": distance, "reference_std": std])
    }

    /// scipy.stats.energy_distance: sqrt(2 ∫ (F(x) - G(x))² dx).
    public static func energyDistance(_ pair: SamplePair, threshold: Double = 0.1) throws -> DriftTestResult {
        let scale = pair.overflowScale
        let scaled = pair.scaled(by: scale)
        let integral = cdfDistance(scaled.reference, scaled.current, power: 2)
        return pair.result("energy_distance", statistic: 2.0.squareRoot() * integral.squareRoot() / scale.squareRoot(),
                           pValue: nil, threshold: threshold)
    }

    /// ∫ |F - G|^power between consecutive distinct pooled values (power 1 or 2; 2 returns the integral itself),
    /// with values beyond ±2^500 rescaled so the widths cannot overflow.
    static func cdfDistance(_ pair: SamplePair, power: Int) -> Double {
        let scale = pair.overflowScale
        let scaled = pair.scaled(by: scale)
        return cdfDistance(scaled.reference, scaled.current, power: power) / scale
    }

    /// The same between two ascending, NaN-free samples (no rescaling).
    static func cdfDistance(_ reference: [Double], _ current: [Double], power: Int) -> Double {
        var sum = CompensatedSum()
        reference.withUnsafeBufferPointer { ref in
            current.withUnsafeBufferPointer { cur in
                let d1 = Double(ref.count), d2 = Double(cur.count)
                var i = 0, j = 0
                var previous = Double.nan
                var gap = 0.0
                forEachTieGroup(ref, cur) { value, a, b in
                    if !previous.isNaN, gap != 0 {  // no gap adds nothing, even over an infinite width
                        let width = value - previous
                        sum.add(power == 1 ? abs(gap) * width : gap * gap * width)
                    }
                    i += a
                    j += b
                    gap = Double(i) / d1 - Double(j) / d2
                    previous = value
                }
            }
        }
        return sum.value
    }
}
