// CategoricalTests: drift tests between two categorical columns (text, bool, or numbers with few distinct values):
// chi2_test (scipy.stats.chi2_contingency on the 2 × categories table, correction=False), z_test (pooled
// two-proportion z-test for two categories, two- or one-sided) and the share divergences over the union of categories.
// Hand-written: a handful of sums over the category table; the chi-square tail is SpecialFunctions'.

/// The categorical drift methods, by the names the language uses: the dispatch keys of the implementations
/// (what else is known about each method is its `DriftMethodDescriptor`).
public enum CategoricalDriftMethod: String, CaseIterable, Sendable {
    case chi2Test = "chi2_test"
    case zTest = "z_test"
    case psi, klDivergence = "kl_divergence", jsDistance = "js_distance", hellinger, tvd
}

extension DriftTests {
    /// Runs a categorical method. Categories only in `current` count in the statistic and are listed in
    /// `newCategories`; reference categories absent from `current` are listed in `missingCategories`.
    public static func run(
        _ method: CategoricalDriftMethod, reference: Column, current: Column, threshold: Double? = nil,
        alternative: Alternative = .twoSided
    ) throws -> DriftTestResult {
        try run(method, on: try CategoryTable(reference: reference, current: current), threshold: threshold,
                alternative: alternative)
    }

    /// Runs a categorical method on a table of counts (from columns, a streaming pass or a database).
    /// `alternative` is z_test's: "less" when the reference's share of the first category is below the current's.
    public static func run(
        _ method: CategoricalDriftMethod, on table: CategoryTable, threshold: Double? = nil,
        alternative: Alternative = .twoSided
    ) throws -> DriftTestResult {
        let threshold = threshold ?? method.defaultThreshold
        let n1 = table.referenceCounts.reduce(0, +), n2 = table.currentCounts.reduce(0, +)
        var statistic: Double
        var p: Double? = nil
        var details: [String: Double] = ["categories": Double(table.categories.count)]
        switch method {
        case .chi2Test:
            let (chi2, dof) = chiSquare(table.referenceCounts, table.currentCounts)
            statistic = chi2
            p = dof == 0 ? 1 : SpecialFunctions.chiSquareSurvival(chi2, degreesOfFreedom: Double(dof))
            details["degrees_of_freedom"] = Double(dof)
        case .zTest:
            guard table.categories.count <= 2 else {
                throw DataError("z_test needs at most two categories; found \(table.categories.count) (use chi2_test)")
            }
            let x1 = Double(table.referenceCounts[0]), x2 = Double(table.currentCounts[0])
            let d1 = Double(n1), d2 = Double(n2)
            let p1 = x1 / d1, p2 = x2 / d2
            let pooled = (x1 + x2) / (d1 + d2)
            let se = (pooled * (1 - pooled) * (1 / d1 + 1 / d2)).squareRoot()
            statistic = se > 0 ? (p2 - p1) / se : 0
            // The statistic is current minus reference, so the reference being less is a large statistic.
            p = se > 0 ? alternative.pValue(-statistic, survival: SpecialFunctions.normalSurvival) : 1
            details["reference_share"] = p1
            details["current_share"] = p2
        case .psi, .klDivergence, .jsDistance, .hellinger, .tvd:
            let divergence = ShareDivergence(rawValue: method.rawValue) ?? .psi
            statistic = divergence.value(reference: SharedBins.shares(table.referenceCounts),
                                         current: SharedBins.shares(table.currentCounts))
        }
        var newCategories: [String] = [], missingCategories: [String] = []
        for (i, category) in table.categories.enumerated() {
            if table.referenceCounts[i] == 0 { newCategories.append(category) }
            if table.currentCounts[i] == 0 { missingCategories.append(category) }
        }
        return DriftTestResult(
            method: method.rawValue, statistic: statistic, pValue: p, threshold: threshold,
            referenceCount: n1, currentCount: n2,
            referenceMissing: table.referenceMissing, currentMissing: table.currentMissing,
            details: details, newCategories: newCategories, missingCategories: missingCategories,
            alternative: method == .zTest ? alternative : .twoSided)
    }

    /// Pearson's chi-square of the 2 × k table (expected = row total × column total / grand total) and its
    /// degrees of freedom k - 1. With `yates`, a table with one degree of freedom has each count moved up to 0.5
    /// towards its expected value first, as scipy.stats.chi2_contingency(correction=True) does.
    static func chiSquare(_ reference: [Int], _ current: [Int], yates: Bool = false) -> (Double, Int) {
        let r1 = Double(reference.reduce(0, +)), r2 = Double(current.reduce(0, +))
        let total = r1 + r2
        let corrects = yates && reference.count == 2
        func term(_ observed: Int, _ expected: Double) -> Double {
            var gap = Double(observed) - expected
            if corrects { gap -= (gap < 0 ? -1 : 1) * Swift.min(0.5, abs(gap)) }
            return gap * gap / expected
        }
        var sum = 0.0
        for (a, b) in zip(reference, current) {
            let column = Double(a + b)
            sum += term(a, r1 * column / total) + term(b, r2 * column / total)
        }
        return (sum, reference.count - 1)
    }
}
