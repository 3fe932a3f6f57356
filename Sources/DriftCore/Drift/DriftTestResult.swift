// DriftTestResult: what every two-sample drift test returns (statistic, p-value, verdict and sample accounting).

/// The outcome of comparing a reference sample with a current one.
public struct DriftTestResult: Sendable, Equatable {
    /// The method's name, e.g. "ks_test", "psi".
    public var method: String
    public var statistic: Double
    /// The p-value for hypothesis tests; nil for distances and divergences.
    public var pValue: Double?
    public var threshold: Double
    /// p-value methods: pValue < threshold. Distances: statistic >= threshold. Never true when either is NaN.
    public var drifted: Bool
    /// Values used after dropping missing ones.
    public var referenceCount: Int
    public var currentCount: Int
    /// Missing values (NaN, or missing text/bool) dropped before testing.
    public var referenceMissing: Int
    public var currentMissing: Int
    /// Method-specific numbers, e.g. "degrees_of_freedom" for t_test and chi2_test, "bandwidth" for mmd.
    public var details: [String: Double]
    /// Categorical methods: categories seen only in the current sample (they count in the statistic).
    public var newCategories: [String]
    /// Categorical methods: categories of the reference that no longer occur in the current sample.
    public var missingCategories: [String]
    /// The alternative hypothesis the p-value is for (two-sided unless the test was asked for one side).
    public var alternative: Alternative

    public init(
        method: String, statistic: Double, pValue: Double?, threshold: Double,
        referenceCount: Int, currentCount: Int, referenceMissing: Int, currentMissing: Int,
        details: [String: Double] = [:], newCategories: [String] = [], missingCategories: [String] = [],
        alternative: Alternative = .twoSided
    ) {
        self.method = method
        self.statistic = statistic
        self.pValue = pValue
        self.threshold = threshold
        if let pValue {
            drifted = pValue < threshold
        } else {
            drifted = statistic >= threshold
        }
        self.referenceCount = referenceCount
        self.currentCount = currentCount
        self.referenceMissing = referenceMissing
        self.currentMissing = currentMissing
        self.details = details
        self.newCategories = newCategories
        self.missingCategories = missingCategories
        self.alternative = alternative
    }
}
