// Moments: count, mean, sum of squared deviations, min and max of numeric values, mergeable with Chan, Golub &
// LeVeque's parallel update. Each batch (a chunk of a file) is summarised with the same compensated two-pass
// sums as `Statistics.mean` / `Statistics.variance`; batches are then merged, so a streamed mean or variance
// agrees with the in-memory one to a few ulps (not bit for bit: the grouping of the additions differs).

/// The first two moments and the range of the present (non-NaN) values seen so far.
public struct Moments: Sendable, Equatable {
    public private(set) var count = 0
    public private(set) var mean = Double.nan
    /// Σ (x − mean)²; the sample variance is this over count − 1.
    public private(set) var squaredDeviations = 0.0
    public private(set) var minimum = Double.nan
    public private(set) var maximum = Double.nan

    public init() {}

    /// The moments of one batch of values (NaN is missing and skipped).
    public init(_ values: [Double]) {
        count = values.count { !$0.isNaN }
        guard count > 0 else { return }
        mean = Statistics.mean(values)
        squaredDeviations = count > 1 ? Statistics.variance(values) * Double(count - 1) : 0
        if squaredDeviations.isNaN, mean.isFinite { squaredDeviations = 0 }
        minimum = Statistics.min(values)
        maximum = Statistics.max(values)
    }

    /// Moments computed elsewhere (a database's aggregates): `squaredDeviations` is Σ (x − mean)².
    public init(count: Int, mean: Double, squaredDeviations: Double, minimum: Double, maximum: Double) {
        self.count = count
        guard count > 0 else { return }
        self.mean = mean
        self.squaredDeviations = count > 1 ? squaredDeviations : 0
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The sample variance (divisor n − 1); NaN for fewer than two values.
    public var variance: Double { count > 1 ? squaredDeviations / Double(count - 1) : .nan }
    /// The sample standard deviation (divisor n − 1).
    public var standardDeviation: Double { variance.squareRoot() }
    /// The population variance (divisor n), used to normalise the Wasserstein distance.
    public var populationVariance: Double { count > 1 ? squaredDeviations / Double(count) : 0 }

    /// Adds another batch's moments: mean and squared deviations by Chan et al.'s pairwise formulas.
    public mutating func merge(_ other: Moments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let n1 = Double(count), n2 = Double(other.count), n = n1 + n2
        let delta = other.mean - mean
        let merged = mean + delta * (n2 / n)
        squaredDeviations += other.squaredDeviations + delta * delta * (n1 * n2 / n)
        mean = delta.isFinite ? merged : (mean + other.mean)  // inf − inf stays NaN, as numpy's mean
        count += other.count
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }
}
