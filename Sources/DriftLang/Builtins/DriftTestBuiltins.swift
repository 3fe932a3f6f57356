// Drift test builtins: two-sample tests between a reference and a current vector. Thin bindings to
// DriftCore.DriftTests; each returns a test result (fields method, statistic, p_value, threshold,
// drifted, n_ref, n_cur, missing_ref, missing_cur, and for categories new_categories and
// missing_categories).
import DriftCore

/// The sentence every test's help ends with.
private func verdict(_ threshold: Double, pValue: Bool) -> String {
    pValue
        ? "Missing values are dropped (and counted). Drift when the p-value is below threshold (default \(NumberFormat.shortest(threshold)))."
        : "Missing values are dropped (and counted). Drift when the statistic is at least threshold (default \(NumberFormat.shortest(threshold)))."
}

/// A test builtin `name(reference, current, threshold: …)`; `run` reads the samples and runs the test.
/// The example compares `column` of the credit data.
private func testBuiltin(
    _ name: String, threshold: Double, column: String, doc: String, run: @escaping @Sendable (Arguments, Double) throws -> DriftTestResult
) -> Builtin {
    Builtin(
        "\(name)(reference, current, threshold: \(NumberFormat.shortest(threshold)))", doc: doc,
        example: "\(name)(reference.\(column), current.\(column))"
    ) { arguments, _ in
        let threshold = try arguments.number(nil, "threshold", default: threshold)
        if let pair = try arguments.lazyPair() { return try LazyColumns.test(name, pair, arguments, threshold: threshold) }
        return .object(TestResultObject(try run(arguments, threshold)))
    }
}

private func numericTest(_ method: NumericDriftMethod, _ doc: String, pValue: Bool = true) -> Builtin {
    testBuiltin(method.rawValue, threshold: method.defaultThreshold, column: "income", doc: doc + " " + verdict(method.defaultThreshold, pValue: pValue)) { arguments, threshold in
        try DriftTests.run(method, reference: try arguments.numbers(0, "reference"), current: try arguments.numbers(1, "current"), threshold: threshold)
    }
}

private func categoricalTest(_ method: CategoricalDriftMethod, _ doc: String) -> Builtin {
    let fullDoc = doc + " " + verdict(method.defaultThreshold, pValue: true)
        + " A category seen only in the current data counts in the statistic and is listed in new_categories; one that vanished is listed in missing_categories."
    return testBuiltin(method.rawValue, threshold: method.defaultThreshold, column: "region", doc: fullDoc) { arguments, threshold in
        try DriftTests.run(method, reference: try arguments.column(0, "reference"), current: try arguments.column(1, "current"), threshold: threshold)
    }
}

/// Share divergences work on numbers (binned) and on categories (per category).
private func divergence(_ numeric: NumericDriftMethod, _ categorical: CategoricalDriftMethod, _ doc: String) -> Builtin {
    let name = numeric.rawValue
    return Builtin(
        "\(name)(reference, current, bins: 10, binning: \"quantile\", threshold: \(NumberFormat.shortest(numeric.defaultThreshold)))",
        doc: doc + " Numbers are binned first: with binning \"quantile\" the inner edges are the reference's quantiles k/bins (repeated edges merged), the outer bins are open, and a value on an edge falls in the bin above; with \"uniform\", equal-width bins over the range of both samples. Strings and booleans are compared per category (a category new in the current data counts and is listed in new_categories). " + verdict(numeric.defaultThreshold, pValue: false),
        example: "\(name)(reference.income, current.income, bins: 20)"
    ) { arguments, _ in
        let threshold = try arguments.number(nil, "threshold", default: numeric.defaultThreshold)
        if let pair = try arguments.lazyPair() { return try LazyColumns.test(name, pair, arguments, threshold: threshold) }
        let reference = try arguments.column(0, "reference"), current = try arguments.column(1, "current")
        guard case .numeric(let a) = reference, case .numeric(let b) = current else {
            return .object(TestResultObject(try DriftTests.run(categorical, reference: reference, current: current, threshold: threshold)))
        }
        return .object(TestResultObject(try DriftTests.run(numeric, reference: a.values, current: b.values, threshold: threshold, binning: try binning(arguments))))
    }
}

/// The `bins:` and `binning:` arguments of the share divergences.
func binning(_ arguments: Arguments) throws -> Binning {
    let bins = try arguments.integer(nil, "bins", default: 10, in: 1...10_000)
    switch try arguments.string(nil, "binning", default: "quantile") {
    case "quantile": return .quantiles(bins: bins)
    case "uniform": return .uniform(bins: bins)
    case let other: throw BuiltinError("binning must be \"quantile\" or \"uniform\", not \(Renderer.quote(other))")
    }
}

