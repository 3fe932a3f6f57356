// Serving simulator builtins: traffic(), the strategies online(), offline() and triggered(), and
// simulate_serving(), which runs them over timestamped, labelled events. Thin bindings to
// DriftCore.ServingSimulation; the settings are values that show what they will simulate.
import DriftCore

/// The options offline() and triggered() share, read into a plan of `kind`.
private func batchPlan(_ arguments: Arguments, kind: ServingPlan.Kind) throws -> ServingPlan {
    let fallbackName = try arguments.string(nil, "fallback", default: "prior")
    let fallback: ServingPlan.Fallback
    switch fallbackName {
    case "prior": fallback = .prior
    case "segment_mean":
        guard let segment = arguments.optional(nil, "segment"), !segment.isNull else {
            throw BuiltinError("fallback \"segment_mean\" needs segment: the column whose mean a new entity gets")
        }
        fallback = .segmentMean(column: try arguments.string(nil, "segment"))
    default: throw BuiltinError("fallback must be \"prior\" or \"segment_mean\", not \(Renderer.quote(fallbackName))")
    }
    let (replicas, autoscale) = try capacity(arguments, default: 1)
    return ServingPlan(
        kind: kind, name: try name(arguments), every: try arguments.length("every", default: Micros.day),
        window: try arguments.length("window", default: 30 * Micros.day), replicas: replicas,
        autoscale: autoscale, sloMilliseconds: try positive(arguments, "slo_ms", default: 50),
        overheadMilliseconds: try positive(arguments, "overhead_ms", default: ServingPlan.lookupOverhead), fallback: fallback,
        detector: kind == .triggered ? try detectorMaker(arguments.optional(nil, "detector") ?? .string("ddm"), arguments) : nil)
}

private func name(_ arguments: Arguments) throws -> String? {
    guard let value = arguments.optional(nil, "name"), !value.isNull else { return nil }
    return try arguments.string(nil, "name")
}

private func positive(_ arguments: Arguments, _ name: String, default fallback: Double) throws -> Double {
    let number = try arguments.number(nil, name, default: fallback)
    guard number.isFinite, number >= 0 else { throw BuiltinError("argument '\(name)' must be a finite number of at least 0, got \(NumberFormat.shortest(number))") }
    return number
}

/// The replicas argument and the autoscaling above it.
private func capacity(_ arguments: Arguments, default fallback: Int) throws -> (replicas: Int, autoscale: ServingPlan.Autoscale?) {
    let replicas = try arguments.integer(nil, "replicas", default: fallback, in: 1...10_000)
    guard let options = try arguments.options("autoscale", allowed: ["max", "delay"]) else { return (replicas, nil) }
    let max = try options.integer(nil, "max", in: 1...10_000)
    guard max >= replicas else { throw BuiltinError("autoscale's max (\(max)) is below replicas (\(replicas))") }
    return (replicas, ServingPlan.Autoscale(max: max, delay: try options.length("delay", default: 2 * Micros.minute, allowZero: true)))
}

private func traffic(_ arguments: Arguments) throws -> TrafficPlan {
    let rate = try arguments.number(0, "rate_per_s")
    guard rate.isFinite, rate > 0, rate <= 100_000 else { throw BuiltinError("rate_per_s must be above 0 and at most 100,000, got \(NumberFormat.shortest(rate))") }
    var plan = TrafficPlan(ratePerSecond: rate)
    if let value = arguments.optional(nil, "daily_profile"), !value.isNull {
        let profile = try arguments.numbers(nil, "daily_profile")
        guard profile.count == 24, profile.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw BuiltinError("daily_profile must hold 24 multipliers of the rate (one per hour of the day, UTC), each at least 0; got \(counted(profile.count, "value"))")
        }
        plan.dailyProfile = profile
    }
    if let value = arguments.optional(nil, "spikes"), !value.isNull {
        guard case .list(let items) = value else { throw arguments.mismatch("spikes", expected: "a list of records {at:, factor:, minutes:}", got: value) }
        plan.spikes = try items.map { item in
            guard case .record(let record) = item else { throw arguments.mismatch("spikes", expected: "a list of records {at:, factor:, minutes:}", got: item) }
            let spike = try Arguments(options: record, of: "a spike", allowed: ["at", "factor", "minutes"], at: arguments.location)
            let factor = try spike.number(nil, "factor"), minutes = try spike.number(nil, "minutes")
            guard factor.isFinite, factor >= 0, minutes.isFinite, minutes > 0, minutes <= 525_600 else {
                throw BuiltinError("a spike's factor must be at least 0 and its minutes above 0 and at most a year")
            }
            return TrafficPlan.Spike(at: try instant(spike, nil, "at"), factor: factor, length: Int64(minutes * Double(Micros.minute)))
        }
    }
    return plan
}

