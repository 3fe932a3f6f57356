// ClassifierOutputs: a binary classifier's outputs read from a frame for performance estimation — its scores
// (probabilities of class 1, in [0, 1]), predicted labels and true labels (0/1 numbers or booleans), NaN where
// missing. The reference must be complete (NannyML refuses missing labels or probabilities there); the analysis
// data may lack labels altogether, or have gaps anywhere.

struct ClassifierOutputs {
    let scores: [Double]
    let predictions: [Double]
    let targets: [Double]?

    /// - Parameters:
    ///   - isReference: the reference must be complete and labelled.
    ///   - labelled: whether `columns.target` must be there; without it the labels are read only when present.
    init(_ frame: DataFrame, _ columns: PerformanceEstimation.Columns, isReference: Bool, labelled: Bool) throws {
        let role = isReference ? "the reference" : "the analysis data"
        let probabilities = "probabilities between 0 and 1", labels = "labels 0 and 1 (or booleans)"
        scores = try Self.numbers(frame, columns.probability, role, isReference, probabilities) { (0...1).contains($0) }
        predictions = try Self.numbers(frame, columns.prediction, role, isReference, labels) { $0 == 0 || $0 == 1 }
        targets = isReference || labelled || frame.column(named: columns.target) != nil
            ? try Self.numbers(frame, columns.target, role, isReference, labels) { $0 == 0 || $0 == 1 }
            : nil
    }

    /// Column `name` as numbers (booleans as 0 and 1), each present one passing `valid` (`expected` says what
    /// passes); `complete`: no missing values either.
    static func numbers(
        _ frame: DataFrame, _ name: String, _ role: String, _ complete: Bool, _ expected: String, valid: (Double) -> Bool
    ) throws -> [Double] {
        guard let column = frame.column(named: name) else {
            throw DataError("no column '\(name)' in \(role); columns: \(frame.names.joined(separator: ", "))")
        }
        let values: [Double]
        switch column {
        case .numeric(let numbers): values = numbers.values
        case .boolean(let flags): values = flags.values.map { $0 < 0 ? .nan : Double($0) }
        default: throw DataError("column '\(name)' holds \(column.typeName) values; performance estimation reads numbers or booleans")
        }
        if let bad = values.first(where: { !$0.isNaN && !valid($0) }) {
            throw DataError("column '\(name)' in \(role) holds \(ClassLabels.format(bad)); it should hold \(expected)")
        }
        if complete, values.contains(where: \.isNaN) {
            throw DataError("column '\(name)' has missing values in the reference; performance estimation fits on a complete reference")
        }
        return values
    }

    /// The scores calibrated by `calibrator` (the scores themselves without one).
    func calibrated(by calibrator: IsotonicCalibration?) -> [Double] {
        guard let calibrator else { return scores }
        return scores.map(calibrator.calibrate)
    }

    /// The rows `rows`, reading `probabilities` as the calibrated probabilities.
    func chunk(_ probabilities: [Double], _ rows: Range<Int>) -> ClassifierChunk {
        ClassifierChunk(calibrated: probabilities[rows], scores: scores[rows], predictions: predictions[rows], targets: targets?[rows])
    }
}
