// Replay: walks a labelled stream in batches, as production would see it, and serves it with one
// strategy — predict each batch first, then learn:
//   online     updates the model after every batch (logistic: SGD; naive Bayes: exact counts; linear
//              models and trees, which cannot update, are retrained on the latest window instead);
//   offline    keeps serving the last model and retrains from scratch on the latest `window` rows every
//              `retrainEvery` batches;
//   triggered  retrains on the batch in which a drift detector (watching the per-row errors) fires.
// The first batch only trains the first model, so results start at batch 1. Each result records the
// accuracy (or RMSE), the serving model's staleness, the training work so far, and measured costs.
import Foundation

public enum ServingStrategy: String, CaseIterable, Sendable {
    case online, offline, triggered
}

public struct ReplayOptions: Sendable {
    public var target: String
    public var model: ModelKind
    public var features: [String]?
    public var training: TrainingOptions
    public var strategy: ServingStrategy
    public var batchSize: Int
    public var retrainEvery: Int
    public var window: Int
    /// Makes the detector that watches per-row errors (0/1 misclassifications, or absolute errors for a
    /// regression); required by `triggered`, reported in the results for the others.
    public var detector: (@Sendable () throws -> any DriftDetector)?

    public init(target: String, model: ModelKind = .logistic, features: [String]? = nil, training: TrainingOptions = .init(),
                strategy: ServingStrategy, batchSize: Int = 500, retrainEvery: Int = 10, window: Int = 5000,
                detector: (@Sendable () throws -> any DriftDetector)? = nil) {
        self.target = target
        self.model = model
        self.features = features
        self.training = training
        self.strategy = strategy
        self.batchSize = batchSize
        self.retrainEvery = retrainEvery
        self.window = window
        self.detector = detector
    }
}

public struct ReplayBatch: Sendable, Equatable {
    public var batch: Int
    /// Accuracy for a classifier, RMSE for a regression (see `ReplayResult.metric`).
    public var score: Double
    /// Batches since the serving model last learned (0: it learned from the batch just before).
    public var modelAge: Int
    /// Rows processed by training and updates so far, the first model included.
    public var rowsTrained: Int
    /// Time spent learning after this batch.
    public var updateMilliseconds: Double
    /// Prediction time per row of this batch.
    public var predictMicroseconds: Double
    /// The detector signalled drift / was in its warning zone during this batch.
    public var drift: Bool
    public var warning: Bool
}

public struct ReplayResult: Sendable {
    public var strategy: ServingStrategy
    /// "accuracy" or "rmse".
    public var metric: String
    public var batches: [ReplayBatch]
    public var hasDetector: Bool

    public func table() throws -> DataFrame {
        func numbers(_ value: (ReplayBatch) -> Double) -> Column { .numeric(NumericColumn(batches.map(value))) }
        var columns: [(name: String, column: Column)] = [
            ("batch", numbers { Double($0.batch) }),
            (metric, numbers(\.score)),
            ("model_age", numbers { Double($0.modelAge) }),
            ("rows_trained", numbers { Double($0.rowsTrained) }),
            ("update_ms", numbers(\.updateMilliseconds)),
            ("predict_us", numbers(\.predictMicroseconds)),
        ]
        if hasDetector {
            columns.append(("drift", .boolean(BoolColumn(batches.map(\.drift)))))
            columns.append(("warning", .boolean(BoolColumn(batches.map(\.warning)))))
        }
        return try DataFrame(columns)
    }
}