/// The strategies argument: plans, or the names "online", "offline", "triggered" for their defaults; names
/// made unique by numbering repeats.
private func strategies(_ arguments: Arguments) throws -> [ServingPlan] {
    let defaults: [String: () throws -> ServingPlan] = [
        "online": { ServingPlan(kind: .online, every: Micros.hour) },
        "offline": { ServingPlan(kind: .offline, every: Micros.day) },
        "triggered": { ServingPlan(kind: .triggered, every: Micros.day, detector: try defaultDetector("ddm", at: arguments.location)) },
    ]
    let items: [Value]
    switch arguments.optional(nil, "strategies") {
    case nil, .null?: items = ["online", "offline", "triggered"].map(Value.string)
    case .list(let list)?: items = list.array
    case .vector(.text(let names))?: items = (0..<names.count).map { names[$0].map(Value.string) ?? .null }
    case let other?: items = [other]
    }
    var plans = try items.map { item -> ServingPlan in
        switch item {
        case .object(let object as ServingPlanObject): return object.plan
        case .string(let name):
            guard let make = defaults[name] else { throw BuiltinError("unknown strategy \(Renderer.quote(name)); use \"online\", \"offline\", \"triggered\" or online(...), offline(...), triggered(...)") }
            return try make()
        default: throw arguments.mismatch("strategies", expected: "a list of online(...), offline(...), triggered(...) or their names", got: item)
        }
    }
    for index in plans.indices {
        let repeats = plans[..<index].filter { $0.name == plans[index].name }.count
        if repeats > 0 { plans[index].name += " \(repeats + 1)" }
    }
    return plans
}

/// Costs given instead of measured: {score_ms:, batch_row_ms:, train_row_ms:, lookup_ms:}.
private func givenCosts(_ arguments: Arguments) throws -> ServingCosts? {
    guard let options = try arguments.options("costs", allowed: ["score_ms", "batch_row_ms", "train_row_ms", "lookup_ms"]) else { return nil }
    func milliseconds(_ name: String) throws -> Double { try positive(options, name, default: 0) / 1000 }
    return ServingCosts(scoreRequestSeconds: try milliseconds("score_ms"), batchScoreRowSeconds: try milliseconds("batch_row_ms"),
                        trainRowSeconds: try milliseconds("train_row_ms"), lookupSeconds: try milliseconds("lookup_ms"))
}

