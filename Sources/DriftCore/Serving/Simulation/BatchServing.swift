// BatchServing: offline and triggered serving. A batch job runs every `every`: it retrains on the labels
// of the latest `window` and precomputes a prediction for every entity known at that moment, on the
// entity's latest features; a request looks its entity's prediction up, and an entity first seen after
// the run gets the fallback until the next run. Triggered serving also runs the job when a detector,
// fed each realized error as its label arrives, signals drift.

enum BatchServing {
    static func answers(_ trainer: SimulationTrainer, plan: ServingPlan, start: Int64, meter: inout CostMeter) throws -> StrategyAnswers {
        let events = trainer.events, delay = trainer.options.labelDelay
        var detector = try plan.detector?()
        var answers = StrategyAnswers()
        var job = try BatchJob(trainer: trainer, plan: plan)
        try job.run(at: start, triggered: false, meter: &meter, into: &answers)
        if let watcher = detector, !answers.isClassifier, type(of: watcher).requiresBinaryInput {
            throw DataError("\(plan.name): that detector watches 0/1 errors; for a regression use adwin, page_hinkley or kswin")
        }
        var nextScheduled = start + plan.every
        let first = events.firstRow(atOrAfter: start)
        var fed = first
        for row in first..<events.count {
            if (row - first) % 4096 == 0 { try Cancellation.check() }
            let now = events.times[row]
            // The scheduled runs and label arrivals due by now, in time order.
            while true {
                let arrival = detector != nil && fed < row ? events.times[fed] + delay : Int64.max
                guard min(nextScheduled, arrival) <= now else { break }
                if nextScheduled <= arrival {
                    try job.run(at: nextScheduled, triggered: false, meter: &meter, into: &answers)
                    nextScheduled += plan.every
                } else {
                    let error = SimulationTrainer.error(answers.predictions[fed - first], events.truth[fed], classifier: answers.isClassifier)
                    fed += 1
                    if !error.isNaN, detector?.update(error) == .drift {
                        try job.run(at: arrival, triggered: true, meter: &meter, into: &answers)
                    }
                }
            }
            let entity = events.entities[row]
            let stored = job.predictions[entity]
            answers.append(prediction: stored.isNaN ? job.fallback.answer(segment: job.segments?[row]) : stored,
                           fallback: stored.isNaN, modelAge: now - job.lastRun, featureAge: now - job.lastRun)
        }
        return answers
    }
}

/// The batch job: its latest model, the predictions it stored per entity, and the fallback.
private struct BatchJob {
    let trainer: SimulationTrainer
    let plan: ServingPlan
    /// Each row's segment code, when the fallback is by segment.
    let segments: [Double]?
    private(set) var model: Model?
    /// Per entity: the stored prediction, NaN for an entity the last run did not know.
    private(set) var predictions: [Double]
    private(set) var fallback = FallbackAnswer()
    private(set) var lastRun = Int64.min

    init(trainer: SimulationTrainer, plan: ServingPlan) throws {
        self.trainer = trainer
        self.plan = plan
        predictions = Array(repeating: .nan, count: trainer.events.entityCount)
        if case .segmentMean(let name) = plan.fallback {
            guard let column = trainer.events.frame.column(named: name) else {
                throw DataError("\(plan.name): the fallback's segment column '\(name)' is not a column of the events")
            }
            segments = try LabelCodes(fitting: column, name: name).codes(of: column)
        } else {
            segments = nil
        }
    }

    /// Retrains on the labels known at `time` and stores a prediction for every entity seen by then.
    mutating func run(at time: Int64, triggered: Bool, meter: inout CostMeter, into answers: inout StrategyAnswers) throws {
        try Cancellation.check()
        let events = trainer.events
        let labelled = events.labelledRows(at: time, window: plan.window, labelDelay: trainer.options.labelDelay)
        if let retrained = try trainer.train(labelled, meter: &meter) {
            model = retrained
            answers.isClassifier = retrained.isClassifier
            fallback = FallbackAnswer(events.truth, rows: labelled, classifier: retrained.isClassifier, segments: segments)
        }
        guard let model else { throw DataError.noHistory(plan.name) }
        var known: [Int] = [], featureRows: [Int] = []
        for entity in 0..<events.entityCount where events.firstSeen[entity] <= time {
            if let row = events.latestRow(of: entity, atOrBefore: time) {
                known.append(entity)
                featureRows.append(row)
            }
        }
        let scored = try meter.timeBatchScoring(rows: featureRows.count) { try trainer.predict(model, rows: featureRows) }
        for (entity, prediction) in zip(known, scored) { predictions[entity] = prediction }
        lastRun = time
        answers.runs.append(TrainingRun(time: time, rowsTrained: labelled.count, rowsScored: featureRows.count, triggered: triggered))
    }
}
