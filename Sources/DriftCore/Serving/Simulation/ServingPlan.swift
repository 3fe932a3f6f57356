// ServingPlan: how one strategy serves in the serving simulator — online (a model server scoring each
// request, updated on a schedule), offline (a batch job that retrains and precomputes a prediction per
// entity; requests look it up) or triggered (offline, plus a run when a detector on the realized errors
// fires) — with the serving capacity it has. Lengths of time are microseconds.

public struct ServingPlan: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case online, offline, triggered
    }

    /// What an offline request gets for an entity the last batch did not know.
    public enum Fallback: Sendable, Equatable {
        /// The training window's majority class (or mean).
        case prior
        /// The majority class (or mean) of the request's segment in the training window; the prior for a
        /// segment the window never saw.
        case segmentMean(column: String)
    }

    /// Replicas added under load: at most `max`, each ready `delay` after it is asked for.
    public struct Autoscale: Sendable, Equatable {
        public var max: Int
        public var delay: Int64

        public init(max: Int, delay: Int64) {
            self.max = max
            self.delay = delay
        }
    }

    public var kind: Kind
    /// The strategy's name in the results (its kind unless given).
    public var name: String
    /// Online: how often the model learns the labels that arrived; offline and triggered: how often the
    /// batch job runs.
    public var every: Int64
    /// How far back training looks (offline runs, the first model, and online models that cannot learn
    /// incrementally).
    public var window: Int64
    public var replicas: Int
    public var autoscale: Autoscale?
    /// Online: features are read from a store that is this far behind the request.
    public var featureLag: Int64
    public var sloMilliseconds: Double
    /// Modelled time per request on top of the measured scoring or lookup: network, feature fetch.
    public var overheadMilliseconds: Double
    public var fallback: Fallback
    /// Triggered: makes the detector that watches the realized per-row errors.
    public var detector: (@Sendable () throws -> any DriftDetector)?

    public init(kind: Kind, name: String? = nil, every: Int64, window: Int64 = 30 * Micros.day, replicas: Int? = nil,
                autoscale: Autoscale? = nil, featureLag: Int64 = 0, sloMilliseconds: Double = 50,
                overheadMilliseconds: Double? = nil, fallback: Fallback = .prior,
                detector: (@Sendable () throws -> any DriftDetector)? = nil) {
        self.kind = kind
        self.name = name ?? kind.rawValue
        self.every = every
        self.window = window
        self.replicas = replicas ?? (kind == .online ? 2 : 1)
        self.autoscale = autoscale
        self.featureLag = featureLag
        self.sloMilliseconds = sloMilliseconds
        self.overheadMilliseconds = overheadMilliseconds ?? (kind == .online ? Self.onlineOverhead : Self.lookupOverhead)
        self.fallback = fallback
        self.detector = detector
    }

    /// The default modelled overheads: a request to a model server (network and a feature-store read), and a
    /// key-value lookup of a precomputed prediction.
    public static let onlineOverhead = 5.0
    public static let lookupOverhead = 1.0

    /// Whether requests are answered by scoring a model (rather than by a lookup).
    public var scoresRequests: Bool { kind == .online }
}

/// How requests arrive: a Poisson process whose rate follows the hour of the day and rises in spikes.
public struct TrafficPlan: Sendable, Equatable {
    public struct Spike: Sendable, Equatable {
        public var at: Int64
        public var factor: Double
        public var length: Int64

        public init(at: Int64, factor: Double, length: Int64) {
            self.at = at
            self.factor = factor
            self.length = length
        }

        public func contains(_ micros: Int64) -> Bool { micros >= at && micros < at + length }
    }

    public var ratePerSecond: Double
    /// 24 multipliers of the rate, one per hour of the day (UTC).
    public var dailyProfile: [Double]
    public var spikes: [Spike]

    public init(ratePerSecond: Double, dailyProfile: [Double] = Array(repeating: 1, count: 24), spikes: [Spike] = []) {
        self.ratePerSecond = ratePerSecond
        self.dailyProfile = dailyProfile
        self.spikes = spikes
    }

    /// The arrival rate per second at `micros`.
    public func rate(at micros: Int64) -> Double {
        let hour = Int(micros.floorModulo(Micros.day) / Micros.hour)
        return spikes.reduce(ratePerSecond * dailyProfile[hour]) { rate, spike in spike.contains(micros) ? rate * spike.factor : rate }
    }

    /// The first instant after `micros` at which the rate may change: the next hour or a spike's edge.
    func nextChange(after micros: Int64) -> Int64 {
        var next = micros - micros.floorModulo(Micros.hour) + Micros.hour
        for spike in spikes {
            if spike.at > micros { next = min(next, spike.at) }
            if spike.at + spike.length > micros { next = min(next, spike.at + spike.length) }
        }
        return next
    }
}
