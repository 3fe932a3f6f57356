// MaximumMeanDiscrepancy: the kernel two-sample test of Gretton et al. (2012) with a Gaussian RBF kernel and a
// permutation p-value. Hand-written (no library). Choices, fixed and documented:
// - Inputs over `MMDOptions.maximumSampleSize` values per side are subsampled without replacement by a seeded
//   Fisher–Yates shuffle (SeededGenerator), so results repeat exactly for the same seed.
// - Bandwidth (median heuristic, as Alibi Detect's `sigma_median`): σ² = ½ · median of the squared distances over
//   all pairs of the pooled sample; kernel k(x, y) = exp(-(x - y)² / (2σ²)). σ² falls back to 1 when the median is 0.
// - Statistic: the unbiased estimate MMD²_u (diagonal terms excluded).
// - p-value: (1 + #{permutations with MMD²_u >= observed}) / (permutations + 1), relabelling the pooled sample.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings of the MMD test.
public struct MMDOptions: Sendable, Equatable {
    public var permutations: Int
    public var seed: UInt64
    /// Largest number of values used from each sample.
    public var maximumSampleSize: Int

    public init(permutations: Int = 100, seed: UInt64 = 0, maximumSampleSize: Int = 1000) {
        self.permutations = permutations
        self.seed = seed
        self.maximumSampleSize = maximumSampleSize
    }
}

extension DriftTests {
    public static func maximumMeanDiscrepancy(
        _ pair: SamplePair, options: MMDOptions = MMDOptions(), threshold: Double = 0.05
    ) throws -> DriftTestResult {
        guard options.permutations >= 0, options.maximumSampleSize >= 2 else {
            throw DataError("mmd: permutations must be >= 0 and the sample cap >= 2")
        }
        try pair.requireFinite("mmd", reason: "its distances are not finite")
        let unit = pair.overflowScale
        let pair = pair.scaled(by: unit)  // the kernel is scale-free; the squared distances must not overflow
        var generator = SeededGenerator(seed: options.seed)
        let x = subsample(pair.reference, options.maximumSampleSize, &generator)
        let y = subsample(pair.current, options.maximumSampleSize, &generator)
        guard x.count >= 2, y.count >= 2 else {
            throw DataError("mmd needs at least two values in each sample after dropping missing values")
        }
        let pooled = x + y
        let n = pooled.count, nx = x.count
        var squaredDistances = [Double]()
        squaredDistances.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let d = pooled[i] - pooled[j]
                squaredDistances.append(d * d)
            }
        }
        try Cancellation.check()
        let median = Statistics.quantile(sortedPresent: try sortedCopy(squaredDistances), 0.5)
        let sigmaSquared = median > 0 ? median / 2 : 1
        var kernel = [Double](repeating: 1, count: n * n)
        kernel.withUnsafeMutableBufferPointer { k in
            let scale = -1 / (2 * sigmaSquared)
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let d = pooled[i] - pooled[j]
                    let value = exp(d * d * scale)
                    k[i * n + j] = value
                    k[j * n + i] = value
                }
            }
        }
        var labels = [Bool](repeating: false, count: n)
        for i in 0..<nx { labels[i] = true }
        let observed = unbiasedMMD(kernel, labels, nx)
        var atLeast = 0
        for _ in 0..<options.permutations {
            try Cancellation.check()
            labels.shuffle(using: &generator)
            if unbiasedMMD(kernel, labels, nx) >= observed { atLeast += 1 }
        }
        let p = Double(atLeast + 1) / Double(options.permutations + 1)
        return pair.result("mmd", statistic: observed, pValue: p, threshold: threshold,
                           details: ["bandwidth": sigmaSquared.squareRoot() / unit, "permutations": Double(options.permutations),
                                     "reference_used": Double(x.count), "current_used": Double(y.count)])
    }

    private static func sortedCopy(_ values: [Double]) throws -> [Double] {
        var copy = values
        try copy.sortAscending()
        return copy
    }

    private static func subsample(_ values: [Double], _ cap: Int, _ generator: inout SeededGenerator) -> [Double] {
        guard values.count > cap else { return values }
        var copy = values
        for i in 0..<cap {
            let j = Int.random(in: i..<copy.count, using: &generator)
            copy.swapAt(i, j)
        }
        return Array(copy[0..<cap])
    }

    /// MMD²_u = mean k(x, x') + mean k(y, y') - 2 mean k(x, y), off-diagonal means for the within terms.
    private static func unbiasedMMD(_ kernel: [Double], _ isX: [Bool], _ nx: Int) -> Double {
        let n = isX.count, ny = n - nx
        var xx = 0.0, yy = 0.0, xy = 0.0
        kernel.withUnsafeBufferPointer { k in
            isX.withUnsafeBufferPointer { labels in
                for i in 0..<n {
                    let row = i * n
                    let li = labels[i]
                    var sameSum = 0.0, otherSum = 0.0
                    for j in 0..<n where j != i {
                        if labels[j] == li { sameSum += k[row + j] } else { otherSum += k[row + j] }
                    }
                    if li { xx += sameSum } else { yy += sameSum }
                    xy += otherSum
                }
            }
        }
        let dx = Double(nx), dy = Double(ny)
        return xx / (dx * (dx - 1)) + yy / (dy * (dy - 1)) - xy / (dx * dy)
    }
}
