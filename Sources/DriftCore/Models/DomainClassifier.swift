// DomainClassifier: multivariate drift as a prediction problem. Label reference rows 0 and current rows
// 1, and measure by k-fold cross-validation how well a model tells them apart: an out-of-fold ROC AUC
// near 0.5 means the two samples look alike; above the threshold (0.55) the data drifted. The same
// cross-validation on one feature at a time ranks the features by how telling they are.

public struct DomainClassifierResult: Sendable {
    public var model: ModelKind
    public var folds: Int
    /// ROC AUC of the out-of-fold probabilities over all rows.
    public var auc: Double
    public var threshold: Double
    public var drifted: Bool { auc > threshold }
    /// Each feature alone, by its cross-validated AUC, most telling first.
    public var featureAUCs: [(feature: String, auc: Double)]
    public var referenceRows: Int
    public var currentRows: Int
}

public enum DomainClassifier {
    /// Rows used per side at most (a seeded sample above it), keeping the folds' fits cheap.
    public static let maximumRowsPerSide = 10_000

    public static func run(
        reference: DataFrame, current: DataFrame, model: ModelKind = .logistic, features: [String]? = nil,
        folds: Int = 5, seed: UInt64 = 1, threshold: Double = 0.55
    ) throws -> DomainClassifierResult {
        guard model != .linear else { throw DataError("domain_classifier: needs a classifier (logistic, tree or naive_bayes)") }
        guard folds >= 2 else { throw DataError("domain_classifier: folds must be at least 2") }
        let names = features ?? reference.names.filter { current.column(named: $0) != nil }
        guard !names.isEmpty else { throw DataError("domain_classifier: the two frames share no columns") }
        var generator = SeededGenerator(seed: seed)
        let left = try sample(reference.selecting(names), &generator)
        let right = try sample(current.selecting(names), &generator)
        guard left.rowCount >= folds, right.rowCount >= folds else {
            throw DataError("domain_classifier: each side needs at least \(folds) rows (one per fold)")
        }
        let label = "domain (current)"
        let domain = BoolColumn([Bool?](repeating: false, count: left.rowCount) + [Bool?](repeating: true, count: right.rowCount))
        let combined = try DataFrame.concatenating(left, right).withColumn(label, .boolean(domain))
        var order = Array(0..<combined.rowCount)
        order.shuffle(using: &generator)
        let fold = { (row: Int) in order[row] % folds }
        let truth = domain.values.map { $0 == 1 }
        let auc = try crossValidatedAUC(combined, label: label, features: names, model: model, folds: folds, fold: fold, truth: truth)
        var featureAUCs: [(String, Double)] = []
        for name in names {
            try Cancellation.check()
            featureAUCs.append((name, try crossValidatedAUC(combined, label: label, features: [name], model: model, folds: folds, fold: fold, truth: truth)))
        }
        featureAUCs.sort { $0.1 > $1.1 }
        return DomainClassifierResult(
            model: model, folds: folds, auc: auc, threshold: threshold, featureAUCs: featureAUCs,
            referenceRows: left.rowCount, currentRows: right.rowCount)
    }

    private static func sample(_ frame: DataFrame, _ generator: inout SeededGenerator) throws -> DataFrame {
        guard frame.rowCount > maximumRowsPerSide else { return frame }
        var indices = Array(0..<frame.rowCount)
        indices.shuffle(using: &generator)
        return frame.gathering(Array(indices.prefix(maximumRowsPerSide)).sorted())
    }

    private static func crossValidatedAUC(
        _ frame: DataFrame, label: String, features: [String], model: ModelKind, folds: Int, fold: (Int) -> Int, truth: [Bool]
    ) throws -> Double {
        var scores = [Double](repeating: 0, count: frame.rowCount)
        for k in 0..<folds {
            let held = (0..<frame.rowCount).filter { fold($0) == k }
            let kept = (0..<frame.rowCount).filter { fold($0) != k }
            let fitted = try Model(training: frame.gathering(kept), target: label, kind: model, features: features)
            let probabilities = try fitted.predictProbabilities(frame.gathering(held))
            guard let positive = probabilities.column(named: "true"), case .numeric(let values) = positive else {
                throw DataError("domain_classifier: a fold held only one domain; use fewer folds")
            }
            for (index, row) in held.enumerated() { scores[row] = values.values[index] }
        }
        return try Metrics.rocAUC(truth: truth, scores: scores)
    }
}
