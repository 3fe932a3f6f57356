// ReconstructionPCA: scikit-learn's StandardScaler followed by PCA(n_components=0.65), fitted on the reference
// columns, and each row's reconstruction error ‖x − x̂‖ in the standardised space — what NannyML's data
// reconstruction drift averages per chunk. Fitted from the rows, or from their sufficient statistics
// (ReconstructionStatistics: a table's, computed in the database), which give the same scaling and covariance.

public struct ReconstructionPCA: Sendable {
    /// Each column's mean and population standard deviation (1 when constant).
    public let scale: [(mean: Double, sd: Double)]
    /// The standardised reference's column means (PCA centres on them; 0 up to rounding).
    public let centre: [Double]
    /// The kept principal axes, unit vectors, largest variance first.
    public let components: [[Double]]

    init(reference columns: [[Double]], rows n: Int) throws {
        let d = columns.count
        let scale = columns.map { values in
            let mean = values.reduce(0, +) / Double(n)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
            return (mean: mean, sd: sd == 0 ? 1 : sd)
        }
        let standardised = zip(columns, scale).map { values, s in values.map { ($0 - s.mean) / s.sd } }
        let centre = standardised.map { $0.reduce(0, +) / Double(n) }
        var covariance = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            try Cancellation.check()
            for j in i..<d {
                var sum = 0.0
                for r in 0..<n { sum += (standardised[i][r] - centre[i]) * (standardised[j][r] - centre[j]) }
                covariance[i * d + j] = sum / Double(n - 1)
                covariance[j * d + i] = covariance[i * d + j]
            }
        }
        try self.init(scale: scale, centre: centre, covariance: covariance)
    }

    /// Fitted from the reference's sufficient statistics: each column's mean, and the sums of products of the
    /// columns' deviations from their means (a missing value imputed with the mean deviating by 0). The
    /// standardised columns' covariance is then Σ dᵢdⱼ / (sdᵢ sdⱼ (n − 1)), sd² = Σ d² / n, centred on 0.
    init(_ statistics: ReconstructionStatistics) throws {
        let (d, n) = (statistics.means.count, Double(statistics.rows))
        let scale = (0..<d).map { j in
            let sd = (statistics.products[j][j] / n).squareRoot()
            return (mean: statistics.means[j], sd: sd == 0 ? 1 : sd)
        }
        var covariance = [Double](repeating: 0, count: d * d)
        for i in 0..<d {
            for j in 0..<d { covariance[i * d + j] = statistics.products[i][j] / (scale[i].sd * scale[j].sd) / (n - 1) }
        }
        try self.init(scale: scale, centre: [Double](repeating: 0, count: d), covariance: covariance)
    }

    /// Keeps the fewest principal axes of `covariance` (d × d, row-major) explaining more than 65% of the variance.
    private init(scale: [(mean: Double, sd: Double)], centre: [Double], covariance: [Double]) throws {
        let (values, vectors) = try SymmetricEigen.decompose(covariance, dimension: scale.count)
        let total = values.reduce(0, +)
        // scikit-learn keeps searchsorted(cumulative ratios, 0.65, side="right") + 1 components.
        var kept = 0, cumulative = 0.0
        while kept < scale.count {
            cumulative += values[kept] / total
            kept += 1
            if cumulative > ReconstructionDrift.explainedVariance { break }
        }
        self.scale = scale
        self.centre = centre
        components = Array(vectors.prefix(kept))
    }

    /// Each row's distance from its reconstruction, for columns of `rows` values.
    func errors(_ columns: [[Double]], rows n: Int) throws -> [Double] {
        let d = columns.count
        var errors = [Double](repeating: 0, count: n)
        var x = [Double](repeating: 0, count: d)
        for r in 0..<n {
            if r % 65_536 == 0 { try Cancellation.check() }
            for j in 0..<d { x[j] = (columns[j][r] - scale[j].mean) / scale[j].sd - centre[j] }
            var residual = x
            for axis in components {
                var projection = 0.0
                for j in 0..<d { projection += axis[j] * x[j] }
                for j in 0..<d { residual[j] -= projection * axis[j] }
            }
            errors[r] = residual.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        return errors
    }
}
