// RunningMean and RunningVariance: River's `stats.Mean` / `stats.Var` (Welford) with the same operation
// order, so detectors built on them reach exactly the same floating-point values as River's.

/// Incremental mean: `mean += (1 / n) * (x - mean)`, as `river.stats.Mean.update` with weight 1.
struct RunningMean: Sendable, Equatable {
    var count: Double = 0
    var mean: Double = 0

    mutating func add(_ x: Double) {
        count += 1
        mean += (1 / count) * (x - mean)
    }
}

/// Welford's running variance with 1 degree of freedom, as `river.stats.Var` (ddof = 1).
struct RunningVariance: Sendable, Equatable {
    var running = RunningMean()
    var sumOfSquares: Double = 0

    var count: Double { running.count }
    var mean: Double { running.mean }

    mutating func add(_ x: Double) {
        let oldMean = running.mean
        running.add(x)
        sumOfSquares += (x - oldMean) * (x - running.mean)
    }

    /// Sample variance, or 0 with fewer than two values (River's convention).
    var variance: Double { count > 1 ? sumOfSquares / (count - 1) : 0 }
}
