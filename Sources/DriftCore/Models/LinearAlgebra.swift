// LinearAlgebra: the few dense solvers the models need — Householder QR with column pivoting and a
// minimum-norm least-squares solve (as LAPACK's xGELSY, which matches numpy.linalg.lstsq's answer for
// full-rank and rank-deficient problems), and Cholesky for the symmetric positive definite Newton systems.
// Golub & Van Loan, "Matrix Computations", §5.2 and §5.5. Hand-written: the core has no dependencies.
import Foundation

enum LinearAlgebra {
    /// Householder QR of a column-major m×n matrix `a` (overwritten with R above the diagonal and the
    /// reflectors below), optionally pivoting the column of largest remaining norm to the front.
    /// Returns the reflector coefficients, the column permutation and the numerical rank.
    private static func householder(
        _ a: inout [Double], m: Int, n: Int, pivot: Bool
    ) throws -> (tau: [Double], permutation: [Int], rank: Int) {
        var tau = [Double](repeating: 0, count: min(m, n))
        var permutation = Array(0..<n)
        var norms = (0..<n).map { j in columnNorm(a, m: m, column: j, from: 0) }
        let largest = norms.max() ?? 0
        var rank = 0
        for k in 0..<min(m, n) {
            if k & 63 == 63 { try Cancellation.check() }
            if pivot {
                var best = k
                for j in (k + 1)..<max(n, k + 1) where norms[j] > norms[best] { best = j }
                if best != k {
                    for i in 0..<m { a.swapAt(k * m + i, best * m + i) }
                    norms.swapAt(k, best)
                    permutation.swapAt(k, best)
                }
            }
            let norm = columnNorm(a, m: m, column: k, from: k)
            if norm <= 1e-13 * max(largest, 1e-300) * Double(max(m, n)) {
                if pivot { break }
                throw DataError("the design matrix is rank-deficient")
            }
            let alpha = a[k * m + k] > 0 ? -norm : norm
            // v = x - alpha e1, stored in place with v[0] implicit.
            let v0 = a[k * m + k] - alpha
            for i in (k + 1)..<m { a[k * m + i] /= v0 }
            tau[k] = -v0 / alpha
            a[k * m + k] = alpha
            for j in (k + 1)..<n {
                var dot = a[j * m + k]
                for i in (k + 1)..<m { dot += a[k * m + i] * a[j * m + i] }
                dot *= tau[k]
                a[j * m + k] -= dot
                for i in (k + 1)..<m { a[j * m + i] -= dot * a[k * m + i] }
                if pivot { norms[j] = columnNorm(a, m: m, column: j, from: k + 1) }
            }
            rank += 1
        }
        return (tau, permutation, rank)
    }

    private static func columnNorm(_ a: [Double], m: Int, column j: Int, from start: Int) -> Double {
        var scale = 0.0
        for i in start..<m { scale = max(scale, abs(a[j * m + i])) }
        if scale == 0 { return 0 }
        var sum = 0.0
        for i in start..<m { let t = a[j * m + i] / scale; sum += t * t }
        return scale * sum.squareRoot()
    }

    /// Applies Qᵀ (from `householder`) to vector b of length m.
    private static func applyQTranspose(_ a: [Double], m: Int, tau: [Double], count: Int, to b: inout [Double]) {
        for k in 0..<count {
            var dot = b[k]
            for i in (k + 1)..<m { dot += a[k * m + i] * b[i] }
            dot *= tau[k]
            b[k] -= dot
            for i in (k + 1)..<m { b[i] -= dot * a[k * m + i] }
        }
    }

    /// Minimum-norm least-squares solution of A x ≈ b for a row-major m×n matrix A.
    static func leastSquares(_ matrix: Matrix, _ b: [Double]) throws -> [Double] {
        let m = matrix.rows, n = matrix.columns
        guard m > 0 && n > 0 else { throw DataError("least squares needs at least one row and one column") }
        var a = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { a[j * m + i] = matrix.values[i * n + j] } }
        let (tau, permutation, rank) = try householder(&a, m: m, n: n, pivot: true)
        guard rank > 0 else { return [Double](repeating: 0, count: n) }
        var qtb = b
        applyQTranspose(a, m: m, tau: tau, count: rank, to: &qtb)
        var z = [Double](repeating: 0, count: n)
        if rank == n {
            for i in stride(from: n - 1, through: 0, by: -1) {
                var sum = qtb[i]
                for j in (i + 1)..<n { sum -= a[j * m + i] * z[j] }
                z[i] = sum / a[i * m + i]
            }
        } else {
            // [R11 R12] (rank×n) = R2ᵀ Q2ᵀ via QR of its transpose; x = Q2 R2⁻ᵀ c is the minimum-norm solution.
            var t = [Double](repeating: 0, count: n * rank)  // column-major n×rank
            for i in 0..<rank { for j in i..<n { t[i * n + j] = a[j * m + i] } }
            let (tau2, _, _) = try householder(&t, m: n, n: rank, pivot: false)
            var y = [Double](repeating: 0, count: n)
            for i in 0..<rank {  // solve R2ᵀ y = c (forward substitution)
                var sum = qtb[i]
                for j in 0..<i { sum -= t[i * n + j] * y[j] }
                y[i] = sum / t[i * n + i]
            }
            for k in stride(from: rank - 1, through: 0, by: -1) {  // y ← Q2 y
                var dot = y[k]
                for i in (k + 1)..<n { dot += t[k * n + i] * y[i] }
                dot *= tau2[k]
                y[k] -= dot
                for i in (k + 1)..<n { y[i] -= dot * t[k * n + i] }
            }
            z = y
        }
        var x = [Double](repeating: 0, count: n)
        for (position, column) in permutation.enumerated() { x[column] = z[position] }
        return x
    }

    /// Solves S x = b for a symmetric positive definite n×n row-major S by Cholesky (S = L Lᵀ).
    static func choleskySolve(_ s: [Double], n: Int, _ b: [Double]) throws -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = s[j * n + j]
            for k in 0..<j { diagonal -= l[j * n + k] * l[j * n + k] }
            guard diagonal > 0 && diagonal.isFinite else { throw DataError("the system is not positive definite") }
            let root = diagonal.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<n {
                var sum = s[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = sum / root
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i * n + k] * y[k] }
            y[i] /= l[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k * n + i] * y[k] }
            y[i] /= l[i * n + i]
        }
        return y
    }
}
