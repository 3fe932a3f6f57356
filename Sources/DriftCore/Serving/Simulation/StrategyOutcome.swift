// StrategyOutcome: one strategy's numbers from a serving simulation, on the seed's aspects — cost, latency,
// freshness, behaviour under spikes, use of resources and accuracy — and its timeline, one entry per step.
// Which numbers rest on measurements and which on the model is said where each is defined.

public struct StrategyOutcome: Sendable {
    public var plan: ServingPlan
    /// Requests answered (the traffic's, or the events' when there is no traffic).
    public var predictions: Int
    /// Labelled events answered, on which accuracy is measured.
    public var events: Int

    // Cost, in CPU-seconds: the serving replicas' provisioned time (modelled queueing, paid busy or idle),
    // and training and batch scoring (measured time per row × rows).
    public var servingCPUSeconds: Double
    public var trainingCPUSeconds: Double
    public var batchScoringCPUSeconds: Double
    public var costPer1k: Double
    public var costCPUSeconds: Double { servingCPUSeconds + trainingCPUSeconds + batchScoringCPUSeconds }

    /// Time to answer one request on a free replica: measured scoring (or lookup) plus the modelled overhead.
    public var serviceMilliseconds: Double
    public var latencyMilliseconds: (p50: Double, p95: Double, p99: Double)
    public var spikeP99Milliseconds: Double
    public var overSLO: Int
    public var replicasMax: Int
    public var utilisationMean: Double
    public var utilisationPeak: Double

    // Freshness in seconds, of the features and of the model (or precomputed prediction) that answered.
    public var featureAgeMean: Double
    public var featureAgeP95: Double
    public var modelAgeMean: Double
    public var modelAgeP95: Double

    /// Accuracy (or RMSE): overall, before and after the change, and on events of new entities (first seen
    /// after serving started, so in no first model's history); NaN where there are no such events.
    public var score: Double
    public var scoreBefore: Double
    public var scoreAfter: Double
    public var scoreNewEntities: Double
    public var fallbacks: Int
    public var runs: Int
    public var triggeredRuns: Int
    public var rowsTrained: Int

    public var timeline: [TimelineStep]
}

/// One step of a strategy's timeline.
public struct TimelineStep: Sendable, Equatable {
    public var start: Int64
    public var requests: Int
    public var p99Milliseconds: Double
    public var replicas: Int
    public var utilisation: Double
    /// Serving, training and batch scoring CPU-seconds spent in the step.
    public var cpuSeconds: Double
    /// Dollars spent from the start to the end of the step.
    public var cumulativeCost: Double
    public var score: Double
    public var modelAgeSeconds: Double
    public var fallbacks: Int
}
