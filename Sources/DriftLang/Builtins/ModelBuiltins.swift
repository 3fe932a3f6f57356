// Model builtins: training, prediction, scoring and incremental updates, thin bindings to DriftCore.Model,
// plus metrics on plain vectors and saving models as JSON.
import DriftCore
import Foundation

private extension Arguments {
    func model(_ index: Int, _ name: String) throws -> Model {
        let value = try required(index, name)
        guard case .object(let object) = value, let model = object as? ModelObject else {
            throw mismatch(name, expected: "a model (from train)", got: value)
        }
        return model.model
    }
}

let modelBuiltins: [Builtin] = [
    Builtin(
        "train(data, target: \"y\", model: \"logistic\", features: null, l2: null, max_depth: 5, min_samples_leaf: 1, task: null)",
        doc: """
            Trains a model to predict the target column from the features (default: every other column). String and boolean features are one-hot encoded, and a category unseen at training time scores as all zeros (predict and score warn when they meet one); missing numbers are filled with the training mean. Models: "logistic" (binary or multi-class; by default scikit-learn's LogisticRegression() objective, L2 with C = 1 and the intercept not penalised; l2: sets 1/C), "linear" (least squares; l2: for ridge), "tree" (CART with gini or squared error, max_depth 5, min_samples_leaf 1; it classifies a string, boolean or two-valued numeric target and regresses otherwise unless task: "classification" or "regression"), "naive_bayes" (Gaussian for numbers, Laplace-smoothed counts for categories).
            """,
        example: #"let tree = train(reference, target: "approved", model: "tree", max_depth: 4)"#
    ) { arguments, _ in
        let data = try arguments.frame(0, "data")
        let kindName = try arguments.string(nil, "model", default: "logistic")
        guard let kind = ModelKind(rawValue: kindName) else {
            let names = ModelKind.allCases.map(\.rawValue)
            throw BuiltinError("unknown model \(Renderer.quote(kindName))\(Suggestion.hint(for: kindName, among: names)); models: \(names.joined(separator: ", "))")
        }
        var features: [String]?
        if let value = arguments.optional(nil, "features"), !value.isNull { features = try arguments.strings(nil, "features") }
        var options = TrainingOptions(
            maxDepth: try arguments.integer(nil, "max_depth", default: 5, in: 0...64),
            minSamplesLeaf: try arguments.integer(nil, "min_samples_leaf", default: 1, in: 1...Int(Int32.max)))
        if let value = arguments.optional(nil, "l2"), !value.isNull { options.l2 = try arguments.number(nil, "l2") }
        if let value = arguments.optional(nil, "task"), !value.isNull {
            let task = try arguments.string(nil, "task")
            guard let parsed = DecisionTree.Task(rawValue: task) else {
                throw BuiltinError("task must be \"classification\" or \"regression\", not \(Renderer.quote(task))")
            }
            options.treeTask = parsed
        }
        let target = try arguments.string(nil, "target", default: "y")
        return .object(ModelObject(try Model(training: data, target: target, kind: kind, features: features, options: options)))
    },
    Builtin(
        "predict(model, data)",
        doc: "The model's prediction for every row: class labels (of the target's type) for a classifier, numbers for a regression. When a text or boolean feature holds values training never saw (a new product, a new region), it warns — `warning: predict: region has 1 value the model never saw (coast), in 118 of 400 rows; …` — and predicts anyway: those rows are extrapolations. score lists them in unseen_categories; explain(model, data) says what they mean.",
        example: "let guesses = predict(m, current)"
    ) { arguments, interpreter in
        let model = try arguments.model(0, "model"), data = try arguments.frame(1, "data")
        let predictions = try model.predict(data)
        _ = try warnUnseenCategories("predict", model: model, frame: data, interpreter: interpreter)
        return .vector(predictions)
    },
    Builtin(
        "predict_proba(model, data)",
        doc: "Class probabilities for every row. For a binary classifier, a vector: the probability of the positive class (1 or true for 0/1 and boolean targets, otherwise the later of the two classes in sorted order). For more classes, a dataframe with one column per class.",
        example: "let p = predict_proba(m, current)"
    ) { arguments, _ in
        let model = try arguments.model(0, "model")
        let probabilities = try model.predictProbabilities(try arguments.frame(1, "data"))
        if probabilities.columnCount == 2, let positive = probabilities.columns.last { return .vector(positive) }
        return .frame(probabilities)
    },
    Builtin(
        "score(model, data)",
        doc: "How well the model predicts labelled data, as a record. Classifiers: accuracy, precision, recall, f1 (of the positive class; macro averages for more than two classes), auc (binary only, null otherwise), log_loss and n. Regressions: rmse, mae, r2 and n. Definitions as scikit-learn's. Both end with unseen_categories: one record {column, values, rows} per feature whose values training never saw (an empty list when there are none), each also warned about as predict does.",
        example: "score(m, current).accuracy"
    ) { arguments, interpreter in
        let model = try arguments.model(0, "model"), data = try arguments.frame(1, "data")
        var fields: [(String, Value)]
        switch try model.score(data) {
        case .classification(let accuracy, let precision, let recall, let f1, let auc, let logLoss, let count):
            fields = [
                ("accuracy", .number(accuracy)), ("precision", .number(precision)), ("recall", .number(recall)),
                ("f1", .number(f1)), ("auc", auc.map(Value.number) ?? .null), ("log_loss", .number(logLoss)),
                ("n", .number(Double(count))),
            ]
        case .regression(let rmse, let mae, let r2, let count):
            fields = [("rmse", .number(rmse)), ("mae", .number(mae)), ("r2", .number(r2)), ("n", .number(Double(count)))]
        }
        let unseen = try warnUnseenCategories("score", model: model, frame: data, interpreter: interpreter)
        fields.append(("unseen_categories", .list(unseen.map(\.value))))
        return .record(Record(fields))
    },
    Builtin(
        "update(model, data)",
        doc: "A copy of the model that has also learnt from new rows — what online serving does. Logistic regression takes one pass of stochastic gradient descent over the rows in order, with scikit-learn's inverse-scaling schedule η = 0.01 / t^0.25 (t counts updates) and the L2 penalty shared over the rows seen; naive Bayes updates its counts, means and variances exactly. Linear models and trees cannot update: train a new one.",
        example: "m = update(m, current)"
    ) { arguments, _ in
        var model = try arguments.model(0, "model")
        try model.update(with: try arguments.frame(1, "data"))
        return .object(ModelObject(model))
    },
    Builtin(
        "domain_classifier(reference, current, model: \"logistic\", folds: 5, seed: 1, features: null, threshold: 0.55)",
        doc: "Multivariate drift: labels reference rows 0 and current rows 1 and measures by k-fold cross-validation (seeded shuffle) how well a model tells them apart. The out-of-fold ROC AUC is near 0.5 when the samples look alike; drift when it exceeds threshold. The features (default: the columns both frames share) are ranked by the AUC of the same cross-validation on each feature alone. At most 10,000 rows per side are used (a seeded sample).",
        example: "domain_classifier(reference, current).features"
    ) { arguments, _ in
        let kindName = try arguments.string(nil, "model", default: "logistic")
        guard let kind = ModelKind(rawValue: kindName), kind != .linear else {
            throw BuiltinError("model must be \"logistic\", \"tree\" or \"naive_bayes\", not \(Renderer.quote(kindName))")
        }
        var features: [String]?
        if let value = arguments.optional(nil, "features"), !value.isNull { features = try arguments.strings(nil, "features") }
        let result = try DomainClassifier.run(
            reference: try arguments.frame(0, "reference"), current: try arguments.frame(1, "current"), model: kind,
            features: features, folds: try arguments.integer(nil, "folds", default: 5, in: 2...100),
            seed: UInt64(try arguments.integer(nil, "seed", default: 1)),
            threshold: try arguments.number(nil, "threshold", default: 0.55))
        return .object(try DomainClassifierObject(result))
    },
    Builtin(
        "save_model(model, path)",
        doc: "Writes the model as JSON (everything needed to predict and update), atomically: a temporary file renamed into place.",
        example: #"save_model(m, "approval-model.json")"#
    ) { arguments, _ in
        let value = try arguments.required(0, "model")
        _ = try arguments.model(0, "model")
        try FileAccess.writeAtomically(Data((try JSON.encode(value) + "\n").utf8), to: try arguments.string(1, "path"))
        return .null
    },
    Builtin(
        "load_model(path)",
        doc: "Reads a model saved with save_model (or json(model) written to a file).",
        example: #"save_model(m, "approval-model.json"); let same = load_model("approval-model.json")"#
    ) { arguments, _ in
        let path = try arguments.string(0, "path")
        do {
            return .object(try ModelObject.decode(try FileAccess.read(path)))
        } catch let error as DecodingError {
            throw BuiltinError("'\(path)' is not a saved model (\(describe(error)))")
        }
    },
]

/// A short reason for a JSON decoding failure.
private func describe(_ error: DecodingError) -> String {
    switch error {
    case .keyNotFound(let key, _): return "missing \(key.stringValue)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        return context.debugDescription
    @unknown default: return "unreadable"
    }
}
