// DriftMethod: one descriptor per drift method — the single place for what is known about it: its name, the
// columns it takes, its default threshold, whether it gives a p-value or a distance (and so its drift rule),
// whether it runs on summaries and how exactly, the reference implementation it matches, its help paragraph
// and the sentences `explain` says about it.
//
// Everyone reads these: the language's test builtins (signature default, help text), `drift_test` and
// `drift_report` (method names, the numbers-or-categories choice), `explain`, the summary path (`scan_csv`,
// `table` pushdown: which methods run there), and `markdownTable`, which renders the methods table of the docs
// (a test compares it with the table between the `drift-methods` markers). The prose lives here, in the core,
// because it is plain text about the method, not about the language: a thin table in DriftLang keyed by name
// would again be a second list to keep in step. What stays in DriftLang is what belongs to the language: each
// builtin's signature (the extra arguments `bins:`, `seed:` …), its example, and the sentences about those
// arguments. `NumericDriftMethod` and `CategoricalDriftMethod` remain the dispatch keys of the implementations;
// their thresholds come from here, and a test checks both enums against this list.

/// The columns a method compares.
public enum DriftMethodKind: String, Sendable, CaseIterable {
    /// Numbers only.
    case numeric
    /// Categories only (strings, booleans, numbers with few distinct values).
    case categorical
    /// Numbers (binned) and categories (per category).
    case both
}

/// What a method's statistic is, and so when it calls drift.
public enum DriftVerdict: Sendable, Equatable {
    /// A hypothesis test: drift when the p-value is below the threshold.
    case pValue
    /// A distance or divergence: drift when the statistic is at least the threshold.
    case distance
}

/// How a method's result on summaries (`scan_csv`, a pushed-down `table`) compares with the in-memory one.
public enum SummaryExactness: Sendable, Equatable {
    /// Equal to the in-memory result (exact counts, the same code).
    case exact
    /// From the moments: equal up to rounding.
    case upToRounding
    /// Equal while the quantile sketches hold every value; beyond, within the bound the result reports.
    case exactWhileSketched(bound: String)
    /// Share divergences: exact on categories and uniform bins; quantile edges come from the reference's sketch.
    case binned
}

public struct DriftMethodDescriptor: Sendable, Equatable {
    /// The name the language and the reports use, e.g. "ks_test".
    public let name: String
    public let kind: DriftMethodKind
    public let defaultThreshold: Double
    public let verdict: DriftVerdict
    /// nil when the method needs every value, which a summary does not keep.
    public let onSummaries: SummaryExactness?
    /// The implementation it matches, e.g. "scipy.stats.ks_2samp"; empty when none (Drift's own).
    public let reference: String
    /// What it measures, in a few words (the docs' table).
    public let measures: String
    /// The help paragraph (the builtin adds the sentences about its arguments and the verdict).
    public let doc: String
    /// `explain`'s first sentence: what the statistic measures.
    public let explanation: String
    /// `explain`'s reading of the statistic's size, when there is a usual one.
    public let reading: String?
    /// What `alternative: "less"` looks for, when the method takes `alternative: "two-sided" | "less" |
    /// "greater"` (one-sided, as scipy's; "greater" looks the other way); nil when it is two-sided only.
    public var lessMeans: String? = nil
    /// Whether it takes `method: "auto" | "exact" | "asymptotic"` for its p-value, as scipy's.
    public var takesPValueMethod = false

    public var givesPValue: Bool { verdict == .pValue }
    public var takesNumbers: Bool { kind != .categorical }
    public var takesCategories: Bool { kind != .numeric }
    public var runsOnSummaries: Bool { onSummaries != nil }
    public var takesAlternative: Bool { lessMeans != nil }

    /// Whether numbers are tested as numbers: the method takes numbers, and the column is numeric or the
    /// method has no per-category form (a drift report sends few-valued numbers to the category tests).
    public func testsAsNumbers(columnKind: ColumnKind) -> Bool {
        takesNumbers && (columnKind == .numeric || !takesCategories)
    }

    /// The drift rule with the default threshold, as the docs' table shows it: "p < 0.05", "≥ 0.1".
    public var driftRule: String {
        givesPValue ? "p < \(defaultThreshold)" : "≥ \(defaultThreshold)"
    }
}

