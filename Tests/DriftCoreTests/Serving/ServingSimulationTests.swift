// ServingSimulationTests: the serving simulator, aspect by aspect — offline freshness grows linearly between
// batches, new entities get the fallback until the next batch (a segment's majority beats the prior),
// cost grows with the update frequency, utilisation is the busy share of the replicas,
// autoscaling bounds p99 after its delay, triggered runs follow the detector, labels are used only once
// they arrive, a regression is scored by RMSE, and a seed repeats the run. Costs are given (not measured) wherever numbers are compared,
// so that the assertions are about the simulation, not this machine's speed.
import Testing
@testable import DriftCore

/// Labelled events of customers with fixed features x1, x2 (uniform on [0, 10)); y = x1 + x2 ≤ 8 before
/// `change` and ≤ 11 after it. Events are evenly spaced over `days`; half the customers exist at the start
/// and the rest join evenly over the span.
private func customerEvents(count: Int = 4000, customers: Int = 400, days: Int = 7, change: Int64? = nil, seed: UInt64 = 7) throws -> DataFrame {
    var generator = SeededGenerator(seed: seed)
    let features = (0..<customers).map { _ in (Double.random(in: 0..<10, using: &generator), Double.random(in: 0..<10, using: &generator)) }
    let span = Int64(days) * Micros.day
    var ts: [Int64] = [], ids: [Double] = [], x1: [Double] = [], x2: [Double] = [], y: [Bool?] = []
    for row in 0..<count {
        let position = Double(row) / Double(count)
        let time = origin + Int64(position * Double(span))
        let id = Int(Double.random(in: 0..<1, using: &generator) * Double(customers) * (0.5 + 0.5 * position))
        let (a, b) = features[id]
        ts.append(time)
        ids.append(Double(id))
        x1.append(a)
        x2.append(b)
        y.append(a + b <= (change.map { time >= $0 } == true ? 11 : 8))
    }
    return try DataFrame([
        ("ts", .time(TimeColumn(ts, kind: .datetime))), ("id", .numeric(NumericColumn(ids))),
        ("x1", .numeric(NumericColumn(x1))), ("x2", .numeric(NumericColumn(x2))), ("y", .boolean(BoolColumn(y))),
    ])
}

/// 2024-01-01T00:00:00Z.
private let origin: Int64 = 19723 * Micros.day
private let fixedCosts = ServingCosts(scoreRequestSeconds: 0.001, batchScoreRowSeconds: 0.0001, trainRowSeconds: 0.001, lookupSeconds: 0.00001)

private func options(_ strategies: [ServingPlan], traffic: TrafficPlan? = nil, labelDelay: Int64 = 0, change: Int64? = nil, step: Int64? = nil,
                     seed: UInt64 = 1) -> SimulationOptions {
    SimulationOptions(target: "y", strategies: strategies, traffic: traffic, labelDelay: labelDelay, start: origin + Micros.day,
                      changeAt: change, seed: seed, costs: fixedCosts, step: step)
}

/// One strategy's answers to the default events, with the events and the first served row.
private func served(_ plan: ServingPlan) throws -> (events: SimulationEvents, answers: StrategyAnswers, first: Int) {
    let settings = options([plan])
    let events = try SimulationEvents(try customerEvents(), options: settings)
    let trainer = SimulationTrainer(events: events, options: settings)
    var meter = CostMeter()
    let start = origin + Micros.day
    let answers = plan.kind == .online
        ? try OnlineServing.answers(trainer, plan: plan, start: start, meter: &meter)
        : try BatchServing.answers(trainer, plan: plan, start: start, meter: &meter)
    return (events, answers, events.firstRow(atOrAfter: start))
}

