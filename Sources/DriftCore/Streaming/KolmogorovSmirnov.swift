// Two-sample Kolmogorov–Smirnov test for samples of equal size n, with the exact two-sided p-value
// P(D ≥ h/n) computed as SciPy's `ks_2samp(method="exact")` does (`_compute_prob_outside_square`:
// the alternating reflection series of binomial ratios evaluated Horner-style). Hand-written for KSWIN.

enum KolmogorovSmirnov {
    /// The statistic D = h/n and its exact two-sided p-value. Both samples must have the same non-zero size.
    static func equalSizeTest(_ first: [Double], _ second: [Double]) -> (statistic: Double, pValue: Double) {
        let n = first.count
        let a = first.sorted(), b = second.sorted()
        // Largest |ECDF_a − ECDF_b| over all observed points, counted in units of 1/n.
        var i = 0, j = 0, h = 0
        while i < n || j < n {
            let x = Swift.min(i < n ? a[i] : .infinity, j < n ? b[j] : .infinity)
            while i < n && a[i] <= x { i += 1 }
            while j < n && b[j] <= x { j += 1 }
            h = Swift.max(h, abs(i - j))
        }
        if h == 0 { return (0, 1) }
        return (Double(h) / Double(n), Swift.min(Swift.max(probabilityOutsideSquare(n: n, h: h), 0), 1))
    }

    /// P(D_{n,n} ≥ h/n) = 2 (A0 − A0 A1 + ...), as SciPy computes it.
    static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var p = 0.0
        var k = n / h
        while k >= 0 {
            var term = 1.0
            for j in 0..<h {
                term = Double(n - k * h - j) * term / Double(n + k * h + j + 1)
            }
            p = term * (1.0 - p)
            k -= 1
        }
        return 2 * p
    }
}