let simulationBuiltins: [Builtin] = [
    Builtin(
        "traffic(rate_per_s, daily_profile: null, spikes: [])",
        doc: "Requests for simulate_serving: a Poisson process at rate_per_s requests per second, times daily_profile's multiplier for the hour of the day (24 numbers, UTC; default all 1), times each spike's factor from its instant at: for its minutes: ({at:, factor:, minutes:}, at a datetime or ISO text). Seeded by simulate_serving's seed.",
        example: #"traffic(rate_per_s: 50, spikes: [{at: "2024-01-02T12:00:00", factor: 4, minutes: 30}])"#
    ) { arguments, _ in .object(TrafficObject(try traffic(arguments))) },
    Builtin(
        "online(update_every: \"1h\", replicas: 2, autoscale: null, feature_lag: 0, slo_ms: 50, overhead_ms: 5, window: \"30d\", name: null)",
        doc: "Online serving for simulate_serving: a model server scores each request when it arrives, on the entity's features as an online store holds them feature_lag (a period such as \"5s\", or 0) before the request — an entity the store does not hold yet gets the training labels' majority class (or mean) — with the model of its last update. Every update_every the model learns the labels that arrived since (logistic regression by SGD, naive Bayes exactly; other models are retrained on the last window). Requests queue on replicas model servers; autoscale: {max: 8, delay: \"2m\"} adds replicas for the arrival rate (ready delay after they are asked for), null keeps the size fixed. Each request takes the measured time to score one row plus overhead_ms (network and feature fetch, modelled); slo_ms is the latency target.",
        example: #"online(update_every: "1h", replicas: 2, autoscale: {max: 8, delay: "2m"}, feature_lag: "5s", slo_ms: 50)"#
    ) { arguments, _ in
        let (replicas, autoscale) = try capacity(arguments, default: 2)
        return .object(ServingPlanObject(ServingPlan(
            kind: .online, name: try name(arguments), every: try arguments.length("update_every", default: Micros.hour),
            window: try arguments.length("window", default: 30 * Micros.day), replicas: replicas,
            autoscale: autoscale, featureLag: try arguments.length("feature_lag", default: 0, allowZero: true),
            sloMilliseconds: try positive(arguments, "slo_ms", default: 50),
            overheadMilliseconds: try positive(arguments, "overhead_ms", default: ServingPlan.onlineOverhead))))
    },
    Builtin(
        "offline(every: \"24h\", window: \"30d\", fallback: \"prior\", segment: null, replicas: 1, autoscale: null, slo_ms: 50, overhead_ms: 1, name: null)",
        doc: "Offline (batch) serving for simulate_serving: every `every` a batch job retrains on the labels of the last window and precomputes a prediction for every entity seen so far, on its latest features; a request looks its entity's prediction up. An entity first seen after the last run gets the fallback until the next run: \"prior\" (the window's majority class, or mean) or \"segment_mean\" (that of the request's segment, the column named by segment:). Lookups queue on replicas of the batch store, each taking the measured lookup time plus overhead_ms (modelled).",
        example: #"offline(every: "24h", window: "7d", fallback: "prior")"#
    ) { arguments, _ in .object(ServingPlanObject(try batchPlan(arguments, kind: .offline))) },
    Builtin(
        "triggered(detector: \"ddm\", every: \"24h\", window: \"30d\", fallback: \"prior\", segment: null, replicas: 1, autoscale: null, slo_ms: 50, overhead_ms: 1, name: null)",
        doc: "Triggered serving for simulate_serving: offline serving, plus a batch run whenever the detector — a name such as \"ddm\" or \"adwin\", or a configured detector(...) — signals drift in the realized per-request errors, each fed when its label arrives (0/1 misclassifications, or absolute errors for a regression).",
        example: #"triggered(detector: detector("adwin", delta: 0.01), every: "7d")"#
    ) { arguments, _ in .object(ServingPlanObject(try batchPlan(arguments, kind: .triggered))) },
    Builtin(
        "simulate_serving(events, target: \"y\", time: \"ts\", entity: \"id\", strategies: null, traffic: null, label_delay: 0, start: null, change_at: null, model: \"logistic\", features: null, seed: 1, cost_per_cpu_hour: 0.04, step: null, costs: null)",
        doc: """
            Simulates serving the events (one row per labelled event: a time column, an entity column, features and the target) under each strategy (online(...), offline(...), triggered(...) or their names; default all three) and shows the seed's comparison, one column per strategy and one row per aspect. Every event is answered at its own time by the strategy's model or stored prediction, with the real model code, and scored against its label, which arrives label_delay later; requests come from traffic (traffic(...); default: the events' own times) and queue on each strategy's replicas. Serving starts at start (default a tenth of the way through the events; earlier events train the first models); change_at splits accuracy into before and after. Measured on the real model code while it runs (medians of repeated timings): scoring one request, scoring a row in a batch, training on a row, a lookup — or given as costs: {score_ms:, batch_row_ms:, train_row_ms:, lookup_ms:}. Modelled: the overheads, the queueing and autoscaling, the price (cost_per_cpu_hour dollars, default 0.04, about one on-demand vCPU) and the architecture list. Deterministic for a seed apart from the measured times. Fields: metrics (one row per strategy), timeline (one row per strategy and step of step, default 1m to 1d for at most 2,000 steps), costs, strategies. plot() draws accuracy, p99 latency and cost over time; explain() states the trade-off.
            """,
        example: #"let events = with_column(with_column(stream, "ts", datetime("2024-01-01T00:00:00") + minutes(range(nrow(stream)))), "id", range(nrow(stream)) % 300); simulate_serving(events, target: "y", strategies: [online(update_every: "6h"), offline(every: "1d", window: "2d")], traffic: traffic(rate_per_s: 0.5))"#
    ) { arguments, _ in
        let events = try arguments.frame(0, "events")
        let kindName = try arguments.string(nil, "model", default: "logistic")
        guard let kind = ModelKind(rawValue: kindName) else {
            throw BuiltinError("unknown model \(Renderer.quote(kindName)); models: \(ModelKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var options = SimulationOptions(
            target: try arguments.string(nil, "target", default: "y"), time: try arguments.string(nil, "time", default: "ts"),
            entity: try arguments.string(nil, "entity", default: "id"), model: kind, strategies: try strategies(arguments),
            labelDelay: try arguments.length("label_delay", default: 0, allowZero: true),
            seed: UInt64(try arguments.integer(nil, "seed", default: 1, in: 0...Int(Int32.max))), costs: try givenCosts(arguments),
            costPerCPUHour: try positive(arguments, "cost_per_cpu_hour", default: SimulationOptions.defaultCostPerCPUHour))
        if let value = arguments.optional(nil, "features"), !value.isNull { options.features = try arguments.strings(nil, "features") }
        if let value = arguments.optional(nil, "traffic"), !value.isNull {
            guard case .object(let object as TrafficObject) = value else { throw arguments.mismatch("traffic", expected: "traffic(...)", got: value) }
            options.traffic = object.traffic
        }
        if let value = arguments.optional(nil, "start"), !value.isNull { options.start = try instant(arguments, nil, "start") }
        if let value = arguments.optional(nil, "change_at"), !value.isNull { options.changeAt = try instant(arguments, nil, "change_at") }
        if let value = arguments.optional(nil, "step"), !value.isNull { options.step = try arguments.length("step", default: Micros.minute) }
        return .object(try ServingSimulationObject(try ServingSimulation.run(events, options: options)))
    },
]