@Suite struct ServingSimulationTests {
    @Test func offlineFreshnessGrowsLinearlyBetweenBatches() throws {
        let plan = ServingPlan(kind: .offline, every: 6 * Micros.hour, window: 3 * Micros.day)
        let (events, answers, first) = try served(plan)
        let start = origin + Micros.day
        for (offset, age) in answers.modelAges.enumerated() {
            let sinceStart = events.times[first + offset] - start
            // The age is the time since the last scheduled run: slope 1, back to 0 at every run.
            #expect(age == sinceStart % plan.every)
            #expect(answers.featureAges[offset] == age)
        }
        #expect(answers.runs.map(\.time) == (0..<24).map { start + Int64($0) * plan.every })
    }

    @Test func newEntitiesGetTheFallbackUntilTheNextBatch() throws {
        let plan = ServingPlan(kind: .offline, every: Micros.day, window: 3 * Micros.day)
        let (events, answers, first) = try served(plan)
        let start = origin + Micros.day
        var fallbacks = 0
        for offset in answers.fallbacks.indices {
            let row = first + offset
            let lastRun = start + (events.times[row] - start) / plan.every * plan.every
            let isNew = events.firstSeen[events.entities[row]] > lastRun
            #expect(answers.fallbacks[offset] == isNew)
            if isNew { fallbacks += 1 }
        }
        #expect(fallbacks > 50)
    }

    @Test func onlineScoresANewEntityOnceTheStoreHoldsItsFeatures() throws {
        let plan = ServingPlan(kind: .online, every: Micros.hour, featureLag: 5 * Micros.minute)
        let (events, answers, first) = try served(plan)
        for offset in answers.fallbacks.indices {
            let row = first + offset
            let stored = events.latestRow(of: events.entities[row], atOrBefore: events.times[row] - plan.featureLag)
            #expect(answers.fallbacks[offset] == (stored == nil))
        }
    }

    @Test func costGrowsWithTheUpdateFrequency() throws {
        let frame = try customerEvents()
        let plans = [ServingPlan(kind: .offline, name: "6h", every: 6 * Micros.hour), ServingPlan(kind: .offline, name: "24h", every: Micros.day)]
        let result = try ServingSimulation.run(frame, options: options(plans))
        let (often, daily) = (result.strategies[0], result.strategies[1])
        #expect(often.runs == 4 * daily.runs)
        #expect(often.trainingCPUSeconds > 3.5 * daily.trainingCPUSeconds)
        #expect(often.batchScoringCPUSeconds > 3.5 * daily.batchScoringCPUSeconds)
        #expect(often.costCPUSeconds > daily.costCPUSeconds)
        #expect(often.servingCPUSeconds == daily.servingCPUSeconds)
        #expect(often.modelAgeMean < daily.modelAgeMean / 3)
    }

    @Test func autoscalingBoundsP99AfterItsDelay() throws {
        let frame = try customerEvents(count: 500, customers: 100, days: 2)
        let spikeStart = origin + Micros.day + 6 * Micros.hour
        let traffic = TrafficPlan(ratePerSecond: 2, spikes: [.init(at: spikeStart, factor: 10, length: 40 * Micros.minute)])
        let delay = 2 * Micros.minute
        let plans = [
            ServingPlan(kind: .online, name: "autoscaled", every: Micros.hour, replicas: 2, autoscale: .init(max: 12, delay: delay), overheadMilliseconds: 200),
            ServingPlan(kind: .online, name: "fixed", every: Micros.hour, replicas: 2, overheadMilliseconds: 200),
        ]
        let result = try ServingSimulation.run(frame, options: options(plans, traffic: traffic, step: Micros.minute))
        let (scaled, fixed) = (result.strategies[0], result.strategies[1])
        func p99(_ outcome: StrategyOutcome, minutes: Range<Int64>) -> [Double] {
            outcome.timeline.filter { minutes.contains(($0.start - spikeStart) / Micros.minute) }.map(\.p99Milliseconds)
        }
        // From a few minutes after the delay to the end of the spike, the added replicas hold p99 near the
        // service time; with a fixed size the queue only grows.
        #expect(p99(scaled, minutes: 6..<40).allSatisfy { $0 < 1000 })
        #expect(p99(fixed, minutes: 6..<40).allSatisfy { $0 > 10_000 })
        // Before the replicas are ready, the queue builds even with autoscaling.
        #expect(p99(scaled, minutes: 1..<2).allSatisfy { $0 > 400 })
        #expect(scaled.replicasMax > 2 && scaled.replicasMax <= 12)
        #expect(fixed.replicasMax == 2)
        #expect(scaled.spikeP99Milliseconds < fixed.spikeP99Milliseconds)
        #expect(scaled.servingCPUSeconds > fixed.servingCPUSeconds)
    }

