// LogisticRegression: binary and multinomial (softmax) logistic regression with the objective of
// scikit-learn's default `LogisticRegression()`:  Σᵢ −log p(yᵢ | xᵢ) + (λ/2) Σ‖w‖²,  λ = 1/C = 1, intercepts
// unpenalised. Fitted by Newton's method (IRLS) with a backtracking line search, solving each Newton system
// by Cholesky, to a gradient norm near machine precision — quadratic convergence makes a tight tolerance
// cheap, and the answer is the unique penalised optimum that L-BFGS approximates. Multinomial models keep
// one coefficient row per class and centre the intercepts to sum to 0 (the optimum is unique up to that
// shift; scikit-learn's L-BFGS, started at 0, lands on the same centred point).
//
// Incremental `update(with:)` is SGD on each new row's log loss plus its share λ/N of the penalty,
// with scikit-learn's "invscaling" schedule η_t = learningRate / t^0.25 (t = 1, 2, … counts SGD steps).
// Each weight's loss gradient is divided by its feature's training variance — SGD in standardised
// coordinates — so a feature measured in tens of thousands (an income) does not make the steps diverge.
import Foundation

public struct LogisticRegression: Sendable, Equatable, Codable {
    public let target: String
    public let encoder: FeatureEncoder
    public let classes: ClassLabels
    /// λ in the objective above (scikit-learn's 1/C).
    public let l2: Double
    /// Intercept then one coefficient per encoded feature: one row for a binary model (log-odds of
    /// `classes.labels[1]`), one row per class for a multinomial model.
    public private(set) var coefficients: Matrix
    /// η₀ of the SGD schedule used by `update(with:)`.
    public var learningRate: Double = 0.01
    public private(set) var rowsSeen: Int
    public private(set) var sgdSteps = 0
    /// Training variance of each encoded feature (1 where it is 0), the preconditioner of `update(with:)`.
    public private(set) var featureVariances: [Double]

    public init(fitting frame: DataFrame, target: String, features: [String]? = nil, l2: Double = 1,
                maxIterations: Int = 100) throws {
        guard l2 >= 0 && l2.isFinite else { throw DataError("l2 must be a non-negative number, got \(l2)") }
        guard frame.rowCount > 0 else { throw DataError("cannot fit a model on an empty frame") }
        let targetColumn = try frame.requiredColumn(target)
        let classes = try ClassLabels(fitting: targetColumn, name: target)
        let labels = try classes.indices(of: targetColumn, name: target)
        let encoder = try FeatureEncoder(fitting: frame, columns: features ?? frame.featureNames(excluding: target))
        let x = try encoder.encode(frame)
        self.target = target
        self.encoder = encoder
        self.classes = classes
        self.l2 = l2
        self.rowsSeen = x.rows
        self.featureVariances = LogisticRegression.variances(of: x)
        let rowsOfTheta = classes.count == 2 ? 1 : classes.count
        // Newton's method keeps a Hessian of (classes × features)² cells, and a copy to solve with.
        let thetaSize = Double(rowsOfTheta) * Double(x.columns + 1)
        try MemoryLimit.reserve(thetaSize * thetaSize * 16, for: "a Hessian of \(Int(thetaSize)) × \(Int(thetaSize)) coefficients")
        self.coefficients = Matrix(rows: rowsOfTheta, columns: x.columns + 1)
        try newton(x, labels, maxIterations: maxIterations)
    }

    public var intercepts: [Double] { (0..<coefficients.rows).map { coefficients[$0, 0] } }

    // MARK: Objective

