// SimulationOptions: what the serving simulator runs — the events' columns, the model, the strategies, the
// traffic, when labels arrive, where serving starts and the concept changes, the seed, and the price of
// a CPU-hour. Lengths of time and instants are microseconds.

public struct SimulationOptions: Sendable {
    public var target: String
    public var time: String
    public var entity: String
    public var model: ModelKind
    public var features: [String]?
    public var training: TrainingOptions
    public var strategies: [ServingPlan]
    /// nil: requests are the events themselves, at their own times.
    public var traffic: TrafficPlan?
    /// How long after an event its label becomes known.
    public var labelDelay: Int64
    /// Serving starts here; earlier events are history to train the first models on. nil: a tenth of the
    /// way through the events' time span.
    public var start: Int64?
    /// Where the concept changes, to split accuracy into before and after.
    public var changeAt: Int64?
    public var seed: UInt64
    /// nil: measured while the simulation runs.
    public var costs: ServingCosts?
    public var costPerCPUHour: Double
    /// The timeline's step; nil: the shortest of 1 minute, 5 minutes, 15 minutes, 1 hour, 6 hours and
    /// 1 day that gives at most 2,000 steps.
    public var step: Int64?

    /// The default price of one CPU-hour in dollars: about what one on-demand vCPU costs at the large clouds.
    public static let defaultCostPerCPUHour = 0.04

    public init(target: String, time: String = "ts", entity: String = "id", model: ModelKind = .logistic,
                features: [String]? = nil, training: TrainingOptions = .init(), strategies: [ServingPlan],
                traffic: TrafficPlan? = nil, labelDelay: Int64 = 0, start: Int64? = nil, changeAt: Int64? = nil,
                seed: UInt64 = 1, costs: ServingCosts? = nil, costPerCPUHour: Double = defaultCostPerCPUHour, step: Int64? = nil) {
        self.target = target
        self.time = time
        self.entity = entity
        self.model = model
        self.features = features
        self.training = training
        self.strategies = strategies
        self.traffic = traffic
        self.labelDelay = labelDelay
        self.start = start
        self.changeAt = changeAt
        self.seed = seed
        self.costs = costs
        self.costPerCPUHour = costPerCPUHour
        self.step = step
    }

    /// The timeline step for a span of `length` microseconds.
    func timelineStep(for length: Int64) -> Int64 {
        if let step { return step }
        let steps = [Micros.minute, 5 * Micros.minute, 15 * Micros.minute, Micros.hour, 6 * Micros.hour, Micros.day]
        return steps.first { length / $0 < 2000 } ?? Micros.week
    }
}
