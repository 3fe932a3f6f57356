// StrategyAnswers: what one strategy answered for each served event — the prediction (a code, see
// LabelCodes), whether a fallback gave it, how old the model (or precomputed prediction) and the features
// behind it were — and the training runs it did.

struct StrategyAnswers {
    /// One entry per served event, in time order.
    var predictions: [Double] = []
    var fallbacks: [Bool] = []
    var modelAges: [Int64] = []
    var featureAges: [Int64] = []
    var runs: [TrainingRun] = []
    var isClassifier = true

    mutating func append(prediction: Double, fallback: Bool, modelAge: Int64, featureAge: Int64) {
        predictions.append(prediction)
        fallbacks.append(fallback)
        modelAges.append(modelAge)
        featureAges.append(featureAge)
    }
}

/// One training (or update) of a strategy's model, with the batch scoring that followed it.
struct TrainingRun: Sendable, Equatable {
    var time: Int64
    var rowsTrained: Int
    /// Entities scored into the batch store (offline and triggered).
    var rowsScored: Int
    /// Run because the detector fired (triggered), not on the schedule.
    var triggered: Bool
}

/// What a strategy answers when it has no prediction for an entity: the training labels' majority class
/// (or mean), overall or per segment.
struct FallbackAnswer {
    private var overall: Double = .nan
    private var bySegment: [Double: Double] = [:]

    init() {}

    /// From the truth codes of `rows`; `segments` holds each event's segment code when the fallback is by segment.
    init(_ truth: [Double], rows: Range<Int>, classifier: Bool, segments: [Double]?) {
        overall = Self.typical(rows.map { truth[$0] }, classifier: classifier)
        guard let segments else { return }
        let grouped = Dictionary(grouping: rows.filter { !segments[$0].isNaN }, by: { segments[$0] })
        bySegment = grouped.mapValues { Self.typical($0.map { truth[$0] }, classifier: classifier) }
    }

    func answer(segment: Double?) -> Double {
        segment.flatMap { bySegment[$0] } ?? overall
    }

    /// The most common code (the smallest on ties) or the mean, of the present values.
    private static func typical(_ values: [Double], classifier: Bool) -> Double {
        let present = values.filter { !$0.isNaN }
        guard !present.isEmpty else { return .nan }
        guard classifier else { return present.reduce(0, +) / Double(present.count) }
        let counts = Dictionary(present.map { ($0, 1) }, uniquingKeysWith: +)
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key ?? .nan
    }
}

/// Trains the strategies' models on rows of the events, timing every training for the cost model.
struct SimulationTrainer {
    let events: SimulationEvents
    let options: SimulationOptions
    let features: [String]

    init(events: SimulationEvents, options: SimulationOptions) {
        self.events = events
        self.options = options
        features = options.features ?? events.frame.names.filter { ![options.target, options.time, options.entity].contains($0) }
    }

    /// A new model on `rows`; nil when no row is labelled yet.
    func train(_ rows: Range<Int>, meter: inout CostMeter) throws -> Model? {
        guard !rows.isEmpty else { return nil }
        let frame = events.frame.rows(rows)
        return try meter.timeTraining(rows: rows.count) {
            try Model(training: frame, target: options.target, kind: options.model, features: features, options: options.training)
        }
    }

    /// The model's predictions for `rows`, as codes.
    func predict(_ model: Model, rows: [Int]) throws -> [Double] {
        guard !rows.isEmpty else { return [] }
        return try events.labels.codes(of: try model.predict(events.frame.gathering(rows)))
    }

    /// The per-row error: 1 for a wrong class and 0 for a right one, or the absolute error; NaN when the truth is missing.
    static func error(_ prediction: Double, _ truth: Double, classifier: Bool) -> Double {
        if truth.isNaN { return .nan }
        if classifier { return prediction == truth ? 0 : 1 }
        return prediction.isNaN ? .nan : abs(prediction - truth)
    }
}
