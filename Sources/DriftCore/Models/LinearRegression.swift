// LinearRegression: ordinary least squares with an unpenalised intercept, optionally ridge (L2).
// Solved by Householder QR with column pivoting (minimum-norm solution when features are collinear, as
// numpy.linalg.lstsq gives); ridge stacks √λ·I under the non-intercept columns, the textbook augmented
// least-squares formulation, which avoids forming XᵀX and squaring the condition number.

public struct LinearRegression: Sendable, Equatable, Codable {
    public let target: String
    public let encoder: FeatureEncoder
    /// Ridge penalty λ in  Σ (y − ŷ)² + λ ‖w‖²  (the intercept is not penalised). 0 is ordinary least squares.
    public let l2: Double
    public private(set) var intercept: Double
    /// One coefficient per encoded feature (`encoder.encodedNames`).
    public private(set) var coefficients: [Double]

    /// Fits `target` on `features` (default: every other column).
    public init(fitting frame: DataFrame, target: String, features: [String]? = nil, l2: Double = 0) throws {
        guard l2 >= 0 && l2.isFinite else { throw DataError("l2 must be a non-negative number, got \(l2)") }
        guard frame.rowCount > 0 else { throw DataError("cannot fit a model on an empty frame") }
        let y = try regressionTarget(frame, target)
        let encoder = try FeatureEncoder(fitting: frame, columns: features ?? frame.featureNames(excluding: target))
        let x = try encoder.encode(frame)
        let n = x.rows, p = x.columns
        let extra = l2 > 0 ? p : 0
        // The design matrix with its intercept column, and the solver's copy of it.
        try MemoryLimit.reserve(Double(n + extra) * Double(p + 1) * 16, for: "a design matrix of \(n + extra) rows × \(p + 1) columns")
        var design = Matrix(rows: n + extra, columns: p + 1)
        for i in 0..<n {
            design.values[i * (p + 1)] = 1
            for j in 0..<p { design.values[i * (p + 1) + j + 1] = x.values[i * p + j] }
        }
        for j in 0..<extra { design.values[(n + j) * (p + 1) + j + 1] = l2.squareRoot() }
        let solution = try LinearAlgebra.leastSquares(design, y + [Double](repeating: 0, count: extra))
        self.target = target
        self.encoder = encoder
        self.l2 = l2
        self.intercept = solution[0]
        self.coefficients = Array(solution[1...])
    }

    public func predict(_ frame: DataFrame) throws -> [Double] {
        let x = try encoder.encode(frame)
        guard coefficients.count == x.columns else { throw DataError("linear model: saved coefficients do not match its features") }
        return (0..<x.rows).map { i in
            var sum = intercept
            for j in 0..<x.columns { sum += coefficients[j] * x.values[i * x.columns + j] }
            return sum
        }
    }
}