    @Test func triggeredRetrainsWhenTheDetectorFiresAfterTheChange() throws {
        let change = origin + 4 * Micros.day
        let frame = try customerEvents(change: change)
        let plans = [
            ServingPlan(kind: .offline, every: 7 * Micros.day, window: 7 * Micros.day),
            ServingPlan(kind: .triggered, every: 7 * Micros.day, window: 12 * Micros.hour, detector: { try DDM() }),
        ]
        let result = try ServingSimulation.run(frame, options: options(plans, labelDelay: Micros.hour, change: change))
        let (offline, triggered) = (result.strategies[0], result.strategies[1])
        #expect(offline.triggeredRuns == 0)
        #expect(triggered.triggeredRuns >= 1)
        #expect(triggered.scoreAfter > offline.scoreAfter + 0.05)
        #expect(offline.scoreBefore > 0.9)
    }

    @Test func labelsAreUsedOnlyOnceTheyArrive() throws {
        let frame = try customerEvents()
        let events = try SimulationEvents(frame, options: options([ServingPlan(kind: .offline, every: Micros.day)]))
        let at = origin + 3 * Micros.day
        let rows = events.labelledRows(at: at, window: Micros.day, labelDelay: 2 * Micros.hour)
        #expect(rows.allSatisfy { events.times[$0] <= at - 2 * Micros.hour && events.times[$0] >= at - Micros.day })
        #expect(events.times[rows.upperBound] > at - 2 * Micros.hour)
        #expect(events.times[rows.lowerBound - 1] < at - Micros.day)
    }

    @Test func aSeedRepeatsTheRun() throws {
        let frame = try customerEvents(count: 1000, customers: 200, days: 3)
        let traffic = TrafficPlan(ratePerSecond: 0.5, dailyProfile: (0..<24).map { $0 < 6 ? 0.2 : 1.5 })
        let plans = [ServingPlan(kind: .online, every: Micros.hour), ServingPlan(kind: .triggered, every: Micros.day, detector: { try DDM() })]
        let first = try ServingSimulation.run(frame, options: options(plans, traffic: traffic, seed: 3))
        let again = try ServingSimulation.run(frame, options: options(plans, traffic: traffic, seed: 3))
        let other = try ServingSimulation.run(frame, options: options(plans, traffic: traffic, seed: 4))
        #expect(try first.metricsTable() == again.metricsTable())
        #expect(try first.timelineTable() == again.timelineTable())
        #expect(first.strategies[0].predictions != other.strategies[0].predictions)
        #expect(first.strategies[0].score == other.strategies[0].score)
    }

    @Test func trafficFollowsItsRateProfileAndSpikes() {
        var profile = Array(repeating: 1.0, count: 24)
        profile[3] = 0
        let spike = TrafficPlan.Spike(at: origin + 12 * Micros.hour, factor: 5, length: Micros.hour)
        let plan = TrafficPlan(ratePerSecond: 2, dailyProfile: profile, spikes: [spike])
        var arrivals = TrafficArrivals(plan, from: origin, to: origin + Micros.day, seed: 9)
        var perHour = Array(repeating: 0, count: 24)
        var last = Int64.min
        while let time = arrivals.next() {
            #expect(time >= last)
            last = time
            perHour[Int((time - origin) / Micros.hour)] += 1
        }
        #expect(perHour[3] == 0)
        #expect(abs(Double(perHour[12]) / 36_000 - 1) < 0.05)
        let ordinary = perHour.enumerated().filter { $0.offset != 3 && $0.offset != 12 }.map(\.element).reduce(0, +)
        #expect(abs(Double(ordinary) / (22 * 7200) - 1) < 0.02)
    }

