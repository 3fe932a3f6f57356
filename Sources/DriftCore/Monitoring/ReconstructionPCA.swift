// ReconstructionPCA: scikit-learn's StandardScaler followed by PCA(n_components=0.65), fitted on the reference
// columns, and each row's reconstruction error ‖x − x̂‖ in the standardised space — what NannyML's data
// reconstruction drift averages per chunk.

struct ReconstructionPCA {
    let scale: [(mean: Double, sd: Double)]
    /// The standardised reference's column means (PCA centres on them).
    let centre: [Double]
    /// The kept principal axes, unit vectors, largest variance first.
    let components: [[Double]]

    init(reference columns: [[Double]], rows n: Int) throws {
        let d = columns.count
        scale = columns.map { values in
            let mean = values.reduce(0, +) / Double(n)
            let sd = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
            return (mean, sd == 0 ? 1 : sd)
        }
        let standardised = zip(columns, scale).map { values, s in values.map { ($0 - s.mean) / s.sd } }
        centre = standardised.map { $0.reduce(0, +) / Double(n) }
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
        let (values, vectors) = try SymmetricEigen.decompose(covariance, dimension: d)
        let total = values.reduce(0, +)
        // scikit-learn keeps searchsorted(cumulative ratios, 0.65, side="right") + 1 components.
        var kept = 0, cumulative = 0.0
        while kept < d {
            cumulative += values[kept] / total
            kept += 1
            if cumulative > ReconstructionDrift.explainedVariance { break }
        }
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
