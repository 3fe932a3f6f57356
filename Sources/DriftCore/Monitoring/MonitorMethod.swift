// MonitorMethod: one descriptor per univariate monitoring method — the single place for its name, NannyML's name
// for it, the columns it takes, the range its values are clipped to when thresholds are derived, how it alerts,
// and what `explain` says about it. The statistics are NannyML 0.13's (`UnivariateDriftCalculator`): each chunk
// is compared with the whole reference. Where a two-sample drift test measures the same thing, the explanation is
// that test's (`DriftMethodDescriptor`), so the sentence lives in one place. `MonitorStatistic` is the dispatch
// key of the implementations (`FittedStatistic`); a test checks it against this list.

/// The monitoring statistics, by the names the language uses.
public enum MonitorStatistic: String, CaseIterable, Sendable {
    case ks, wasserstein, js, hellinger, chi2
    case lInfinity = "l_infinity"
}

public struct MonitorMethod: Sendable, Equatable {
    public let statistic: MonitorStatistic
    /// NannyML's key for the method, e.g. "kolmogorov_smirnov"; accepted as a synonym.
    public let nannyMLName: String
    public let kind: DriftMethodKind
    /// What a chunk's value is, in a few words (the docs' table).
    public let measures: String
    /// Derived thresholds are clipped to this range (NannyML's threshold limits).
    public let lowerLimit: Double?
    public let upperLimit: Double?
    /// chi2 alerts when its p-value is below 0.05 and has no thresholds, as NannyML's does.
    public let alertsOnPValue: Bool
    /// `explain`'s sentence about what the value measures.
    public let explanation: String

    public var name: String { statistic.rawValue }
    public var takesNumbers: Bool { kind != .categorical }
    public var takesCategories: Bool { kind != .numeric }

    /// NannyML's default threshold for every method: mean + 3 standard deviations of the reference chunks' values,
    /// no lower threshold.
    public var defaultThreshold: MonitorThreshold { .nannyML }

    /// The p-value below which chi2 alerts.
    public static let pValueAlert = 0.05
}

extension MonitorMethod {
    /// Every method, in the order help and error messages list them.
    public static let all: [MonitorMethod] = [
        MonitorMethod(
            statistic: .ks, nannyMLName: "kolmogorov_smirnov", kind: .numeric,
            measures: "the Kolmogorov–Smirnov statistic D against the whole reference", lowerLimit: 0, upperLimit: 1,
            alertsOnPValue: false, explanation: DriftMethodDescriptor.descriptor("ks_test").explanation),
        MonitorMethod(
            statistic: .wasserstein, nannyMLName: "wasserstein", kind: .numeric,
            measures: "the Wasserstein distance, in the column's units", lowerLimit: 0, upperLimit: nil,
            alertsOnPValue: false, explanation: DriftMethodDescriptor.descriptor("wasserstein").explanation),
        MonitorMethod(
            statistic: .js, nannyMLName: "jensen_shannon", kind: .both,
            measures: "Jensen–Shannon distance (base 2) of shares: numbers in the reference's Doane bins, values outside them one extra bin",
            lowerLimit: 0, upperLimit: nil, alertsOnPValue: false,
            explanation: DriftMethodDescriptor.descriptor("js_distance").explanation),
        MonitorMethod(
            statistic: .hellinger, nannyMLName: "hellinger", kind: .both,
            measures: "Hellinger distance of shares, binned as js", lowerLimit: 0, upperLimit: nil, alertsOnPValue: false,
            explanation: DriftMethodDescriptor.descriptor("hellinger").explanation),
        MonitorMethod(
            statistic: .chi2, nannyMLName: "chi2", kind: .categorical,
            measures: "the chi-square statistic of the chunk's and the reference's category counts (Yates-corrected for two categories); alerts when p < 0.05",
            lowerLimit: 0, upperLimit: 1, alertsOnPValue: true,
            explanation: DriftMethodDescriptor.descriptor("chi2_test").explanation),
        MonitorMethod(
            statistic: .lInfinity, nannyMLName: "l_infinity", kind: .categorical,
            measures: "the largest difference between a category's share in the chunk and in the reference",
            lowerLimit: 0, upperLimit: nil, alertsOnPValue: false,
            explanation: "The L-infinity distance is the largest change in any one category's share (0 to 1)."),
    ]

    /// The method called `name` (Drift's name or NannyML's), or nil.
    public static func named(_ name: String) -> MonitorMethod? {
        all.first { $0.name == name || $0.nannyMLName == name }
    }

    /// Every method's name, in `all`'s order.
    public static var names: [String] { all.map(\.name) }

    /// The method of `statistic`.
    static func method(_ statistic: MonitorStatistic) -> MonitorMethod {
        guard let method = all.first(where: { $0.statistic == statistic }) else { preconditionFailure("no monitor method \(statistic)") }
        return method
    }

    /// The methods table of the docs, in Markdown: one row per method.
    public static func markdownTable() -> String {
        var lines = ["| method | NannyML's name | takes | a chunk's value | thresholds clipped to |", "|---|---|---|---|---|"]
        for method in all {
            let takes = switch method.kind {
            case .numeric: "numbers"
            case .categorical: "categories"
            case .both: "numbers, categories"
            }
            let limits = method.alertsOnPValue ? "none (alerts when p < \(pValueAlert))"
                : method.upperLimit == nil ? "at least 0" : "0 to 1"
            lines.append("| `\(method.name)` | `\(method.nannyMLName)` | \(takes) | \(method.measures) | \(limits) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
