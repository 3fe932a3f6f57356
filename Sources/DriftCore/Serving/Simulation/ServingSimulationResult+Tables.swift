// The serving simulation's results as dataframes: `metrics`, one row per strategy with the columns the
// seed's aspects are read from, and `timeline`, one row per strategy and step.

extension ServingSimulationResult {
    /// The metrics' columns, in order ("accuracy" becomes "rmse" for a regression).
    public var metricNames: [String] {
        ["strategy", "predictions", "cost_cpu_s", "cost_per_1k", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
         "feature_age_mean_s", "model_age_mean_s", "model_age_p95_s", "spike_p99_ms", "over_slo", "replicas_max",
         "utilisation_mean", "utilisation_peak", metric, "\(metric)_before", "\(metric)_after", "\(metric)_new_entities"]
    }

    public func metricsTable() throws -> DataFrame {
        let numbers: [(StrategyOutcome) -> Double] = [
            { Double($0.predictions) }, \.costCPUSeconds, \.costPer1k, \.latencyMilliseconds.p50, \.latencyMilliseconds.p95,
            \.latencyMilliseconds.p99, \.featureAgeMean, \.modelAgeMean, \.modelAgeP95, \.spikeP99Milliseconds,
            { Double($0.overSLO) }, { Double($0.replicasMax) }, \.utilisationMean, \.utilisationPeak, \.score, \.scoreBefore,
            \.scoreAfter, \.scoreNewEntities,
        ]
        let columns = [Column.text(TextColumn(strategies.map(\.plan.name)))]
            + numbers.map { value in Column.numeric(NumericColumn(strategies.map(value))) }
        return try DataFrame(Array(zip(metricNames, columns)).map { (name: $0.0, column: $0.1) })
    }

    public func timelineTable() throws -> DataFrame {
        let steps = strategies.flatMap { outcome in outcome.timeline.map { (outcome.plan.name, $0) } }
        func numbers(_ value: (TimelineStep) -> Double) -> Column { .numeric(NumericColumn(steps.map { value($0.1) })) }
        return try DataFrame([
            ("strategy", .text(TextColumn(steps.map(\.0)))),
            ("time", .time(TimeColumn(steps.map(\.1.start), kind: .datetime))),
            ("requests", numbers { Double($0.requests) }),
            ("p99_ms", numbers(\.p99Milliseconds)),
            ("replicas", numbers { Double($0.replicas) }),
            ("utilisation", numbers(\.utilisation)),
            ("cpu_s", numbers(\.cpuSeconds)),
            ("cost", numbers(\.cumulativeCost)),
            (metric, numbers(\.score)),
            ("model_age_s", numbers(\.modelAgeSeconds)),
            ("fallbacks", numbers { Double($0.fallbacks) }),
        ])
    }
}
