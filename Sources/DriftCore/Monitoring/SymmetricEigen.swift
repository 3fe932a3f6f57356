// SymmetricEigen: eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method — rotations
// that zero each off-diagonal element in turn until the off-diagonal mass is negligible. Accurate to rounding for
// the covariance matrices PCA needs (a few dozen columns); O(d³) per sweep, a handful of sweeps.

enum SymmetricEigen {
    /// The eigenpairs of the d × d symmetric `matrix` (row-major), largest eigenvalue first; `vectors[i]` is the
    /// unit eigenvector of `values[i]`.
    static func decompose(_ matrix: [Double], dimension d: Int) throws -> (values: [Double], vectors: [[Double]]) {
        var a = matrix
        var v = [Double](repeating: 0, count: d * d)
        for i in 0..<d { v[i * d + i] = 1 }
        for _ in 0..<100 {
            try Cancellation.check()
            var off = 0.0, diagonal = 0.0
            for i in 0..<d {
                diagonal += a[i * d + i] * a[i * d + i]
                for j in (i + 1)..<d { off += a[i * d + j] * a[i * d + j] }
            }
            if off <= 1e-30 * diagonal || off == 0 { break }
            for p in 0..<d {
                for q in (p + 1)..<d where a[p * d + q] != 0 {
                    rotate(&a, &v, d, p, q)
                }
            }
        }
        let order = (0..<d).sorted { a[$0 * d + $0] > a[$1 * d + $1] }
        return (order.map { a[$0 * d + $0] }, order.map { k in (0..<d).map { v[$0 * d + k] } })
    }

    /// One Jacobi rotation in the (p, q) plane that zeroes a[p][q]; v accumulates the rotations (columns).
    private static func rotate(_ a: inout [Double], _ v: inout [Double], _ d: Int, _ p: Int, _ q: Int) {
        let apq = a[p * d + q]
        let theta = (a[q * d + q] - a[p * d + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<d {
            let akp = a[k * d + p], akq = a[k * d + q]
            a[k * d + p] = c * akp - s * akq
            a[k * d + q] = s * akp + c * akq
        }
        for k in 0..<d {
            let apk = a[p * d + k], aqk = a[q * d + k]
            a[p * d + k] = c * apk - s * aqk
            a[q * d + k] = s * apk + c * aqk
        }
        for k in 0..<d {
            let vkp = v[k * d + p], vkq = v[k * d + q]
            v[k * d + p] = c * vkp - s * vkq
            v[k * d + q] = s * vkp + c * vkq
        }
    }
}
