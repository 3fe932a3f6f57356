// ModelObject: a trained model as a Drift value. Fields for scripts (`m.coefficients`, `m.classes`),
// a summary display (kind, target, features, coefficients or tree depth, training size), and its
// Codable form for json(), save_model and load_model.
import DriftCore
import Foundation

final class ModelObject: DriftObject {
    let model: Model

    init(_ model: Model) { self.model = model }

    var kindName: String { "model" }

    var fieldNames: [String] {
        var names = ["kind", "target", "features", "n_train"]
        if model.isClassifier { names.append("classes") }
        switch model.fitted {
        case .logistic, .linear: names += ["intercept", "coefficients"]
        case .tree: names.append("depth")
        case .naiveBayes: break
        }
        return names
    }

    func field(_ name: String) -> Value? {
        switch name {
        case "kind": return .string(model.kind.rawValue)
        case "target": return .string(model.target)
        case "features": return .vector(.text(TextColumn(model.featureNames)))
        case "n_train": return .number(Double(model.trainingRows))
        case "classes": return model.classes.map { .vector(.text(TextColumn($0.labels))) }
        case "intercept": return interceptAndWeights.map { Value.collection($0.intercepts.map(Value.number)).unwrappedSingle }
        case "coefficients":
            guard let (names, _, weights) = interceptAndWeights else { return nil }
            if weights.count == 1 { return .record(Record(zip(names, weights[0].map(Value.number)).map { ($0, $1) })) }
            let classes = model.classes?.labels ?? []
            return .record(Record(zip(classes, weights).map { label, row in
                (label, .record(Record(zip(names, row.map(Value.number)).map { ($0, $1) })))
            }))
        case "depth":
            if case .tree(let tree) = model.fitted { return .number(Double(tree.depth)) }
            return nil
        default: return nil
        }
    }

    /// Encoded feature names, intercepts, and one weight row per intercept (linear and logistic models).
    private var interceptAndWeights: (names: [String], intercepts: [Double], weights: [[Double]])? {
        switch model.fitted {
        case .linear(let linear):
            return (linear.encoder.encodedNames, [linear.intercept], [linear.coefficients])
        case .logistic(let logistic):
            let matrix = logistic.coefficients
            let rows = (0..<matrix.rows).map { r in (1..<matrix.columns).map { matrix[r, $0] } }
            return (logistic.encoder.encodedNames, logistic.intercepts, rows)
        case .tree, .naiveBayes:
            return nil
        }
    }

    func render(to renderer: inout Renderer) {
        let kindText = model.kind == .naiveBayes ? "naive Bayes" : model.kind.rawValue
        let task = model.isClassifier ? "classifier" : "regression"
        var text = "\(kindText) \(task) of \(model.target) from \(model.featureNames.count) feature\(model.featureNames.count == 1 ? "" : "s")"
        text += " (\(model.featureNames.prefix(8).joined(separator: ", "))\(model.featureNames.count > 8 ? ", ..." : "")), trained on \(counted(model.trainingRows, "row"))\n"
        if let classes = model.classes { text += "  classes: \(classes.labels.joined(separator: ", "))\n" }
        if case .tree(let tree) = model.fitted { text += "  depth \(tree.depth), \(tree.nodes.count) nodes\n" }
        if let (names, intercepts, weights) = interceptAndWeights {
            for (row, intercept) in intercepts.enumerated() {
                if weights.count > 1, let label = model.classes?.labels[row] { text += "  class \(label):\n" }
                let shown = names.prefix(12)
                let width = max("intercept".count, shown.map(\.count).max() ?? 0)
                text += "  " + "intercept".padding(toLength: width, withPad: " ", startingAt: 0) + "  \(NumberFormat.compact(intercept))\n"
                for (name, weight) in zip(shown, weights[row]) {
                    text += "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(NumberFormat.compact(weight))\n"
                }
                if names.count > shown.count { text += "  ... \(names.count - shown.count) more\n" }
            }
        }
        renderer.text(text)
    }

    func jsonText() throws -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }

    static func decode(_ data: Data) throws -> ModelObject {
        ModelObject(try JSONDecoder().decode(Model.self, from: data))
    }
}

extension Value {
    /// A one-element vector as its element (a single intercept reads as a number).
    var unwrappedSingle: Value {
        if case .vector(let column) = self, column.count == 1 { return column.element(at: 0) }
        return self
    }
}
