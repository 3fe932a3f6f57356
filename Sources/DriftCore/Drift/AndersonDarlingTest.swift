// AndersonDarlingTest: the k-sample Anderson–Darling test (Scholz & Stephens 1987), ported from
// scipy.stats.anderson_ksamp (midrank variant, eq. 7), including its standardization and its p-value from a
// quadratic fit of log significance to the tabulated critical values, capped to [0.001, 0.25] as scipy does.
// Hand-written so the statistic comes from one merged pass over the sorted samples (the drift test's two, or k).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension DriftTests {
    public static func andersonDarling(_ pair: SamplePair, threshold: Double = 0.05) throws -> DriftTestResult {
        let (statistic, p) = try andersonDarlingStatistic([pair.reference, pair.current])
        return pair.result("anderson_test", statistic: statistic, pValue: p, threshold: threshold)
    }

    /// The k-sample test (k ≥ 2) on raw samples, the first being the reference: missing values are dropped and
    /// counted, the reference's as `referenceMissing`, the others' together as the current side's.
    public static func andersonDarling(samples: [[Double]], threshold: Double = 0.05) throws -> DriftTestResult {
        guard samples.count >= 2 else { throw DataError("anderson_test needs at least two samples, not \(samples.count)") }
        var sorted: [[Double]] = [], missing: [Int] = []
        for (index, sample) in samples.enumerated() {
            let (present, dropped) = try SamplePair.sortedPresent(sample)
            guard !present.isEmpty else {
                throw DataError("anderson_test: sample \(index + 1) is empty after dropping missing values")
            }
            sorted.append(present)
            missing.append(dropped)
        }
        let (statistic, p) = try andersonDarlingStatistic(sorted)
        return DriftTestResult(
            method: "anderson_test", statistic: statistic, pValue: p, threshold: threshold,
            referenceCount: sorted[0].count, currentCount: sorted.dropFirst().reduce(0) { $0 + $1.count },
            referenceMissing: missing[0], currentMissing: missing.dropFirst().reduce(0, +),
            details: samples.count > 2 ? ["samples": Double(samples.count)] : [:])
    }

    /// The standardized statistic T_kN (midranks, Scholz & Stephens' eq. 7) of k ascending, NaN-free, non-empty
    /// samples, and its p-value.
    static func andersonDarlingStatistic(_ samples: [[Double]]) throws -> (statistic: Double, pValue: Double) {
        let sizes = samples.map(\.count)
        let total = sizes.reduce(0, +)
        let n = Double(total)
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: samples.count)
        var distinct = 0
        var below = [Int](repeating: 0, count: samples.count)  // values of each sample under the current one
        var ties = below
        var before = 0
        while before < total {
            if distinct & 0xFFFF == 0xFFFF { try Cancellation.check() }
            var value = Double.nan
            for (i, sample) in samples.enumerated() where below[i] < sample.count {
                if value.isNaN || sample[below[i]] < value { value = sample[below[i]] }
            }
            var lTies = 0
            for (i, sample) in samples.enumerated() {
                var end = below[i]
                while end < sample.count && sample[end] == value { end += 1 }
                ties[i] = end - below[i]
                lTies += ties[i]
            }
            distinct += 1
            let lj = Double(lTies)
            let bj = Double(before) + lj / 2
            let denominator = bj * (n - bj) - n * lj / 4
            for i in samples.indices {
                let f = ties[i]
                let mij = Double(below[i] + f) - Double(f) / 2
                let deviation = n * mij - bj * Double(sizes[i])
                sums[i].add(lj / n * deviation * deviation / denominator)
                below[i] += f
            }
            before += lTies
        }
        guard distinct >= 2 else {
            throw DataError("anderson_test needs more than one distinct value across the samples")
        }
        guard total >= 4 else {
            throw DataError("anderson_test needs at least four values across the samples, not \(total) (its variance divides by N − 3)")
        }
        var a2kn = 0.0
        for i in samples.indices { a2kn += sums[i].value / Double(sizes[i]) }
        a2kn *= (n - 1) / n
        let k = Double(samples.count)
        var h0 = 0.0  // scipy's H
        for size in sizes { h0 += 1 / Double(size) }
        var cumulative = 0.0, g = 0.0
        for (index, j) in stride(from: total - 1, to: 1, by: -1).enumerated() {
            cumulative += 1 / Double(j)
            g += cumulative / Double(index + 2)
        }
        let h = cumulative + 1
        let a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * h0
        let b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * h0 - 8 * h + 4 * g - 6
        let c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * h0 + 4 * h
        let d = (2 * h + 6) * k * k - 4 * h * k
        let sigmaSquared = (a * n * n * n + b * n * n + c * n + d) / ((n - 1) * (n - 2) * (n - 3))
        let m = k - 1
        let statistic = (a2kn - m) / sigmaSquared.squareRoot()
        return (statistic, andersonDarlingPValue(statistic, m: m))
    }

    /// scipy's interpolation: fit log(significance) as a quadratic in the critical values; outside the table the
    /// p-value is capped at 0.25 or floored at 0.001.
    static func andersonDarlingPValue(_ statistic: Double, m: Double) -> Double {
        let b0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085]
        let b1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615]
        let b2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154]
        let significance = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001]
        let critical = (0..<7).map { b0[$0] + b1[$0] / m.squareRoot() + b2[$0] / m }
        if statistic < (critical.min() ?? 0) { return 0.25 }
        if statistic > (critical.max() ?? 0) { return 0.001 }
        if statistic.isNaN { return .nan }
        let fit = quadraticLeastSquares(x: critical, y: significance.map { log($0) })
        return exp(fit.0 * statistic * statistic + fit.1 * statistic + fit.2)
    }

    /// Least-squares y ≈ c2 x² + c1 x + c0 (as numpy.polyfit(x, y, 2)), by Householder QR on column-scaled
    /// Vandermonde columns for numerical stability.
    static func quadraticLeastSquares(x: [Double], y: [Double]) -> (Double, Double, Double) {
        let rows = x.count
        var columns = [x.map { $0 * $0 }, x, [Double](repeating: 1, count: rows)]
        let scales = columns.map { column in column.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        for j in 0..<3 { columns[j] = columns[j].map { $0 / scales[j] } }
        var rhs = y
        for j in 0..<3 {
            var norm = 0.0
            for i in j..<rows { norm += columns[j][i] * columns[j][i] }
            norm = norm.squareRoot()
            let alpha = columns[j][j] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: rows)
            for i in j..<rows { v[i] = columns[j][i] }
            v[j] -= alpha
            var vv = 0.0
            for i in j..<rows { vv += v[i] * v[i] }
            guard vv > 0 else { continue }
            for k in j..<3 {
                var dot = 0.0
                for i in j..<rows { dot += v[i] * columns[k][i] }
                let factor = 2 * dot / vv
                for i in j..<rows { columns[k][i] -= factor * v[i] }
            }
            var dot = 0.0
            for i in j..<rows { dot += v[i] * rhs[i] }
            let factor = 2 * dot / vv
            for i in j..<rows { rhs[i] -= factor * v[i] }
        }
        var solution = [0.0, 0.0, 0.0]
        for j in stride(from: 2, through: 0, by: -1) {
            var sum = rhs[j]
            for k in (j + 1)..<3 { sum -= columns[k][j] * solution[k] }
            solution[j] = sum / columns[j][j]
        }
        return (solution[0] / scales[0], solution[1] / scales[1], solution[2] / scales[2])
    }
}