    /// Penalised negative log-likelihood, its gradient and (optionally) Hessian at theta (flattened rows).
    /// The binary case runs on every core (BinaryLogisticObjective); the multinomial loop is here.
    private func objective(_ theta: [Double], _ x: Matrix, _ y: [Int], hessian: Bool)
        throws -> (value: Double, gradient: [Double], hessian: [Double]) {
        let p = x.columns + 1, rowsOfTheta = coefficients.rows, size = rowsOfTheta * p
        if rowsOfTheta == 1 {
            var (value, gradient, h) = try BinaryLogisticObjective.evaluate(theta, x, y, hessian: hessian)
            return try finish(theta, x, value: &value, gradient: &gradient, hessian: &h, hessianWanted: hessian)
        }
        var value = 0.0
        var gradient = [Double](repeating: 0, count: size)
        var h = [Double](repeating: 0, count: hessian ? size * size : 0)
        var features = [Double](repeating: 1, count: p)
        var scores = [Double](repeating: 0, count: rowsOfTheta)
        var probabilities = [Double](repeating: 0, count: max(rowsOfTheta, 2))
        for i in 0..<x.rows {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            for j in 1..<p { features[j] = x.values[i * x.columns + j - 1] }
            for k in 0..<rowsOfTheta {
                var s = 0.0
                for j in 0..<p { s += theta[k * p + j] * features[j] }
                scores[k] = s
            }
            let top = scores.max() ?? 0
            var total = 0.0
            for k in 0..<rowsOfTheta { probabilities[k] = exp(scores[k] - top); total += probabilities[k] }
            value += log(total) + top - scores[y[i]]
            for k in 0..<rowsOfTheta { probabilities[k] /= total }
            for k in 0..<rowsOfTheta {
                let residual = probabilities[k] - (y[i] == k ? 1 : 0)
                for j in 0..<p { gradient[k * p + j] += residual * features[j] }
            }
            if hessian {
                for k in 0..<rowsOfTheta {
                    for l in k..<rowsOfTheta {
                        let w = probabilities[k] * ((k == l ? 1 : 0) - probabilities[l])
                        for a in 0..<p where features[a] != 0 {
                            let wa = w * features[a]
                            let row = (k * p + a) * size + l * p
                            for b in 0..<p { h[row + b] += wa * features[b] }
                        }
                    }
                }
            }
        }
        return try finish(theta, x, value: &value, gradient: &gradient, hessian: &h, hessianWanted: hessian)
    }

    /// Adds the L2 penalty to the data term, and completes the Hessian from its upper triangle.
    private func finish(_ theta: [Double], _ x: Matrix, value: inout Double, gradient: inout [Double], hessian h: inout [Double],
                        hessianWanted hessian: Bool) throws -> (value: Double, gradient: [Double], hessian: [Double]) {
        let p = x.columns + 1, rowsOfTheta = coefficients.rows, size = rowsOfTheta * p
        for k in 0..<rowsOfTheta {
            for j in 1..<p {
                let w = theta[k * p + j]
                value += 0.5 * l2 * w * w
                gradient[k * p + j] += l2 * w
            }
        }
        if hessian {
            // Mirror the upper triangle, add the penalty, and a tiny ridge on intercepts (their common
            // shift is free in the multinomial case; the gradient has no component along it).
            for a in 0..<size { for b in 0..<a { h[a * size + b] = h[b * size + a] } }
            for k in 0..<rowsOfTheta {
                for j in 0..<p {
                    let d = (k * p + j) * (size + 1)
                    h[d] += j == 0 ? (rowsOfTheta > 1 ? 1e-10 * Double(x.rows) + 1e-12 : 0) : l2
                }
            }
        }
        return (value, gradient, h)
    }

    private mutating func newton(_ x: Matrix, _ y: [Int], maxIterations: Int) throws {
        var theta = coefficients.values
        let size = theta.count
        var current = try objective(theta, x, y, hessian: true)
        var converged = false
        for _ in 0..<max(maxIterations, 1) {
            try Cancellation.check()
            var step: [Double]
            do {
                step = try LinearAlgebra.choleskySolve(current.hessian, n: size, current.gradient)
            } catch {
                throw DataError("logistic regression: the Newton system is singular (perfectly separable classes or a constant feature with l2 = 0?); use l2 > 0")
            }
            var scale = 1.0
            var candidate = theta
            var next = current
            var improved = false
            for _ in 0..<60 {
                for j in 0..<size { candidate[j] = theta[j] - scale * step[j] }
                next = try objective(candidate, x, y, hessian: true)
                if next.value <= current.value + 1e-4 * scale * zip(step, current.gradient).reduce(0) { $0 - $1.0 * $1.1 } + 1e-12 * abs(current.value) {
                    improved = true
                    break
                }
                scale *= 0.5
            }
            let largestStep = step.reduce(0) { max($0, abs($1)) } * scale
            let largestTheta = theta.reduce(0) { max($0, abs($1)) }
            if improved {
                theta = candidate
                current = next
            }
            if !improved || largestStep <= 1e-13 * (1 + largestTheta) {
                converged = true
                break
            }
        }
        let gradientNorm = current.gradient.reduce(0) { max($0, abs($1)) }
        if !converged && gradientNorm > 1e-6 * Double(max(x.rows, 1)) {
            throw DataError("logistic regression did not converge (are the classes perfectly separable? use l2 > 0)")
        }
        coefficients.values = theta
        centreIntercepts()
    }

