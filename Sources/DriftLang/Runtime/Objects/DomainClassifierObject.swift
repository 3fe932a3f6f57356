// DomainClassifierObject: the result of a domain classifier — cross-validated AUC, verdict, and the
// features that best tell reference from current — shown as one line plus the feature ranking.
import DriftCore

final class DomainClassifierObject: DriftObject {
    let result: DomainClassifierResult
    /// Each feature's cross-validated AUC on its own, most telling first.
    let features: DataFrame

    init(_ result: DomainClassifierResult) throws {
        self.result = result
        features = try DataFrame([
            ("feature", .text(TextColumn(result.featureAUCs.map(\.feature)))),
            ("auc", .numeric(NumericColumn(result.featureAUCs.map(\.auc)))),
        ])
    }

    var kindName: String { "domain classifier" }
    var fieldNames: [String] { ["method", "auc", "threshold", "drifted", "features", "n_ref", "n_cur"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "method": return .string("domain_classifier")
        case "auc": return .number(result.auc)
        case "threshold": return .number(result.threshold)
        case "drifted": return .bool(result.drifted)
        case "features": return .frame(features)
        case "n_ref": return .number(Double(result.referenceRows))
        case "n_cur": return .number(Double(result.currentRows))
        default: return nil
        }
    }

    func render(to renderer: inout Renderer) {
        let verdict = result.drifted ? "drift (> \(NumberFormat.shortest(result.threshold)))" : "no drift (≤ \(NumberFormat.shortest(result.threshold)))"
        var text = "domain_classifier (\(result.model.rawValue), \(result.folds) folds): AUC \(NumberFormat.compact(result.auc, digits: 4)) → \(verdict); "
        text += "\(result.referenceRows) vs \(counted(result.currentRows, "row"))\n"
        let telling = result.featureAUCs.prefix(5).map { "\($0.feature) (\(NumberFormat.compact($0.auc, digits: 3)))" }
        text += "  most telling: " + telling.joined(separator: ", ")
        renderer.text(text)
    }
}
