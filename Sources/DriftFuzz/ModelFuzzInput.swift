// ModelFuzzInput: one input of the `model` target: the bytes as a saved model file, decoded as `load_model`
// decodes it; a model that loads is then used as a script would use it on five rows shaped as it expects
// (each feature of its type, categories seen and unseen, a missing value, the target of its type): predictions,
// class probabilities, an update with those rows, and saved again. Rows of numbers only and of text only follow,
// for the paths that refuse a column of the wrong type.
import DriftCore
import Foundation

enum ModelFuzzInput {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var model: Model
        do {
            model = try JSONDecoder().decode(Model.self, from: Data(buffer: bytes))
        } catch {
            return "error: \(error)"
        }
        var outcomes = ["ok \(model.kind.rawValue)"]
        let names = Array(Set(model.featureNames + [model.target])).sorted()
        var frames = [shapedRows(for: model)]
        for column in [numbers, Column.text(TextColumn(["a", "b", "", "0", "1"]))] {
            frames.append(try? DataFrame(names.map { ($0, column) }))
        }
        for frame in frames.compactMap({ $0 }) {
            do {
                outcomes.append("predicted \(try model.predict(frame).count)")
                if model.isClassifier { outcomes.append("probabilities \(try model.predictProbabilities(frame).columnCount)") }
                try model.update(with: frame)
                outcomes.append("updated, \(try JSONEncoder().encode(model).count) bytes saved")
            } catch {
                outcomes.append("error: \(error)")
            }
        }
        return outcomes.joined(separator: "; ")
    }

    private static let numbers = Column.numeric(NumericColumn([0, 1, -2.5, .nan, 1e300]))

    /// Five rows with each encoded feature of its type and the target of the classes' type; nil for a model
    /// without an encoder (naive Bayes) or features that collide with the target.
    private static func shapedRows(for model: Model) -> DataFrame? {
        let encoder: FeatureEncoder
        switch model.fitted {
        case .logistic(let fitted): encoder = fitted.encoder
        case .linear(let fitted): encoder = fitted.encoder
        case .tree(let fitted): encoder = fitted.encoder
        case .naiveBayes: return nil
        }
        var columns: [(name: String, column: Column)] = encoder.features.map { feature in
            switch feature {
            case .numeric(let name, _): (name, numbers)
            case .text(let name, let categories):
                (name, .text(TextColumn((0..<5).map { $0 < Swift.min(3, categories.count) ? categories[$0] : $0 == 4 ? nil : "unseen" })))
            case .boolean(let name, _): (name, .boolean(BoolColumn([true, false, nil, true, false])))
            }
        }
        let target = model.classes.map { classes in classes.column(for: (0..<5).map { $0 % Swift.max(classes.count, 1) }) } ?? numbers
        if model.classes?.count != 0 { columns.append((model.target, target)) }
        return try? DataFrame(columns)
    }
}
