// ServingAspects: a serving simulation read on the seed's eight aspects — one row per aspect, one cell per
// strategy, each cell made of the simulation's numbers — with the note saying which numbers were measured
// and which come from the model, and the trade-off in words for explain().
import DriftCore

struct ServingAspects {
    let result: ServingSimulationResult

    private var outcomes: [StrategyOutcome] { result.strategies }
    private var metric: String { result.metric }

    static let names = [
        "timeliness vs cost", "use cases", "latency", "data freshness", "infrastructure complexity (modelled)",
        "scalability under spikes", "resource management", "accuracy",
    ]

    var rows: [[String]] {
        let cells: [[String]] = [
            outcomes.map { outcome in
                let work = number(outcome.trainingCPUSeconds + outcome.batchScoringCPUSeconds)
                return "model \(age(outcome.modelAgeMean)) old; $\(money(outcome.costPer1k))/1k: \(number(outcome.servingCPUSeconds)) CPU-s serving + \(work) training and batch"
            },
            outcomes.map { useCases(for: $0).joined(separator: "; ") },
            outcomes.map { outcome in
                let latency = outcome.latencyMilliseconds
                return "p50 \(number(latency.p50)), p95 \(number(latency.p95)), p99 \(number(latency.p99)) ms (\(outcome.plan.scoresRequests ? "scoring" : "lookup"))"
            },
            outcomes.map { "features \(age($0.featureAgeMean)) (p95 \(age($0.featureAgeP95))), model \(age($0.modelAgeMean)) (p95 \(age($0.modelAgeP95)))" },
            outcomes.map { Self.components(of: $0.plan).joined(separator: ", ") },
            outcomes.map { outcome in
                let spike = result.options.traffic?.spikes.isEmpty == false ? "spike p99 \(number(outcome.spikeP99Milliseconds)) ms, " : "no spikes, "
                return spike + "\(outcome.overSLO) over SLO, ≤ \(counted(outcome.replicasMax, "replica"))"
            },
            outcomes.map { outcome in
                let busy = "busy \(percent(outcome.utilisationMean)) (peak \(percent(outcome.utilisationPeak)))"
                return outcome.plan.kind == .online
                    ? "continuous: \(busy), \(counted(outcome.runs, "update"))"
                    : "store \(busy); \(counted(outcome.runs, "batch run")) of \(number((outcome.trainingCPUSeconds + outcome.batchScoringCPUSeconds) / Double(max(outcome.runs, 1)))) CPU-s"
            },
            outcomes.map { outcome in
                var text = number(outcome.score)
                if result.options.changeAt != nil { text += " (\(number(outcome.scoreBefore)) → \(number(outcome.scoreAfter)))" }
                return text + "; new entities \(number(outcome.scoreNewEntities))"
            },
        ]
        return zip(Self.names, cells).map { [$0] + $1 }
    }

    /// What was measured and what modelled, in the table's footer.
    var note: String {
        let costs = result.costs
        let times = "scoring one request \(microseconds(costs.scoreRequestSeconds)), a row in a batch \(microseconds(costs.batchScoreRowSeconds)), training \(microseconds(costs.trainRowSeconds)) per row, a lookup \(microseconds(costs.lookupSeconds))"
        let source = costs.measured
            ? "measured on the real model code (medians of \(costs.scoreTimings), \(costs.batchTimings), \(costs.trainTimings) and \(costs.lookupTimings) timings, this run): \(times)"
            : "given costs: \(times)"
        return "\(result.metric) on \(counted(outcomes.first?.events ?? 0, "labelled event")), latency on \(counted(outcomes.first?.predictions ?? 0, "request")); \(source); modelled: request overheads, queueing and autoscaling, $\(NumberFormat.shortest(result.options.costPerCPUHour)) per CPU-hour, the components"
    }

    /// The architecture each strategy needs — a model of the usual set-up, not measured.
    static func components(of plan: ServingPlan) -> [String] {
        var parts: [String]
        switch plan.kind {
        case .online: parts = ["model server", "online feature store", "label stream"]
        case .offline: parts = ["scheduler", "batch job", "batch store"]
        case .triggered: parts = ["scheduler", "batch job", "batch store", "label stream", "error detector"]
        }
        if plan.autoscale != nil { parts.append("autoscaler") }
        return parts
    }