let driftTestBuiltins: [Builtin] = [
    numericTest(.ksTest, "Two-sample Kolmogorov–Smirnov test: the largest gap between the two empirical distribution functions, with scipy.stats.ks_2samp's p-value (exact for samples up to 10,000, asymptotic above)."),
    numericTest(.cvmTest, "Two-sample Cramér–von Mises test: the integrated squared gap between the empirical distribution functions, as scipy.stats.cramervonmises_2samp (exact p-value for small samples)."),
    numericTest(.andersonTest, "Two-sample Anderson–Darling test, which weights the tails more than KS, as scipy.stats.anderson_ksamp; the p-value is capped to [0.001, 0.25] as scipy's is."),
    numericTest(.mannWhitney, "Mann–Whitney U test (two-sided): whether values of one sample tend to be larger than the other's, as scipy.stats.mannwhitneyu."),
    numericTest(.tTest, "Welch's t-test: whether the means differ, without assuming equal variances, as scipy.stats.ttest_ind(equal_var=False)."),
    numericTest(.wasserstein, "Wasserstein (earth mover's) distance: how far, in the column's units, the reference distribution must move to become the current one, as scipy.stats.wasserstein_distance.", pValue: false),
    numericTest(.wassersteinNormed, "The Wasserstein distance divided by the reference's standard deviation (ddof 0, at least 0.001), so it reads in standard deviations and one threshold suits every column.", pValue: false),
    numericTest(.energyDistance, "Energy distance between the two distributions, as scipy.stats.energy_distance.", pValue: false),
    divergence(.psi, .psi, "Population stability index: Σ (cur − ref)·ln(cur/ref) over bin shares, zero shares replaced by 0.0001. Usual reading: below 0.1 no significant shift, 0.1–0.25 moderate, above 0.25 major."),
    divergence(.klDivergence, .klDivergence, "Kullback–Leibler divergence KL(reference ‖ current) over bin shares, zero shares replaced by 0.0001."),
    divergence(.jsDistance, .jsDistance, "Jensen–Shannon distance between the bin shares with base-2 logarithms (0 to 1), as scipy.spatial.distance.jensenshannon(base=2)."),
    divergence(.hellinger, .hellinger, "Hellinger distance √(1 − Σ √(p·q)) between the bin shares (0 to 1)."),
    divergence(.tvd, .tvd, "Total variation distance ½ Σ |p − q| between the bin shares: the largest difference in probability any event can have (0 to 1)."),
    Builtin(
        "mmd(reference, current, permutations: 100, seed: 1, threshold: 0.05)",
        doc: "Maximum mean discrepancy with a Gaussian (RBF) kernel whose bandwidth is the median heuristic (σ² = half the median squared distance between pooled values); the p-value comes from permutations, (k + 1) / (permutations + 1), reproducible with seed. Samples above 1000 values are subsampled (seeded). " + verdict(0.05, pValue: true),
        example: "mmd(reference.age, current.age, seed: 7)"
    ) { arguments, _ in
        let reference = try arguments.numbers(0, "reference"), current = try arguments.numbers(1, "current")
        let options = MMDOptions(
            permutations: try arguments.integer(nil, "permutations", default: 100, in: 1...100_000),
            seed: UInt64(try arguments.integer(nil, "seed", default: 1)))
        let threshold = try arguments.number(nil, "threshold", default: 0.05)
        return .object(TestResultObject(try DriftTests.run(.mmd, reference: reference, current: current, threshold: threshold, mmd: options)))
    },
    categoricalTest(.chi2Test, "Chi-square test of independence on the 2 × categories table of counts (no continuity correction), as scipy.stats.chi2_contingency(correction=False). Works on strings, booleans, or numbers with few distinct values."),
    categoricalTest(.zTest, "Pooled two-proportion z-test (two-sided) for a column with two categories: the category that sorts first counts as success, and the statistic is the z of the current share minus the reference share."),
    Builtin(
        "drift_test(reference, current, method: \"ks_test\", threshold: null)",
        doc: "Runs the drift test named by method (any of: \(DriftReport.methodNames.joined(separator: ", "))) — the same as calling it by name, for code that chooses the test at run time.",
        example: #"drift_test(reference.age, current.age, method: "psi")"#
    ) { arguments, interpreter in
        let method = try arguments.string(nil, "method", default: "ks_test")
        guard DriftReport.methodNames.contains(method), let test = interpreter.builtins.functions[method] else {
            throw BuiltinError("unknown method \(Renderer.quote(method))\(Suggestion.hint(for: method, among: DriftReport.methodNames))")
        }
        var named: [(label: String, value: Value)] = []
        if let threshold = arguments.optional(nil, "threshold"), !threshold.isNull { named.append(("threshold", threshold)) }
        let forwarded = Arguments(
            positional: [try arguments.required(0, "reference"), try arguments.required(1, "current")], named: named, at: arguments.location)
        return try interpreter.call(test, forwarded, at: arguments.location)
    },
]
