// ModelScore: how well a model predicts a labelled frame, with scikit-learn's metric definitions
// (Metrics). Binary classifiers score the positive class — 1 or true for 0/1 and boolean targets,
// otherwise the later of the two classes in sorted order; multi-class precision, recall and F1 are
// macro averages over the classes, and AUC is left out (nil).

public enum ModelScore: Sendable, Equatable {
    case classification(accuracy: Double, precision: Double, recall: Double, f1: Double, auc: Double?, logLoss: Double, count: Int)
    case regression(rmse: Double, mae: Double, r2: Double, count: Int)
}

extension Model {
    public func score(_ frame: DataFrame) throws -> ModelScore {
        guard let truthColumn = frame.column(named: target) else {
            throw DataError("score: the data has no target column '\(target)'")
        }
        guard let classes else {
            guard case .numeric(let truth) = truthColumn else {
                throw DataError("score: target '\(target)' must be numeric for a regression model")
            }
            let predicted = try predict(frame)
            guard case .numeric(let guesses) = predicted else { throw DataError("score: regression predictions are not numeric") }
            return .regression(
                rmse: try Metrics.rmse(truth: truth.values, predicted: guesses.values),
                mae: try Metrics.mae(truth: truth.values, predicted: guesses.values),
                r2: try Metrics.r2(truth: truth.values, predicted: guesses.values), count: truth.values.count)
        }
        let truth = try classes.indices(of: truthColumn, name: target)
        let probabilities = try predictProbabilities(frame)
        let matrix = try Matrix(frame: probabilities)
        let predicted = argmaxRows(matrix)
        let accuracy = try Metrics.accuracy(truth: truth, predicted: predicted)
        if classes.count == 2 {
            let positive = 1
            let scores = (0..<matrix.rows).map { matrix[$0, positive] }
            let isPositive = truth.map { $0 == positive }
            return .classification(
                accuracy: accuracy,
                precision: try Metrics.precision(truth: truth, predicted: predicted, positive: positive),
                recall: try Metrics.recall(truth: truth, predicted: predicted, positive: positive),
                f1: try Metrics.f1(truth: truth, predicted: predicted, positive: positive),
                auc: try Metrics.rocAUC(truth: isPositive, scores: scores),
                logLoss: try Metrics.logLoss(truth: isPositive, probabilities: scores), count: truth.count)
        }
        var precision = 0.0, recall = 0.0, f1 = 0.0
        for k in 0..<classes.count {
            precision += try Metrics.precision(truth: truth, predicted: predicted, positive: k)
            recall += try Metrics.recall(truth: truth, predicted: predicted, positive: k)
            f1 += try Metrics.f1(truth: truth, predicted: predicted, positive: k)
        }
        let k = Double(classes.count)
        return .classification(
            accuracy: accuracy, precision: precision / k, recall: recall / k, f1: f1 / k, auc: nil,
            logLoss: try Metrics.logLoss(truth: truth, probabilities: matrix), count: truth.count)
    }
}

extension Matrix {
    /// The numeric columns of a frame as a row-major matrix.
    init(frame: DataFrame) throws {
        var values = [Double](repeating: 0, count: frame.rowCount * frame.columnCount)
        for (c, column) in frame.columns.enumerated() {
            guard case .numeric(let numbers) = column else { throw DataError("matrix: column \(frame.names[c]) is not numeric") }
            for r in 0..<frame.rowCount { values[r * frame.columnCount + c] = numbers.values[r] }
        }
        try self.init(rows: frame.rowCount, columns: frame.columnCount, values: values)
    }
}