    private mutating func centreIntercepts() {
        guard coefficients.rows > 1 else { return }
        let p = coefficients.columns
        for j in 0..<p {
            var mean = 0.0
            for k in 0..<coefficients.rows { mean += coefficients.values[k * p + j] }
            mean /= Double(coefficients.rows)
            if j == 0 {
                for k in 0..<coefficients.rows { coefficients.values[k * p + j] -= mean }
            }
        }
    }

    // MARK: Prediction

    /// Throws if a decoded model's tables do not fit together.
    func checkShape() throws {
        let expected = classes.count == 2 ? 1 : classes.count
        guard coefficients.rows == expected && coefficients.columns == encoder.encodedWidth + 1,
              featureVariances.count == encoder.encodedWidth, featureVariances.allSatisfy({ $0 > 0 }) else {
            throw DataError("logistic model: saved coefficients do not match its classes and features")
        }
    }

    /// Class probabilities, one row per row of `x` and one column per class.
    func probabilities(of x: Matrix) -> Matrix {
        let p = coefficients.columns, k = classes.count
        var result = Matrix(rows: x.rows, columns: k)
        var scores = [Double](repeating: 0, count: coefficients.rows)
        for i in 0..<x.rows {
            for r in 0..<coefficients.rows {
                var s = coefficients.values[r * p]
                for j in 1..<p { s += coefficients.values[r * p + j] * x.values[i * x.columns + j - 1] }
                scores[r] = s
            }
            if coefficients.rows == 1 {
                let z = scores[0]
                let positive = z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
                result.values[i * k] = 1 - positive
                result.values[i * k + 1] = positive
            } else {
                let top = scores.max() ?? 0
                var total = 0.0
                for r in 0..<k { let e = exp(scores[r] - top); result.values[i * k + r] = e; total += e }
                for r in 0..<k { result.values[i * k + r] /= total }
            }
        }
        return result
    }

    /// The probability of each class for every row: a frame with one numeric column per class.
    public func predictProbabilities(_ frame: DataFrame) throws -> DataFrame {
        try checkShape()
        return try probabilityFrame(probabilities(of: encoder.encode(frame)), classes: classes)
    }

    /// The most probable class of every row (first class on ties), as a column of the target's type.
    public func predict(_ frame: DataFrame) throws -> Column {
        try checkShape()
        let probabilities = probabilities(of: try encoder.encode(frame))
        return classes.column(for: argmaxRows(probabilities))
    }

    // MARK: Incremental learning

    /// One SGD pass over the rows of `frame`, in order (see the schedule in the header).
    public mutating func update(with frame: DataFrame) throws {
        try checkShape()
        let labels = try classes.indices(of: try frame.requiredColumn(target), name: target)
        let x = try encoder.encode(frame)
        let p = coefficients.columns, rowsOfTheta = coefficients.rows
        for i in 0..<x.rows {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            rowsSeen += 1
            sgdSteps += 1
            let rate = learningRate / pow(Double(sgdSteps), 0.25)
            let single = try Matrix(rows: 1, columns: x.columns, values: Array(x.row(i)))
            let probabilities = probabilities(of: single)
            let penalty = l2 / Double(rowsSeen)
            for r in 0..<rowsOfTheta {
                let k = rowsOfTheta == 1 ? 1 : r
                let residual = probabilities.values[k] - (labels[i] == k ? 1 : 0)
                coefficients.values[r * p] -= rate * residual
                for j in 1..<p {
                    let gradient = residual * single.values[j - 1] / featureVariances[j - 1] + penalty * coefficients.values[r * p + j]
                    coefficients.values[r * p + j] -= rate * gradient
                }
            }
        }
    }
}

/// The index of the largest entry of every row (the first on ties).
func argmaxRows(_ matrix: Matrix) -> [Int] {
    (0..<matrix.rows).map { i in
        var best = 0
        for k in 1..<max(matrix.columns, 1) where matrix[i, k] > matrix[i, best] { best = k }
        return best
    }
}

extension LogisticRegression {
    /// Population variance of each column of `x`, with 1 for constant columns.
    static func variances(of x: Matrix) -> [Double] {
        (0..<x.columns).map { j in
            var mean = 0.0
            for i in 0..<x.rows { mean += x[i, j] }
            mean /= Double(max(x.rows, 1))
            var sum = 0.0
            for i in 0..<x.rows { sum += (x[i, j] - mean) * (x[i, j] - mean) }
            let variance = sum / Double(max(x.rows, 1))
            return variance > 0 && variance.isFinite ? variance : 1
        }
    }
}