public enum Replay {
    public static func run(_ stream: DataFrame, options: ReplayOptions) throws -> ReplayResult {
        guard options.batchSize >= 1 else { throw DataError("replay: batch must be at least 1") }
        guard options.retrainEvery >= 1 else { throw DataError("replay: retrain_every must be at least 1") }
        guard options.window >= 1 else { throw DataError("replay: window must be at least 1") }
        guard stream.rowCount > options.batchSize else {
            throw DataError("replay: the stream has \(stream.rowCount) rows; it needs more than one batch of \(options.batchSize)")
        }
        if options.strategy == .triggered && options.detector == nil {
            throw DataError("replay: the triggered strategy needs a detector")
        }
        let clock = ContinuousClock()
        var detector = try options.detector?()
        var model = try train(stream.rows(0..<options.batchSize), options)
        if let watcher = detector, !model.isClassifier, type(of: watcher).requiresBinaryInput {
            throw DataError("replay: that detector watches 0/1 errors; for a regression use adwin, page_hinkley or kswin")
        }
        var rowsTrained = options.batchSize
        var age = 0
        var batches: [ReplayBatch] = []
        var start = options.batchSize
        let progress = Progress.start("replay", total: stream.rowCount - start)
        defer { progress.finish() }
        while start < stream.rowCount {
            try Cancellation.check()
            progress.advance(by: min(options.batchSize, stream.rowCount - start))
            let end = min(start + options.batchSize, stream.rowCount)
            let batch = stream.rows(start..<end)
            let predictStart = clock.now
            let predicted = try model.predict(batch)
            let predictTime = clock.now - predictStart
            let errors = try rowErrors(predicted, batch, model)
            var signal = (drift: false, warning: false)
            if detector != nil {
                for error in errors {
                    switch detector?.update(error) {
                    case .drift?: signal.drift = true
                    case .warning?: signal.warning = true
                    default: break
                    }
                }
            }
            let learnStart = clock.now
            var learnt = false
            switch options.strategy {
            case .online:
                if model.kind == .logistic || model.kind == .naiveBayes {
                    try model.update(with: batch)
                    rowsTrained += batch.rowCount
                } else {
                    let recent = stream.rows(max(0, end - options.window)..<end)
                    model = try train(recent, options)
                    rowsTrained += recent.rowCount
                }
                learnt = true
            case .offline:
                if batches.count % options.retrainEvery == options.retrainEvery - 1 {
                    let recent = stream.rows(max(0, end - options.window)..<end)
                    model = try train(recent, options)
                    rowsTrained += recent.rowCount
                    learnt = true
                }
            case .triggered:
                if signal.drift {
                    model = try train(batch, options)
                    rowsTrained += batch.rowCount
                    learnt = true
                }
            }
            let learnTime = clock.now - learnStart
            batches.append(ReplayBatch(
                batch: batches.count + 1, score: score(errors, model), modelAge: age, rowsTrained: rowsTrained,
                updateMilliseconds: learnt ? milliseconds(learnTime) : 0,
                predictMicroseconds: milliseconds(predictTime) * 1000 / Double(batch.rowCount),
                drift: signal.drift, warning: signal.warning))
            age = learnt ? 0 : age + 1
            start = end
        }
        return ReplayResult(
            strategy: options.strategy, metric: model.isClassifier ? "accuracy" : "rmse", batches: batches,
            hasDetector: options.detector != nil)
    }

    private static func train(_ frame: DataFrame, _ options: ReplayOptions) throws -> Model {
        try Model(training: frame, target: options.target, kind: options.model, features: options.features, options: options.training)
    }

    /// 1 for a wrong class and 0 for a right one; the absolute error for a regression.
    private static func rowErrors(_ predicted: Column, _ batch: DataFrame, _ model: Model) throws -> [Double] {
        guard let truth = batch.column(named: model.target) else {
            throw DataError("replay: the stream has no target column '\(model.target)'")
        }
        if !model.isClassifier, case .numeric(let actual) = truth, case .numeric(let guesses) = predicted {
            return zip(actual.values, guesses.values).map { abs($0 - $1) }
        }
        return (0..<truth.count).map { truth.isMissing(at: $0) || !predicted.sameValue(at: $0, as: truth) ? 1 : 0 }
    }

    /// Accuracy from 0/1 errors, or RMSE from absolute errors.
    private static func score(_ errors: [Double], _ model: Model) -> Double {
        guard !errors.isEmpty else { return .nan }
        if model.isClassifier { return 1 - errors.reduce(0, +) / Double(errors.count) }
        return (errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)).squareRoot()
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) * 1e-15
    }
}

extension Column {
    /// Whether row `index` holds the same value in both columns (of the same kind).
    func sameValue(at index: Int, as other: Column) -> Bool {
        switch (self, other) {
        case (.numeric(let a), .numeric(let b)): return a.values[index] == b.values[index]
        case (.text(let a), .text(let b)): return a[index] == b[index]
        case (.boolean(let a), .boolean(let b)): return a.values[index] == b.values[index]
        default: return false
        }
    }
}
