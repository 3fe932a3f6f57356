// StrategyMeasures: turns one strategy's answers (from the real models) and its requests' passage through
// the replicas (queueing model) into a StrategyOutcome — accuracy overall, around the change and on new
// entities; freshness; latency and spikes; cost from the measured times per row and the provisioned
// replicas; and the per-step timeline.

struct StrategyMeasures {
    let events: SimulationEvents
    let options: SimulationOptions
    let costs: ServingCosts
    let start: Int64
    let end: Int64
    let grid: TimelineGrid

    func outcome(_ plan: ServingPlan, _ answers: StrategyAnswers) throws -> StrategyOutcome {
        let first = events.firstRow(atOrAfter: start)
        let served = first..<events.count
        let errors = served.map { row in
            SimulationTrainer.error(answers.predictions[row - first], events.truth[row], classifier: answers.isClassifier)
        }
        func score(_ include: (Int) -> Bool) -> Double {
            let chosen = served.filter(include).map { errors[$0 - first] }.filter { !$0.isNaN }
            guard !chosen.isEmpty else { return .nan }
            let total = answers.isClassifier ? chosen.reduce(0, +) : chosen.reduce(0) { $0 + $1 * $1 }
            return answers.isClassifier ? 1 - total / Double(chosen.count) : (total / Double(chosen.count)).squareRoot()
        }
        let load = try serve(plan)
        let latencies = load.latencies
        let seconds = Double(Micros.second)
        let trainingSeconds = Double(answers.runs.reduce(0) { $0 + $1.rowsTrained }) * costs.trainRowSeconds
        let scoringSeconds = Double(answers.runs.reduce(0) { $0 + $1.rowsScored }) * costs.batchScoreRowSeconds
        let dollarsPerSecond = options.costPerCPUHour / 3600
        let totalSeconds = load.replicaSeconds + trainingSeconds + scoringSeconds
        let modelAges = answers.modelAges.map { Double($0) / seconds }, featureAges = answers.featureAges.map { Double($0) / seconds }
        let utilisations = load.steps.filter { $0.replicaSeconds > 0 }.map { $0.busySeconds / $0.replicaSeconds }
        return StrategyOutcome(
            plan: plan, predictions: load.requests, events: served.count,
            servingCPUSeconds: load.replicaSeconds, trainingCPUSeconds: trainingSeconds, batchScoringCPUSeconds: scoringSeconds,
            costPer1k: load.requests == 0 ? .nan : totalSeconds * dollarsPerSecond / Double(load.requests) * 1000,
            serviceMilliseconds: serviceSeconds(plan) * 1000,
            latencyMilliseconds: (latencies.quantile(0.5) * 1000, latencies.quantile(0.95) * 1000, latencies.quantile(0.99) * 1000),
            spikeP99Milliseconds: load.spikeLatencies.quantile(0.99) * 1000, overSLO: load.overSLO, replicasMax: load.replicasMax,
            utilisationMean: load.replicaSeconds > 0 ? load.busySeconds / load.replicaSeconds : .nan,
            utilisationPeak: utilisations.max() ?? .nan,
            featureAgeMean: mean(featureAges), featureAgeP95: Statistics.quantile(featureAges, 0.95),
            modelAgeMean: mean(modelAges), modelAgeP95: Statistics.quantile(modelAges, 0.95),
            score: score { _ in true },
            scoreBefore: options.changeAt.map { change in score { events.times[$0] < change } } ?? .nan,
            scoreAfter: options.changeAt.map { change in score { events.times[$0] >= change } } ?? .nan,
            scoreNewEntities: score { events.firstSeen[events.entities[$0]] >= start },
            fallbacks: answers.fallbacks.filter { $0 }.count, runs: answers.runs.count,
            triggeredRuns: answers.runs.filter(\.triggered).count, rowsTrained: answers.runs.reduce(0) { $0 + $1.rowsTrained },
            timeline: timeline(load, answers, errors: errors, first: first, dollarsPerSecond: dollarsPerSecond))
    }

    /// Scoring one row (or looking one prediction up), measured, plus the plan's modelled overhead.
    func serviceSeconds(_ plan: ServingPlan) -> Double {
        (plan.scoresRequests ? costs.scoreRequestSeconds : costs.lookupSeconds) + plan.overheadMilliseconds / 1000
    }

    /// The requests through the plan's replicas: the traffic's, or the served events' own times.
    private func serve(_ plan: ServingPlan) throws -> LoadOutcome {
        let queue = ReplicaQueue(plan: plan, serviceSeconds: serviceSeconds(plan), spikes: options.traffic?.spikes ?? [],
                                 start: start, end: end, grid: grid)
        if let traffic = options.traffic {
            var arrivals = TrafficArrivals(traffic, from: start, to: end, seed: options.seed)
            return try queue.serve(&arrivals)
        }
        var arrivals = events.times[events.firstRow(atOrAfter: start)...].makeIterator()
        return try queue.serve(&arrivals)
    }

    private func timeline(_ load: LoadOutcome, _ answers: StrategyAnswers, errors: [Double], first: Int, dollarsPerSecond: Double) -> [TimelineStep] {
        var steps = load.steps.enumerated().map { index, step in
            TimelineStep(
                start: grid.start(ofStep: index), requests: step.requests, p99Milliseconds: step.latencies.quantile(0.99) * 1000,
                replicas: step.replicasMax, utilisation: step.replicaSeconds > 0 ? step.busySeconds / step.replicaSeconds : .nan,
                cpuSeconds: step.replicaSeconds, cumulativeCost: 0, score: .nan, modelAgeSeconds: .nan, fallbacks: 0)
        }
        for run in answers.runs where run.time >= start {
            steps[grid.index(of: run.time)].cpuSeconds += Double(run.rowsTrained) * costs.trainRowSeconds + Double(run.rowsScored) * costs.batchScoreRowSeconds
        }
        var sums = Array(repeating: (errors: 0.0, scored: 0, count: 0, age: 0.0), count: steps.count)
        for (offset, error) in errors.enumerated() {
            let at = grid.index(of: events.times[first + offset])
            sums[at].age += Double(answers.modelAges[offset]) / Double(Micros.second)
            sums[at].count += 1
            if answers.fallbacks[offset] { steps[at].fallbacks += 1 }
            if !error.isNaN {
                sums[at].errors += answers.isClassifier ? error : error * error
                sums[at].scored += 1
            }
        }
        var spent = 0.0
        for at in steps.indices {
            spent += steps[at].cpuSeconds * dollarsPerSecond
            steps[at].cumulativeCost = spent
            if sums[at].count > 0 { steps[at].modelAgeSeconds = sums[at].age / Double(sums[at].count) }
            guard sums[at].scored > 0 else { continue }
            let scored = Double(sums[at].scored)
            steps[at].score = answers.isClassifier ? 1 - sums[at].errors / scored : (sums[at].errors / scored).squareRoot()
        }
        return steps
    }

    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