extension DriftMethodDescriptor {
    /// Every drift method, in the order help and error messages list them.
    public static let all: [DriftMethodDescriptor] = [
        DriftMethodDescriptor(
            name: "ks_test", kind: .numeric, defaultThreshold: 0.05, verdict: .pValue,
            onSummaries: .exactWhileSketched(bound: "`error_bound` = ε_ref + ε_cur, p-value scipy's for that statistic"),
            reference: "scipy.stats.ks_2samp", measures: "largest gap between the empirical CDFs (exact p up to 10,000 values, asymptotic above)",
            doc: "Two-sample Kolmogorov–Smirnov test: the largest gap between the two empirical distribution functions, with scipy.stats.ks_2samp's p-value (exact for samples up to 10,000, asymptotic above).",
            explanation: "The Kolmogorov–Smirnov statistic is the largest gap between the two cumulative distributions (0 to 1).",
            reading: "As an effect size the statistic itself reads as: below 0.1 small, 0.1–0.3 moderate, above 0.3 large.",
            lessMeans: "the reference's distribution function lies below the current's somewhere, so its values tend to be larger (the statistic is then the largest gap that way)",
            takesPValueMethod: true),
        DriftMethodDescriptor(
            name: "cvm_test", kind: .numeric, defaultThreshold: 0.05, verdict: .pValue, onSummaries: nil,
            reference: "scipy.stats.cramervonmises_2samp", measures: "integrated squared CDF gap",
            doc: "Two-sample Cramér–von Mises test: the integrated squared gap between the empirical distribution functions, as scipy.stats.cramervonmises_2samp (exact p-value for small samples).",
            explanation: "The Cramér–von Mises statistic adds up the squared gaps between the two cumulative distributions.",
            reading: nil),
        DriftMethodDescriptor(
            name: "anderson_test", kind: .numeric, defaultThreshold: 0.05, verdict: .pValue, onSummaries: nil,
            reference: "scipy.stats.anderson_ksamp", measures: "CDF gap weighted to the tails (p capped to [0.001, 0.25])",
            doc: "k-sample Anderson–Darling test (Scholz & Stephens 1987, midranks), which weights the tails more than KS, as scipy.stats.anderson_ksamp; the p-value is capped to [0.001, 0.25] as scipy's is.",
            explanation: "The Anderson–Darling statistic compares the two distributions with extra weight on the tails.",
            reading: nil),
        DriftMethodDescriptor(
            name: "mann_whitney", kind: .numeric, defaultThreshold: 0.05, verdict: .pValue, onSummaries: nil,
            reference: "scipy.stats.mannwhitneyu", measures: "whether one sample tends to be larger",
            doc: "Mann–Whitney U test: whether values of one sample tend to be larger than the other's, as scipy.stats.mannwhitneyu (with continuity correction; exact p-value when a sample has at most 8 values and nothing is tied, else the normal approximation). The statistic is U of the reference.",
            explanation: "The Mann–Whitney U statistic counts how often a reference value exceeds a current value (ties count half).",
            reading: nil, lessMeans: "the reference tends to be smaller than the current", takesPValueMethod: true),
        DriftMethodDescriptor(
            name: "t_test", kind: .numeric, defaultThreshold: 0.05, verdict: .pValue, onSummaries: .upToRounding,
            reference: "scipy.stats.ttest_ind(equal_var=False)", measures: "difference of means (Welch)",
            doc: "Welch's t-test: whether the means differ, without assuming equal variances, as scipy.stats.ttest_ind(equal_var=False).",
            explanation: "Welch's t statistic measures how far apart the two means are, in standard errors.",
            reading: nil, lessMeans: "the reference's mean is smaller than the current's"),
        DriftMethodDescriptor(
            name: "wasserstein", kind: .numeric, defaultThreshold: 0.1, verdict: .distance,
            onSummaries: .exactWhileSketched(bound: "`error_bound`"),
            reference: "scipy.stats.wasserstein_distance", measures: "earth mover's distance, in the column's units",
            doc: "Wasserstein (earth mover's) distance: how far, in the column's units, the reference distribution must move to become the current one, as scipy.stats.wasserstein_distance.",
            explanation: "The Wasserstein distance is how far, in the column's own units, the reference distribution must move to become the current one.",
            reading: nil),
        DriftMethodDescriptor(
            name: "wasserstein_normed", kind: .numeric, defaultThreshold: 0.1, verdict: .distance,
            onSummaries: .exactWhileSketched(bound: "`error_bound`"),
            reference: "", measures: "the Wasserstein distance divided by the reference sd (ddof 0, ≥ 0.001)",
            doc: "The Wasserstein distance divided by the reference's standard deviation (ddof 0, at least 0.001), so it reads in standard deviations and one threshold suits every column.",
            explanation: "The normed Wasserstein distance is the earth mover's distance in units of the reference standard deviation.",
            reading: nil),
        DriftMethodDescriptor(
            name: "energy_distance", kind: .numeric, defaultThreshold: 0.1, verdict: .distance, onSummaries: nil,
            reference: "scipy.stats.energy_distance", measures: "energy distance",
            doc: "Energy distance between the two distributions, as scipy.stats.energy_distance.",
            explanation: "The energy distance compares average distances between and within the two samples.",
            reading: nil),
        binnedDivergence(
            "psi", reference: "", measures: "population stability index over bins (zero shares → 1e-4)",
            doc: "Population stability index: Σ (cur − ref)·ln(cur/ref) over bin shares, zero shares replaced by 0.0001. Usual reading: below 0.1 no significant shift, 0.1–0.25 moderate, above 0.25 major.",
            explanation: "The population stability index sums (current share − reference share) · ln(current / reference) over bins.",
            reading: "PSI is usually read as: below 0.1 no significant shift, 0.1–0.25 moderate, above 0.25 major."),
        binnedDivergence(
            "kl_divergence", reference: "", measures: "KL(ref ‖ cur) over bins (zero shares → 1e-4)",
            doc: "Kullback–Leibler divergence KL(reference ‖ current) over bin shares, zero shares replaced by 0.0001.",
            explanation: "The Kullback–Leibler divergence measures the information lost when the current shares stand in for the reference ones."),
        binnedDivergence(
            "js_distance", reference: "scipy.spatial.distance.jensenshannon(base=2)", measures: "Jensen–Shannon distance between bin shares (0 to 1)",
            doc: "Jensen–Shannon distance between the bin shares with base-2 logarithms (0 to 1), as scipy.spatial.distance.jensenshannon(base=2).",
            explanation: "The Jensen–Shannon distance compares bin or category shares on a 0 (identical) to 1 (disjoint) scale."),
        binnedDivergence(
            "hellinger", reference: "", measures: "Hellinger distance between bin shares (0 to 1)",
            doc: "Hellinger distance √(1 − Σ √(p·q)) between the bin shares (0 to 1).",
            explanation: "The Hellinger distance compares bin or category shares on a 0 to 1 scale."),
        binnedDivergence(
            "tvd", reference: "", measures: "total variation distance between bin shares (0 to 1)",
            doc: "Total variation distance ½ Σ |p − q| between the bin shares: the largest difference in probability any event can have (0 to 1).",
            explanation: "The total variation distance is the largest difference in probability any event can have between the two samples (0 to 1)."),
        DriftMethodDescriptor(
            name: "mmd", kind: .numeric, defaultThreshold: 0.05, verdict: .pValue, onSummaries: nil,
            reference: "", measures: "maximum mean discrepancy, RBF kernel (median heuristic), permutation p",
            doc: "Maximum mean discrepancy with a Gaussian (RBF) kernel whose bandwidth is the median heuristic (σ² = half the median squared distance between pooled values); the p-value comes from permutations, (k + 1) / (permutations + 1), reproducible with seed. Samples above 1000 values are subsampled (seeded).",
            explanation: "The maximum mean discrepancy compares the samples through a Gaussian kernel; its p-value comes from shuffling the labels.",
            reading: nil),
        DriftMethodDescriptor(
            name: "chi2_test", kind: .categorical, defaultThreshold: 0.05, verdict: .pValue, onSummaries: .exact,
            reference: "scipy.stats.chi2_contingency(correction=False)", measures: "2 × categories contingency table",
            doc: "Chi-square test of independence on the 2 × categories table of counts (no continuity correction), as scipy.stats.chi2_contingency(correction=False). Works on strings, booleans, or numbers with few distinct values.",
            explanation: "The chi-square statistic compares the category counts of the two samples with what equal shares would give.",
            reading: nil),
        DriftMethodDescriptor(
            name: "z_test", kind: .categorical, defaultThreshold: 0.05, verdict: .pValue, onSummaries: .exact,
            reference: "", measures: "pooled two-proportion z (two categories)",
            doc: "Pooled two-proportion z-test for a column with two categories: the category that sorts first counts as success, and the statistic is the z of the current share minus the reference share.",
            explanation: "The z statistic measures the difference between the two shares of the first category, in standard errors.",
            reading: nil, lessMeans: "the reference's share of the first category is smaller than the current's"),
    ]

