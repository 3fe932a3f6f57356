// LocationAndDistance: Welch's t-test (scipy.stats.ttest_ind(equal_var=False)) and the CDF distances
// wasserstein_distance / energy_distance (scipy.stats, via its `_cdf_distance`), plus Wasserstein normed by the
// reference's standard deviation. Hand-written: the distances integrate |F - G|^p over one merged pass of the
// shared sorted samples, with no searchsorted.

extension DriftTests {
    /// Welch's unequal-variance t-test, two-sided; statistic = t of mean(reference) - mean(current).
    /// With zero variance in both samples scipy returns a NaN p-value; so do we (and drifted is then false).
    public static func welchT(_ pair: SamplePair, threshold: Double = 0.05) throws -> DriftTestResult {
        let (t, df, p) = welch(
            n1: Double(pair.referenceCount), mean1: Statistics.mean(pair.reference), variance1: Statistics.variance(pair.reference),
            n2: Double(pair.currentCount), mean2: Statistics.mean(pair.current), variance2: Statistics.variance(pair.current))
        return pair.result("t_test", statistic: t, pValue: p, threshold: threshold, details: ["degrees_of_freedom": df])
    }

    /// Welch's t, its degrees of freedom and two-sided p-value from each sample's size, mean and sample variance.
    static func welch(
        n1: Double, mean1 m1: Double, variance1: Double, n2: Double, mean2 m2: Double, variance2: Double
    ) -> (t: Double, degreesOfFreedom: Double, pValue: Double) {
        let v1 = variance1 / n1, v2 = variance2 / n2
        let se2 = v1 + v2
        let t = (m1 - m2) / se2.squareRoot()
        let df = se2 * se2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        var p = 2 * SpecialFunctions.studentTSurvival(abs(t), degreesOfFreedom: df)
        if df.isNaN || t.isNaN { p = .nan }
        p = p.isNaN ? p : Swift.min(1, Swift.max(0, p))
        return (t, df, p)
    }

    /// scipy.stats.wasserstein_distance: ∫ |F(x) - G(x)| dx.
    public static func wasserstein(_ pair: SamplePair, threshold: Double = 0.1) throws -> DriftTestResult {
        let distance = cdfDistance(pair, power: 1)
        return pair.result("wasserstein", statistic: distance, pValue: nil, threshold: threshold)
    }

    /// The smallest reference standard deviation wasserstein_normed divides by.
    static let wassersteinMinimumScale = 0.001

    /// Wasserstein distance divided by max(population std of the reference, 0.001), so it is scale-free.
    public static func wassersteinNormed(_ pair: SamplePair, threshold: Double = 0.1) throws -> DriftTestResult {
        let distance = cdfDistance(pair, power: 1)
        let n = Double(pair.referenceCount)
        let variance = pair.referenceCount > 1 ? Statistics.variance(pair.reference) * (n - 1) / n : 0
        let scale = Swift.max(variance.squareRoot(), wassersteinMinimumScale)
        return pair.result("wasserstein_normed", statistic: distance / scale, pValue: nil, threshold: threshold,
                           details: ["wasserstein": distance, "reference_std": variance.squareRoot()])
    }

    /// scipy.stats.energy_distance: sqrt(2 ∫ (F(x) - G(x))² dx).
    public static func energyDistance(_ pair: SamplePair, threshold: Double = 0.1) throws -> DriftTestResult {
        let integral = cdfDistance(pair, power: 2)
        return pair.result("energy_distance", statistic: 2.0.squareRoot() * integral.squareRoot(), pValue: nil,
                           threshold: threshold)
    }

    /// ∫ |F - G|^power between consecutive distinct pooled values (power 1 or 2; 2 returns the integral itself).
    static func cdfDistance(_ pair: SamplePair, power: Int) -> Double {
        cdfDistance(pair.reference, pair.current, power: power)
    }

    /// The same between two ascending, NaN-free samples.
    static func cdfDistance(_ reference: [Double], _ current: [Double], power: Int) -> Double {
        var sum = CompensatedSum()
        reference.withUnsafeBufferPointer { ref in
            current.withUnsafeBufferPointer { cur in
                let d1 = Double(ref.count), d2 = Double(cur.count)
                var i = 0, j = 0
                var previous = Double.nan
                var gap = 0.0
                forEachTieGroup(ref, cur) { value, a, b in
                    if !previous.isNaN {
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
