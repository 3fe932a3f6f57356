// BinaryLogisticObjective: the data term of binary logistic regression — negative log-likelihood, its
// gradient and the upper triangle of its Hessian — over row chunks on every core. This pass is almost
// all of the time a fit takes; the penalty is added by LogisticRegression.
import Foundation

enum BinaryLogisticObjective {
    /// Rows per chunk; chunks are summed in order, so a result does not depend on scheduling.
    static let chunkRows = 65_536

    static func evaluate(_ theta: [Double], _ x: Matrix, _ y: [Int], hessian: Bool) throws
        -> (value: Double, gradient: [Double], hessian: [Double]) {
        let p = x.columns + 1
        let chunks = max(1, (x.rows + chunkRows - 1) / chunkRows)
        let partials = concurrentMap(chunks) { chunk in
            let rows = chunk * chunkRows..<min(x.rows, (chunk + 1) * chunkRows)
            // After an interrupt the remaining chunks sum nothing; the check below then throws.
            return accumulate(theta, x, y, rows: Cancellation.isRequested ? rows.prefix(0) : rows, hessian: hessian)
        }
        try Cancellation.check()
        var value = 0.0
        var gradient = [Double](repeating: 0, count: p)
        var h = [Double](repeating: 0, count: hessian ? p * p : 0)
        for part in partials {
            value += part.value
            for j in 0..<p { gradient[j] += part.gradient[j] }
            for j in h.indices { h[j] += part.hessian[j] }
        }
        return (value, gradient, h)
    }

    private static func accumulate(_ theta: [Double], _ x: Matrix, _ y: [Int], rows: Range<Int>, hessian: Bool)
        -> (value: Double, gradient: [Double], hessian: [Double]) {
        let p = x.columns + 1, columns = x.columns
        var value = 0.0
        var gradient = [Double](repeating: 0, count: p)
        var h = [Double](repeating: 0, count: hessian ? p * p : 0)
        var features = [Double](repeating: 1, count: p)
        theta.withUnsafeBufferPointer { theta in
            x.values.withUnsafeBufferPointer { values in
                gradient.withUnsafeMutableBufferPointer { gradient in
                    h.withUnsafeMutableBufferPointer { h in
                        features.withUnsafeMutableBufferPointer { features in
                            for i in rows {
                                var z = theta[0]
                                for j in 1..<p {
                                    let feature = values[i * columns + j - 1]
                                    features[j] = feature
                                    z += theta[j] * feature
                                }
                                let positive = y[i] == 1
                                // −log σ(z) for the positive class, −log σ(−z) for the negative, and σ(z),
                                // all computed stably from the one exponential e^−|z|.
                                let margin = positive ? z : -z
                                let e = exp(-abs(z))
                                value += (margin > 0 ? 0 : -margin) + log1p(e)
                                let probability = z >= 0 ? 1 / (1 + e) : e / (1 + e)
                                let residual = probability - (positive ? 1 : 0)
                                for j in 0..<p { gradient[j] += residual * features[j] }
                                if hessian {
                                    let w = probability * (1 - probability)
                                    for a in 0..<p where features[a] != 0 {
                                        let wa = w * features[a]
                                        for b in a..<p { h[a * p + b] += wa * features[b] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (value, gradient, h)
    }
}
