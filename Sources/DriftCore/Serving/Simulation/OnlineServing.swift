// OnlineServing: a model server scores each request when it arrives, on the entity's features as the
// online store holds them (`featureLag` behind the request), with the model of its last update. Every
// `every`, the model learns the labels that arrived since (logistic regression by SGD, naive Bayes exactly;
// other models are retrained on the latest window). A request whose entity the store does not hold yet
// gets the fallback.

enum OnlineServing {
    static func answers(_ trainer: SimulationTrainer, plan: ServingPlan, start: Int64, meter: inout CostMeter) throws -> StrategyAnswers {
        let events = trainer.events, delay = trainer.options.labelDelay
        var answers = StrategyAnswers()
        var labelled = events.labelledRows(at: start, window: plan.window, labelDelay: delay)
        guard var model = try trainer.train(labelled, meter: &meter) else { throw DataError.noHistory(plan.name) }
        answers.isClassifier = model.isClassifier
        answers.runs.append(TrainingRun(time: start, rowsTrained: labelled.count, rowsScored: 0, triggered: false))
        var fallback = FallbackAnswer(events.truth, rows: labelled, classifier: model.isClassifier, segments: nil)
        var updated = start
        var row = events.firstRow(atOrAfter: start)
        while row < events.count {
            try Cancellation.check()
            let next = updated + plan.every
            let end = events.firstRow(atOrAfter: next)
            try answer(row..<end, trainer: trainer, model: model, fallback: fallback, updated: updated, plan: plan, into: &answers)
            row = end
            guard row < events.count else { break }
            // The update at `next` learns the labels that arrived since the last one.
            let arrived = events.labelledRows(at: next, window: .max / 4, labelDelay: delay)
            let fresh = labelled.upperBound..<arrived.upperBound
            if !fresh.isEmpty {
                if model.kind == .logistic || model.kind == .naiveBayes {
                    let frame = events.frame.rows(fresh)
                    try meter.timeTraining(rows: fresh.count) { try model.update(with: frame) }
                    answers.runs.append(TrainingRun(time: next, rowsTrained: fresh.count, rowsScored: 0, triggered: false))
                    labelled = labelled.lowerBound..<fresh.upperBound
                } else {
                    labelled = events.labelledRows(at: next, window: plan.window, labelDelay: delay)
                    if let retrained = try trainer.train(labelled, meter: &meter) { model = retrained }
                    answers.runs.append(TrainingRun(time: next, rowsTrained: labelled.count, rowsScored: 0, triggered: false))
                }
                fallback = FallbackAnswer(events.truth, rows: events.labelledRows(at: next, window: plan.window, labelDelay: delay),
                                          classifier: model.isClassifier, segments: nil)
            }
            updated = next
        }
        return answers
    }

    /// Scores `rows` with `model` on the features the online store holds at each request.
    private static func answer(_ rows: Range<Int>, trainer: SimulationTrainer, model: Model, fallback: FallbackAnswer, updated: Int64,
                               plan: ServingPlan, into answers: inout StrategyAnswers) throws {
        guard !rows.isEmpty else { return }
        let events = trainer.events
        let featureRows = rows.map { row in
            plan.featureLag == 0 ? row : events.latestRow(of: events.entities[row], atOrBefore: events.times[row] - plan.featureLag)
        }
        let scored = try trainer.predict(model, rows: featureRows.compactMap { $0 })
        var next = 0
        for (row, featureRow) in zip(rows, featureRows) {
            let prediction: Double
            if featureRow != nil {
                prediction = scored[next]
                next += 1
            } else {
                prediction = fallback.answer(segment: nil)
            }
            answers.append(prediction: prediction, fallback: featureRow == nil, modelAge: events.times[row] - updated,
                           featureAge: plan.featureLag)
        }
    }
}

extension DataError {
    /// No labelled event comes before serving starts.
    static func noHistory(_ strategy: String) -> DataError {
        DataError("\(strategy): no labelled event before serving starts to train the first model on; start serving later (start:) or shorten label_delay")
    }
}
