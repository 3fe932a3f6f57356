// ServingSimulation: the serving simulator's entry point. For each strategy it first replays the events'
// answers with the real model code (training and scoring timed for the cost model), then runs the requests
// through the strategy's replicas, and measures the seed's aspects from both. Deterministic for a seed,
// except for the measured times (and so the latencies and costs built on them) unless costs are given.

public struct ServingSimulationResult: Sendable {
    public var strategies: [StrategyOutcome]
    public var costs: ServingCosts
    /// "accuracy", or "rmse" for a regression.
    public var metric: String
    public var start: Int64
    public var end: Int64
    public var grid: TimelineGrid
    public var options: SimulationOptions
}

public enum ServingSimulation {
    public static func run(_ frame: DataFrame, options: SimulationOptions) throws -> ServingSimulationResult {
        guard !options.strategies.isEmpty else { throw DataError("give at least one strategy") }
        for plan in options.strategies where plan.replicas < 1 || plan.every <= 0 || plan.window <= 0 {
            throw DataError("\(plan.name): replicas must be at least 1 and every and window positive")
        }
        for plan in options.strategies where plan.window <= options.labelDelay {
            throw DataError("\(plan.name): its window (\(DurationText.text(plan.window))) is not longer than label_delay (\(DurationText.text(options.labelDelay))), so no label would ever be in it")
        }
        let events = try SimulationEvents(frame, options: options)
        let first = events.times[0], last = events.times[events.count - 1]
        let start = options.start ?? first + (last - first) / 10
        guard start > first, start <= last else {
            throw DataError("serving must start after the first event and by the last (the events run from \(ISOTime.text(TimeValue(micros: first, kind: .datetime))) to \(ISOTime.text(TimeValue(micros: last, kind: .datetime))))")
        }
        let end = last + 1
        let grid = TimelineGrid(from: start, to: end, step: options.timelineStep(for: end - start))
        guard grid.count <= TimelineGrid.most else {
            throw DataError("a step of \(DurationText.text(grid.step)) makes \(grid.count) timeline steps; at most \(TimelineGrid.most) (choose a longer step)")
        }
        let trainer = SimulationTrainer(events: events, options: options)
        var meter = CostMeter()
        let answered = try options.strategies.map { plan in
            try Cancellation.check()
            return plan.kind == .online
                ? try OnlineServing.answers(trainer, plan: plan, start: start, meter: &meter)
                : try BatchServing.answers(trainer, plan: plan, start: start, meter: &meter)
        }
        let costs: ServingCosts
        if let given = options.costs {
            costs = given
        } else {
            let window = events.labelledRows(at: start, window: .max / 4, labelDelay: options.labelDelay)
            guard let probe = try trainer.train(window, meter: &meter) else { throw DataError.noHistory("serving") }
            let row = events.firstRow(atOrAfter: start)
            try meter.measureRequests(probe, on: events.frame.rows(row..<row + 1))
            meter.measureLookups()
            costs = meter.costs
        }
        let outcomes = try zip(options.strategies, answered).map { plan, answers in
            try StrategyMeasures(events: events, options: options, costs: costs, start: start, end: end, grid: grid)
                .outcome(plan, answers)
        }
        let isClassifier = answered.first?.isClassifier ?? true
        return ServingSimulationResult(strategies: outcomes, costs: costs, metric: isClassifier ? "accuracy" : "rmse",
                                       start: start, end: end, grid: grid, options: options)
    }
}