    /// A share divergence: numbers binned, categories per category, a distance with threshold 0.1; on summaries
    /// exact on categories and uniform bins, quantile edges from the reference sketch.
    private static func binnedDivergence(
        _ name: String, reference: String, measures: String, doc: String, explanation: String, reading: String? = nil
    ) -> DriftMethodDescriptor {
        DriftMethodDescriptor(
            name: name, kind: .both, defaultThreshold: 0.1, verdict: .distance,
            onSummaries: .binned,
            reference: reference, measures: measures, doc: doc, explanation: explanation, reading: reading)
    }

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The descriptor of the method called `name`, or nil.
    public static func named(_ name: String) -> DriftMethodDescriptor? { byName[name] }

    /// Every method's name, in `all`'s order.
    public static var names: [String] { all.map(\.name) }

    /// The methods that run on summaries (`scan_csv`, `table`), in `all`'s order.
    public static var summaryNames: [String] { all.filter(\.runsOnSummaries).map(\.name) }

    // The methods the default drift-report rule picks (`ColumnDriftRule`).
    public static var ksTest: DriftMethodDescriptor { descriptor("ks_test") }
    public static var wassersteinNormed: DriftMethodDescriptor { descriptor("wasserstein_normed") }
    public static var jsDistance: DriftMethodDescriptor { descriptor("js_distance") }
    public static var chi2Test: DriftMethodDescriptor { descriptor("chi2_test") }
    public static var zTest: DriftMethodDescriptor { descriptor("z_test") }

