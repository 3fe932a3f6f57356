// Serving builtins: replay a labelled stream under online, offline or triggered serving, and compare
// strategies side by side. Thin bindings to DriftCore.Replay and DriftCore.ServingComparison.
import DriftCore

/// Replay options shared by `replay` and `compare_serving`, read from the call's named arguments.
private func replayOptions(_ arguments: Arguments, strategy: ServingStrategy) throws -> ReplayOptions {
    let kindName = try arguments.string(nil, "model", default: "logistic")
    guard let kind = ModelKind(rawValue: kindName) else {
        throw BuiltinError("unknown model \(Renderer.quote(kindName)); models: \(ModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    var options = ReplayOptions(
        target: try arguments.string(nil, "target", default: "y"), model: kind, strategy: strategy,
        batchSize: try arguments.integer(nil, "batch", default: 500, in: 1...100_000_000),
        retrainEvery: try arguments.integer(nil, "retrain_every", default: 10, in: 1...1_000_000),
        window: try arguments.integer(nil, "window", default: 5000, in: 1...Int(Int32.max)))
    if let value = arguments.optional(nil, "features"), !value.isNull { options.features = try arguments.strings(nil, "features") }
    if let value = arguments.optional(nil, "detector"), !value.isNull { options.detector = try detectorMaker(value, arguments) }
    return options
}

/// A maker of fresh detectors from the `detector` argument: a name such as "ddm" (default options) or a
/// configured detector(...).
func detectorMaker(_ value: Value, _ arguments: Arguments) throws -> @Sendable () throws -> any DriftDetector {
    switch value {
    case .string(let name): return try defaultDetector(name, at: arguments.location)
    case .object(let object as DetectorObject):
        let template = object.freshDetector()
        return { template }
    default: throw arguments.mismatch("detector", expected: "a detector name or detector(...)", got: value)
    }
}

/// A maker of fresh detectors of the named kind with its default options.
func defaultDetector(_ name: String, at location: SourceLocation) throws -> @Sendable () throws -> any DriftDetector {
    guard let kind = detectorKinds.first(where: { $0.name == name }) else {
        let names = detectorKinds.map(\.name)
        throw BuiltinError("unknown detector \(Renderer.quote(name))\(Suggestion.hint(for: name, among: names)); detectors: \(names.joined(separator: ", "))")
    }
    // Detectors are values: each call hands out a fresh copy of this unused one.
    let template = try kind.build(Arguments(positional: [], at: location))
    return { template }
}

private func strategy(_ name: String) throws -> ServingStrategy {
    guard let strategy = ServingStrategy(rawValue: name) else {
        throw BuiltinError("strategy must be \"online\", \"offline\" or \"triggered\", not \(Renderer.quote(name))")
    }
    return strategy
}

let servingBuiltins: [Builtin] = [
    Builtin(
        "replay(stream, target: \"y\", model: \"logistic\", strategy: \"online\", batch: 500, retrain_every: 10, window: 5000, detector: null, features: null)",
        doc: """
            Walks a labelled stream in batches as production would, predicting each batch before learning from it; the first batch only trains the first model, so rows start at batch 1. Strategies: "online" updates the model after every batch (logistic regression by SGD, naive Bayes exactly; linear models and trees are retrained on the latest window instead); "offline" keeps serving the last model and retrains from scratch on the latest window rows every retrain_every batches; "triggered" retrains on the newest batch when the detector — a name such as "ddm" or "adwin", or a configured detector(...) — signals drift in the per-row errors. Returns a dataframe, one row per batch: batch, accuracy (or rmse for a regression), model_age (batches since the serving model last learned), rows_trained (cumulative training work), update_ms, predict_us (measured, per row), and drift/warning when a detector is given.
            """,
        example: #"let online = replay(stream, target: "y", strategy: "online", batch: 250)"#
    ) { arguments, _ in
        let stream = try arguments.frame(0, "stream")
        let options = try replayOptions(arguments, strategy: try strategy(try arguments.string(nil, "strategy", default: "online")))
        return .frame(try Replay.run(stream, options: options).table())
    },
    Builtin(
        "compare_serving(stream, target: \"y\", strategies: [\"online\", \"offline\", \"triggered\"], change_at: null, model: \"logistic\", batch: 500, retrain_every: 10, window: 5000, detector: \"ddm\", features: null)",
        doc: """
            Replays the same stream under several serving strategies and shows the trade-off, one row per strategy: score before and after the change (change_at: the row where the concept changes, e.g. the position given to concept_drift_stream; without it only the overall score), recovery (batches after the change until a batch is back within 0.05 accuracy of the score before, or 1.1 × its RMSE), rows_trained (training work), staleness (mean model_age), predict_us and update_ms. The triggered strategy uses the detector (default "ddm"). Fields: table, and replays (a record of each strategy's replay dataframe).
            """,
        example: #"compare_serving(stream, target: "y", change_at: 2000, batch: 250)"#
    ) { arguments, _ in
        let stream = try arguments.frame(0, "stream")
        var base = try replayOptions(arguments, strategy: .online)
        if arguments.optional(nil, "detector") == nil { base.detector = try defaultDetector("ddm", at: arguments.location) }
        let names = arguments.optional(nil, "strategies") == nil ? ServingStrategy.allCases.map(\.rawValue) : try arguments.strings(nil, "strategies")
        var changeRow: Int?
        if let value = arguments.optional(nil, "change_at"), !value.isNull {
            changeRow = try arguments.integer(nil, "change_at", in: 0...Int(Int32.max))
        }
        let results = try names.map { name in
            var options = base
            options.strategy = try strategy(name)
            return try Replay.run(stream, options: options)
        }
        let summaries = ServingComparison.summarize(results, changeRow: changeRow, batchSize: base.batchSize)
        return .object(try ServingComparisonObject(summaries: summaries, results: results, metric: results.first?.metric ?? "accuracy"))
    },
]