    @Test func measuredCostsComeFromTheRealModelCode() throws {
        let frame = try customerEvents(count: 1000, customers: 200, days: 3)
        var settings = options([ServingPlan(kind: .online, every: Micros.hour), ServingPlan(kind: .offline, every: Micros.day)])
        settings.costs = nil
        let result = try ServingSimulation.run(frame, options: settings)
        #expect(result.costs.measured)
        #expect(result.costs.scoreTimings == 21 && result.costs.lookupTimings == 21)
        #expect(result.costs.scoreRequestSeconds > 0 && result.costs.trainRowSeconds > 0 && result.costs.batchScoreRowSeconds > 0)
        #expect(result.strategies[0].serviceMilliseconds > ServingPlan.onlineOverhead)
    }

    @Test func metricsHaveTheDocumentedColumns() throws {
        let result = try ServingSimulation.run(try customerEvents(count: 800, customers: 100, days: 2), options: options([ServingPlan(kind: .online, every: Micros.hour)]))
        #expect(try result.metricsTable().names == [
            "strategy", "predictions", "cost_cpu_s", "cost_per_1k", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms",
            "feature_age_mean_s", "model_age_mean_s", "model_age_p95_s", "spike_p99_ms", "over_slo", "replicas_max",
            "utilisation_mean", "utilisation_peak", "accuracy", "accuracy_before", "accuracy_after", "accuracy_new_entities",
        ])
    }

    @Test func aSegmentFallbackBeatsThePriorOnNewEntities() throws {
        let frame = try customerEvents()
        guard case .numeric(let x1)? = frame.column(named: "x1") else { return }
        let regions = try frame.withColumn("region", .text(TextColumn(x1.values.map { $0 < 5 ? "low" : "high" })))
        let plans = [
            ServingPlan(kind: .offline, name: "prior", every: Micros.day),
            ServingPlan(kind: .offline, name: "segment", every: Micros.day, fallback: .segmentMean(column: "region")),
        ]
        var settings = options(plans)
        settings.features = ["x1", "x2"]
        let result = try ServingSimulation.run(regions, options: settings)
        #expect(result.strategies[1].scoreNewEntities > result.strategies[0].scoreNewEntities)
        #expect(result.strategies[0].fallbacks == result.strategies[1].fallbacks)
    }

    @Test func utilisationIsTheBusyShareOfTheProvisionedReplicas() throws {
        let result = try ServingSimulation.run(try customerEvents(), options: options([ServingPlan(kind: .online, every: Micros.hour, replicas: 3)]))
        let online = result.strategies[0]
        let busy = Double(online.predictions) * online.serviceMilliseconds / 1000
        #expect(isClose(online.utilisationMean, busy / online.servingCPUSeconds, tolerance: 1e-9))
        #expect(isClose(online.servingCPUSeconds, 3 * Double(result.end - result.start) / 1e6, tolerance: 1e-9))
        #expect(online.utilisationPeak >= online.utilisationMean)
    }

    @Test func aRegressionIsScoredByRMSE() throws {
        let frame = try customerEvents()
        guard case .numeric(let x1)? = frame.column(named: "x1"), case .numeric(let x2)? = frame.column(named: "x2") else { return }
        let sums = try frame.withColumn("y", .numeric(NumericColumn(zip(x1.values, x2.values).map { 2 * $0 - $1 })))
        var settings = options([ServingPlan(kind: .online, every: Micros.hour), ServingPlan(kind: .offline, every: Micros.day)])
        settings.model = .linear
        let result = try ServingSimulation.run(sums, options: settings)
        #expect(result.metric == "rmse")
        #expect(try result.metricsTable().names.suffix(4) == ["rmse", "rmse_before", "rmse_after", "rmse_new_entities"])
        #expect(result.strategies[0].score < 0.01)
        #expect(result.strategies[1].score > result.strategies[0].score)
    }
}