    /// A method `all` is known to hold.
    static func descriptor(_ name: String) -> DriftMethodDescriptor {
        guard let descriptor = byName[name] else { preconditionFailure("no drift method \(name)") }
        return descriptor
    }
}

extension NumericDriftMethod {
    public var descriptor: DriftMethodDescriptor { DriftMethodDescriptor.descriptor(rawValue) }
    public var defaultThreshold: Double { descriptor.defaultThreshold }
}

extension CategoricalDriftMethod {
    public var descriptor: DriftMethodDescriptor { DriftMethodDescriptor.descriptor(rawValue) }
    public var defaultThreshold: Double { descriptor.defaultThreshold }
}

extension SummaryExactness {
    /// How exact, in a few words (the docs' table).
    public var text: String {
        switch self {
        case .exact: "exact"
        case .upToRounding: "exact up to rounding"
        case .exactWhileSketched(let bound):
            "exact up to \(grouped(QuantileSketch.defaultCapacity)) values per side; beyond, within \(bound)"
        case .binned:
            "exact on categories and with `binning: \"uniform\"`; quantile edges exact up to \(grouped(QuantileSketch.defaultCapacity)) reference values, beyond within `edge_rank_error`"
        }
    }

    private func grouped(_ n: Int) -> String {
        var digits = String(n), result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return digits + result
    }
}

extension DriftMethodDescriptor {
    /// The methods table of the docs, in Markdown: one row per method.
    public static func markdownTable() -> String {
        func code(_ text: String) -> String { text.isEmpty ? "" : "`\(text)`" }
        var lines = [
            "| method | takes | what it measures | matches | drift when | on summaries (`scan_csv`, `table`) |",
            "|---|---|---|---|---|---|",
        ]
        for method in all {
            let takes = switch method.kind {
            case .numeric: "numbers"
            case .categorical: "categories"
            case .both: "numbers (binned), categories"
            }
            let cells = [code(method.name), takes, method.measures, code(method.reference), method.driftRule,
                         method.onSummaries?.text ?? "no (needs every value)"]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DriftMethodDescriptor {
    /// The one-sided tests' table of the docs, in Markdown: what `alternative: "less"` looks for in each method
    /// that takes it, and whether it takes `method:`.
    public static func alternativesMarkdownTable() -> String {
        var lines = ["| test | `alternative: \"less\"` looks for evidence that | `method:` |", "|---|---|---|"]
        for method in all {
            guard let lessMeans = method.lessMeans else { continue }
            lines.append("| `\(method.name)` | \(lessMeans) | \(method.takesPValueMethod ? "`auto`, `exact`, `asymptotic`" : "") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
