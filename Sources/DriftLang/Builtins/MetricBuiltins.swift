// Metric builtins: scores of predictions held in plain vectors, with scikit-learn's definitions.
import DriftCore

/// Truth as positive/negative flags: booleans, 0/1 numbers, or two strings (the later one in sorted
/// order is positive).
private func positives(_ arguments: Arguments, _ name: String) throws -> [Bool] {
    let column = try arguments.column(0, name)
    guard column.missingCount == 0 else { throw BuiltinError("argument '\(name)' has missing values") }
    switch column {
    case .boolean(let flags): return flags.values.map { $0 == 1 }
    case .numeric(let numbers):
        guard numbers.values.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw BuiltinError("argument '\(name)' must hold 0/1 or true/false labels")
        }
        return numbers.values.map { $0 == 1 }
    case .text(let text):
        let labels = Set((0..<text.count).compactMap { text[$0] }).sorted()
        guard labels.count <= 2, let positive = labels.last else {
            throw BuiltinError("argument '\(name)' must have two classes, found \(labels.count)")
        }
        return (0..<text.count).map { text[$0] == positive }
    case .time:
        throw BuiltinError("argument '\(name)' must hold 0/1, true/false or two string labels, not \(Value.vector(column).kindName) values")
    }
}

/// The same labels as text, for comparing predictions of any kind.
private func labels(_ arguments: Arguments, _ index: Int, _ name: String) throws -> [String] {
    let column = try arguments.column(index, name)
    return (0..<column.count).map { Renderer.plainText(column.element(at: $0)) }
}

let metricBuiltins: [Builtin] = [
    Builtin("accuracy(truth, predicted)", doc: "The share of predictions equal to the truth.", example: "accuracy(current.approved, predict(m, current))") { arguments, _ in
        .number(try Metrics.accuracy(truth: try labels(arguments, 0, "truth"), predicted: try labels(arguments, 1, "predicted")))
    },
    Builtin(
        "auc(truth, scores)",
        doc: "Area under the ROC curve of scores for binary truth (true/false, 0/1, or two strings with the later one positive); tied scores count half, as sklearn.metrics.roc_auc_score.",
        example: "auc(current.approved, predict_proba(m, current))"
    ) { arguments, _ in
        .number(try Metrics.rocAUC(truth: try positives(arguments, "truth"), scores: try arguments.numbers(1, "scores")))
    },
    Builtin(
        "log_loss(truth, probabilities)",
        doc: "Mean negative log-likelihood of binary truth under the predicted probabilities of the positive class, clipped to [ε, 1 − ε] as sklearn.metrics.log_loss.",
        example: "log_loss(current.approved, predict_proba(m, current))"
    ) { arguments, _ in
        .number(try Metrics.logLoss(truth: try positives(arguments, "truth"), probabilities: try arguments.numbers(1, "probabilities")))
    },
    Builtin("rmse(truth, predicted)", doc: "Root mean squared error.", example: "rmse(current.debt_ratio, predict(lm, current))") { arguments, _ in
        .number(try Metrics.rmse(truth: try arguments.numbers(0, "truth"), predicted: try arguments.numbers(1, "predicted")))
    },
    Builtin("mae(truth, predicted)", doc: "Mean absolute error.", example: "mae(current.debt_ratio, predict(lm, current))") { arguments, _ in
        .number(try Metrics.mae(truth: try arguments.numbers(0, "truth"), predicted: try arguments.numbers(1, "predicted")))
    },
    Builtin("r2(truth, predicted)", doc: "Coefficient of determination R², as sklearn.metrics.r2_score.", example: "r2(current.debt_ratio, predict(lm, current))") { arguments, _ in
        .number(try Metrics.r2(truth: try arguments.numbers(0, "truth"), predicted: try arguments.numbers(1, "predicted")))
    },
    Builtin(
        "confusion(truth, predicted)",
        doc: "The confusion matrix as a dataframe: a row per true label (column `truth`), a column per predicted label, counts in the cells; labels sorted.",
        example: "confusion(current.approved, predict(m, current))"
    ) { arguments, _ in
        let (order, counts) = try Metrics.confusionMatrix(truth: try labels(arguments, 0, "truth"), predicted: try labels(arguments, 1, "predicted"))
        var columns: [(name: String, column: Column)] = [("truth", .text(TextColumn(order)))]
        for (c, label) in order.enumerated() {
            if c & 0xF == 0xF { try Cancellation.check() }  // k columns of k cells: 20,000 labels make 4e8
            columns.append((label == "truth" ? "predicted truth" : label, .numeric(NumericColumn(counts.map { Double($0[c]) }))))
        }
        return .frame(try DataFrame(columns))
    },
]
