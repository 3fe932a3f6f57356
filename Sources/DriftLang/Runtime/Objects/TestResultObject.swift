// TestResultObject: a drift test's result as a Drift value — fields for scripts (`r.p_value`,
// `r.drifted`) and a one-line display: method, statistic, p-value, verdict.
import DriftCore

final class TestResultObject: DriftObject {
    let result: DriftTestResult

    init(_ result: DriftTestResult) { self.result = result }

    var kindName: String { "test result" }

    var fieldNames: [String] {
        ["method", "statistic", "p_value", "threshold", "drifted", "n_ref", "n_cur", "missing_ref", "missing_cur",
         "new_categories", "missing_categories", "alternative"] + result.details.keys.sorted()
    }

    func field(_ name: String) -> Value? {
        switch name {
        case "method": return .string(result.method)
        case "statistic": return .number(result.statistic)
        case "p_value": return result.pValue.map(Value.number) ?? .null
        case "threshold": return .number(result.threshold)
        case "drifted": return .bool(result.drifted)
        case "n_ref": return .number(Double(result.referenceCount))
        case "n_cur": return .number(Double(result.currentCount))
        case "missing_ref": return .number(Double(result.referenceMissing))
        case "missing_cur": return .number(Double(result.currentMissing))
        case "new_categories": return .vector(.text(TextColumn(result.newCategories)))
        case "missing_categories": return .vector(.text(TextColumn(result.missingCategories)))
        case "alternative": return .string(result.alternative.rawValue)
        default: return result.details[name].map(Value.number)
        }
    }

    func render(to renderer: inout Renderer) {
        renderer.text(TestResultObject.summary(result))
    }

    /// `ks_test: statistic 0.21, p-value 0.0013 → drift (p < 0.05); 500 vs 400 values`; a one-sided test says
    /// its side: `t_test (less): …`.
    static func summary(_ result: DriftTestResult) -> String {
        let side = result.alternative == .twoSided ? "" : " (\(result.alternative.rawValue))"
        var line = "\(result.method)\(side): statistic \(NumberFormat.compact(result.statistic, digits: 4))"
        let verdict = result.drifted ? "drift" : "no drift"
        let threshold = NumberFormat.shortest(result.threshold)
        if let p = result.pValue {
            line += ", p-value \(NumberFormat.compact(p, digits: 4)) → \(verdict) (\(result.drifted ? "p < \(threshold)" : "p ≥ \(threshold)"))"
        } else {
            line += " → \(verdict) (\(result.drifted ? "≥" : "<") \(threshold))"
        }
        if result.method == "psi" { line += "; PSI bands: \(psiBand(result.statistic))" }
        line += "; \(result.referenceCount) vs \(counted(result.currentCount, "value"))"
        let missing = result.referenceMissing + result.currentMissing
        if missing > 0 { line += ", \(result.referenceMissing) + \(result.currentMissing) missing dropped" }
        if !result.newCategories.isEmpty { line += "; new: \(result.newCategories.joined(separator: ", "))" }
        if !result.missingCategories.isEmpty { line += "; gone: \(result.missingCategories.joined(separator: ", "))" }
        return line
    }

    /// The usual reading of a population stability index.
    static func psiBand(_ psi: Double) -> String {
        psi < 0.1 ? "< 0.1 no significant shift" : psi < 0.25 ? "0.1–0.25 moderate shift" : "≥ 0.25 major shift"
    }
}