    /// The aspects on which a strategy leads the others, as the use cases its numbers suggest.
    func useCases(for outcome: StrategyOutcome) -> [String] {
        let higherIsBetter = metric == "accuracy"
        func leads(_ value: (StrategyOutcome) -> Double, lowest: Bool) -> Bool {
            let values = outcomes.map(value).filter { !$0.isNaN }
            guard outcomes.count > 1, let best = lowest ? values.min() : values.max(), !value(outcome).isNaN else { return false }
            return value(outcome) == best
        }
        var cases: [String] = []
        if leads(\.modelAgeMean, lowest: true) { cases.append("fast-moving data") }
        if leads(\.costPer1k, lowest: true) { cases.append("high volume on a budget") }
        if leads(\.latencyMilliseconds.p99, lowest: true) { cases.append("tight latency budgets") }
        if leads(\.scoreNewEntities, lowest: !higherIsBetter) { cases.append("many new entities") }
        if result.options.changeAt != nil, leads(\.scoreAfter, lowest: !higherIsBetter) { cases.append("recovering from a change") }
        return cases.isEmpty ? ["leads on no aspect here"] : cases
    }

    /// The trade-off in sentences, from the numbers.
    var explanation: String {
        guard let cheapest = outcomes.min(by: { $0.costPer1k < $1.costPer1k }),
              let freshest = outcomes.min(by: { $0.modelAgeMean < $1.modelAgeMean }),
              let fastest = outcomes.min(by: { $0.latencyMilliseconds.p99 < $1.latencyMilliseconds.p99 }) else { return "A serving simulation with no strategies." }
        let higherIsBetter = metric == "accuracy"
        let best = outcomes.max { higherIsBetter ? $0.score < $1.score : $0.score > $1.score } ?? cheapest
        var sentences = ["Each strategy answered the same \(counted(best.events, "labelled event")) with the real model code, and \(counted(best.predictions, "request")) went through its replicas."]
        sentences.append("\(best.plan.name) was the most accurate (\(metric) \(number(best.score))); \(freshest.plan.name) answered with the freshest model (\(age(freshest.modelAgeMean)) old on average); \(cheapest.plan.name) was the cheapest ($\(money(cheapest.costPer1k)) per 1,000 predictions); \(fastest.plan.name) had the lowest p99 latency (\(number(fastest.latencyMilliseconds.p99)) ms).")
        if result.options.changeAt != nil {
            let after = outcomes.map { "\($0.plan.name) \(number($0.scoreBefore)) → \(number($0.scoreAfter))" }
            sentences.append("Around the change: \(after.joined(separator: ", ")). A batch strategy stays on the old concept until a run whose window holds enough new labels: how soon it recovers is set by the schedule and the training window together.")
        }
        let newEntities = outcomes.filter { !$0.scoreNewEntities.isNaN }.map { "\($0.plan.name) \(number($0.scoreNewEntities))" }
        if !newEntities.isEmpty {
            sentences.append("On new entities (first seen after serving started): \(newEntities.joined(separator: ", ")) — batch serving gives them the fallback until its next run.")
        }
        let strained = outcomes.filter { $0.overSLO > 0 }
        sentences.append(strained.isEmpty
            ? "No request missed its SLO."
            : strained.map { "\($0.plan.name) missed its \(number($0.plan.sloMilliseconds)) ms SLO on \(counted($0.overSLO, "request")) (p99 \(number($0.latencyMilliseconds.p99)) ms, up to \(counted($0.replicasMax, "replica")))" }.joined(separator: "; ") + ".")
        sentences.append(result.costs.measured
            ? "Scoring and training times were measured in this run, so costs and latencies move a little between runs; accuracy and freshness do not."
            : "The costs were given, not measured.")
        return sentences.joined(separator: " ")
    }

    private func number(_ value: Double) -> String { value.isNaN ? "–" : NumberFormat.compact(value, digits: 3) }
    private func money(_ value: Double) -> String { value.isNaN ? "–" : NumberFormat.compact(value, digits: 2) }
    private func percent(_ value: Double) -> String { value.isNaN ? "–" : NumberFormat.compact(100 * value, digits: 2) + "%" }
    private func microseconds(_ seconds: Double) -> String { NumberFormat.compact(seconds * 1e6, digits: 3) + " µs" }

    /// Seconds as a length of time, to the second ("1h 2m 5s"), or "–".
    private func age(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "–" }
        return DurationText.text(Int64(seconds.rounded()) * Micros.second)
    }
}
