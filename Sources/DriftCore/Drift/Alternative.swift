// Alternative and PValueMethod: the alternative hypothesis of a two-sample test and how its p-value is found,
// by scipy's names (`alternative="two-sided" | "less" | "greater"`, `method="auto" | "exact" | "asymptotic"`), so a
// call reads the same in Drift as in scipy. Which methods take them is their `DriftMethodDescriptor`'s to say.

/// The alternative hypothesis. As in scipy, "less" and "greater" are about the reference (the first sample)
/// against the current one: for `t_test` the reference's mean is less; for `mann_whitney` the reference tends to
/// be smaller; for `ks_test` the reference's distribution function lies below the current's somewhere (so its
/// values tend to be larger); for `z_test` the reference's share of the first category is less.
public enum Alternative: String, CaseIterable, Sendable {
    case twoSided = "two-sided"
    case less
    case greater

    /// The p-value of `statistic` under a null distribution symmetric about 0, given its survival function:
    /// P(T ≤ t) for "less", P(T ≥ t) for "greater", 2 P(T ≥ |t|) for "two-sided" (scipy's `_get_pvalue`).
    func pValue(_ statistic: Double, survival: (Double) -> Double) -> Double {
        switch self {
        case .twoSided: 2 * survival(abs(statistic))
        case .less: survival(-statistic)
        case .greater: survival(statistic)
        }
    }
}

/// How a test with an exact null distribution computes its p-value.
public enum PValueMethod: String, CaseIterable, Sendable {
    /// The test's own rule (exact for small samples, asymptotic above).
    case auto
    case exact
    case asymptotic
}

/// The options of a hypothesis test that has a direction and, for some, an exact distribution.
public struct HypothesisOptions: Sendable, Equatable {
    public var alternative: Alternative
    public var method: PValueMethod

    public init(alternative: Alternative = .twoSided, method: PValueMethod = .auto) {
        self.alternative = alternative
        self.method = method
    }
}
