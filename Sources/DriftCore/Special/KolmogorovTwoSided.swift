// KolmogorovTwoSided: P(D_n > x) for the two-sided one-sample Kolmogorov–Smirnov statistic (scipy.stats.kstwo.sf),
// which ks_2samp uses for large samples with n = round(n1·n2 / (n1 + n2)).
// Hand-written port of scipy/stats/_ksstats.py `_kolmogn` (Simard & L'Ecuyer 2011 algorithm selection):
// Ruben–Gambino closed forms at the ends, 2·smirnov for the upper tail, the Durbin matrix (Marsaglia, Tsang &
// Wang 2003), Pomeranz's recursion (1974), and the Pelz–Good asymptotic series (1976), chosen by n and n·x².
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SpecialFunctions {
    private static let scaleUp = 0x1p128
    private static let scaleDown = 0x1p-128

    /// P(D_n > x) where D_n = sup |F_n - F| for n observations from a continuous F.
    public static func kolmogorovSmirnovSurvival(n: Int, x: Double) throws(InterruptedError) -> Double {
        try kolmogorovSmirnovPair(n: n, x: x, wantCDF: false).1
    }

    /// P(D_n <= x) (scipy.stats.kstwo.cdf).
    public static func kolmogorovSmirnovCDF(n: Int, x: Double) throws(InterruptedError) -> Double {
        try kolmogorovSmirnovPair(n: n, x: x, wantCDF: true).0
    }

    private static func clip(_ p: Double) -> Double { Swift.min(1, Swift.max(0, p)) }

    /// (cdf, sf); only the one asked for is guaranteed accurate, as in scipy.
    private static func kolmogorovSmirnovPair(n: Int, x: Double, wantCDF: Bool) throws(InterruptedError) -> (Double, Double) {
        if x.isNaN || n <= 0 { return (.nan, .nan) }
        if x >= 1 { return (1, 0) }
        if x <= 0 { return (0, 1) }
        let nd = Double(n)
        let t = nd * x
        if t <= 1 {
            if t <= 0.5 { return (0, 1) }
            let probability: Double
            if n <= 140 {
                var product = 1.0
                for i in 1...n { product *= Double(i) * (1.0 / nd) * (2 * t - 1) }
                probability = product
            } else {
                probability = exp(logFactorialOverPower(n) + nd * log(2 * t - 1))
            }
            return (clip(probability), clip(1 - probability))
        }
        if t >= nd - 1 {
            let probability = 2 * pow(1 - x, nd)
            return (clip(1 - probability), clip(probability))
        }
        if x >= 0.5 {
            let probability = try 2 * smirnovSurvival(n: n, x: x)
            return (clip(1 - probability), clip(probability))
        }
        let nxSquared = t * x
        if n <= 140 {
            let cdfProbability: Double
            if nxSquared <= 0.754693 {
                cdfProbability = durbinMatrix(n: n, d: x)
            } else if nxSquared <= 4 {
                cdfProbability = pomeranz(n: n, x: x)
            } else {
                let probability = try 2 * smirnovSurvival(n: n, x: x)
                return (clip(1 - probability), clip(probability))
            }
            return (clip(cdfProbability), clip(1 - cdfProbability))
        }
        if !wantCDF {
            if nxSquared >= 370 { return (1, 0) }
            if nxSquared >= 2.2 {
                let probability = try 2 * smirnovSurvival(n: n, x: x)
                return (clip(1 - probability), clip(probability))
            }
        }
        let cdfProbability: Double
        if nxSquared >= 18 {
            cdfProbability = 1
        } else if n <= 100_000 && nd * pow(x, 1.5) <= 1.4 {
            cdfProbability = durbinMatrix(n: n, d: x)
        } else {
            cdfProbability = pelzGood(n: n, x: x)
        }
        return (clip(cdfProbability), clip(1 - cdfProbability))
    }

    /// log(n! / n^n) by Stirling's series (scipy's `_log_nfactorial_div_n_pow_n`).
    private static func logFactorialOverPower(_ n: Int) -> Double {
        let coefficients = [-2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
                            8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
                            -2.7777777777777777778e-3, 8.3333333333333333333e-2]
        let nd = Double(n)
        let rn = 1 / nd
        let u = rn / nd
        var poly = 0.0
        for c in coefficients { poly = poly * u + c }
        return log(nd) / 2 - nd + log(2 * Double.pi) / 2 + rn * poly
    }

    /// Pr(D_n <= d) by the Durbin matrix algorithm (Marsaglia, Tsang & Wang 2003), with binary powering and
    /// power-of-two rescaling.
    private static func durbinMatrix(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1
        var v = [Double](repeating: 0, count: m)
        var w = [Double](repeating: 0, count: m)
        var factorial = 1.0
        for j in 1...m {
            v[j - 1] = 1 - pow(h, Double(j))
            w[j - 1] = factorial
            factorial /= Double(j)
            v[j - 1] *= factorial
        }
        let tt = pow(Swift.max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + tt) * factorial
        var matrix = [Double](repeating: 0, count: m * m)  // row-major
        for i in 1..<m {
            for r in (i - 1)..<m { matrix[r * m + i] = w[r - (i - 1)] }
        }
        for r in 0..<m { matrix[r * m] = v[r] }
        for c in 0..<m { matrix[(m - 1) * m + c] = v[m - 1 - c] }
        var power = [Double](repeating: 0, count: m * m)
        for i in 0..<m { power[i * m + i] = 1 }
        var remaining = n
        var exponent = 0, matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = multiply(power, matrix, m)
                exponent += matrixExponent
            }
            matrix = multiply(matrix, matrix, m)
            matrixExponent *= 2
            if abs(matrix[(k - 1) * m + (k - 1)]) > scaleUp {
                for i in matrix.indices { matrix[i] /= scaleUp }
                matrixExponent += 128
            }
            remaining /= 2
        }
        var p = power[(k - 1) * m + (k - 1)]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < scaleDown {
                p *= scaleUp
                exponent -= 128
            }
        }
        return exponent != 0 ? scalbn(p, Int32(exponent)) : p
    }

    private static func multiply(_ a: [Double], _ b: [Double], _ m: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * m)
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    for i in 0..<m {
                        for l in 0..<m {
                            let x = a[i * m + l]
                            if x == 0 { continue }
                            for j in 0..<m { c[i * m + j] += x * b[l * m + j] }
                        }
                    }
                }
            }
        }
        return c
    }

    /// The interval of row i in Pomeranz's recursion (scipy's `_pomeranz_compute_j1j2`).
    private static func pomeranzBounds(_ i: Int, _ n: Int, _ ll: Int, _ ceilf: Int, _ roundf: Int) -> (Int, Int) {
        var j1: Int, j2: Int
        if i == 0 {
            j1 = -ll - ceilf - 1
            j2 = ll + ceilf - 1
        } else {
            let half = (i + 1) / 2, odd = (i + 1) % 2
            if odd == 0 {
                if half == n + 1 {
                    j1 = n - ll - ceilf - 1
                    j2 = n + ll + ceilf - 1
                } else {
                    j1 = half - 1 - ll - roundf - 1
                    j2 = half + ll - 1 + ceilf - 1
                }
            } else {
                j1 = half - 1 - ll - 1
                j2 = half + ll + roundf - 1
            }
        }
        return (Swift.max(j1 + 2, 0), Swift.min(j2, n))
    }

    /// Pr(D_n <= x) by Pomeranz's recursion (1974), as scipy's `_kolmogn_Pomeranz`.
    private static func pomeranz(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = Swift.min(f, 1 - f)
        let ceilf = f > 0 ? 1 : 0
        let roundf = f > 0.5 ? 1 : 0
        let powers = 2 * (ll + 1)
        var gPower = [Double](repeating: 1, count: powers)
        var twoGPower = [Double](repeating: 1, count: powers)
        var oneMinusTwoGPower = [Double](repeating: 1, count: powers)
        let nd = Double(n)
        for m in 1..<powers {
            gPower[m] = gPower[m - 1] * (g / nd) / Double(m)
            twoGPower[m] = twoGPower[m - 1] * (2 * g / nd) / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / nd) / Double(m)
        }
        var v0 = [Double](repeating: 0, count: powers)
        var v1 = [Double](repeating: 0, count: powers)
        v1[0] = 1
        var v0Start = 0, v1Start = 0
        var exponent = 0
        var (j1, j2) = pomeranzBounds(0, n, ll, ceilf, roundf)
        for i in 1...(2 * n + 1) {
            let k1 = j1
            swap(&v0, &v1)
            swap(&v0Start, &v1Start)
            for index in v1.indices { v1[index] = 0 }
            (j1, j2) = pomeranzBounds(i, n, ll, ceilf, roundf)
            let weights = (i == 1 || i == 2 * n + 1) ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            guard length > 0 else { continue }
            let sliceStart = k1 - v0Start
            let sliceEnd = Swift.min(sliceStart + length, powers)
            let convolutionStart = j1 - k1
            let convolutionLength = j2 - j1 + 1
            var largest = 0.0
            for out in 0..<Swift.max(0, convolutionLength) {
                let index = convolutionStart + out  // index into the full convolution
                var sum = 0.0
                var a = Swift.max(0, index - (length - 1))
                while a <= index && sliceStart + a < sliceEnd {
                    sum += v0[sliceStart + a] * weights[index - a]
                    a += 1
                }
                v1[out] = sum
                largest = Swift.max(largest, sum)
            }
            if largest > 0 && largest < scaleDown {
                for index in v1.indices { v1[index] *= scaleUp }
                exponent -= 128
            }
            v1Start = v0Start + j1 - k1
        }
        var answer = v1[n - v1Start]
        for m in 1...n {
            if abs(answer) > scaleUp {
                answer *= scaleDown
                exponent += 128
            }
            answer *= Double(m)
        }
        return exponent != 0 ? scalbn(answer, Int32(exponent)) : answer
    }

    /// Pr(D_n <= x) by the Pelz–Good asymptotic series (1976), as scipy's `_kolmogn_PelzGood`.
    private static func pelzGood(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let pi2 = Double.pi * Double.pi, pi4 = pi2 * pi2, pi6 = pi4 * pi2
        let z = Double(n).squareRoot() * x
        let z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2
        let qLog = -pi2 / 8 / z2
        if qLog < -708 { return 0 }
        var q = exp(qLog)
        let k1a = -z2, k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)
        var terms = (0.0, 0.0, 0.0, 0.0)
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        if maxK >= 1 {
            for k in stride(from: maxK, through: 1, by: -1) {
                let m = Double(2 * k - 1)
                let m2 = m * m, m4 = m2 * m2, m6 = m4 * m2
                let qPower = pow(q, Double(8 * k))
                terms.0 = terms.0 * qPower + 1
                terms.1 = terms.1 * qPower + (k1a + k1b * m2)
                terms.2 = terms.2 * qPower + (k2a + k2b * m2 + k2c * m4)
                terms.3 = terms.3 * qPower + (k3a + k3b * m2 + k3c * m4 + k3d * m6)
            }
        }
        let root2Pi = (2 * Double.pi).squareRoot()
        let k0 = terms.0 * q * root2Pi / z
        var k1 = terms.1 * q * root2Pi / (6 * z4)
        var k2 = terms.2 * q * root2Pi / (72 * pow(z, 7))
        var k3 = terms.3 * q * root2Pi / (6480 * pow(z, 10))
        q = exp(-pi2 / 2 / z2)
        var k2Extra = 0.0, k3Extra = 0.0
        let root3z = 3.0.squareRoot() * z
        if maxK >= 1 {
            for k in stride(from: maxK, through: 1, by: -1) {
                let kd = Double(k)
                let k2 = kd * kd
                let qPower = pow(q, k2)
                k2Extra += k2 * qPower
                let kPi = Double.pi * kd
                k3Extra += (root3z + kPi) * (root3z - kPi) * k2 * qPower
            }
        }
        k2 += k2Extra * pi2 * root2Pi / (-36 * z3)
        k3 += k3Extra * pi2 * root2Pi / (216 * z6)
        let nd = Double(n)
        k1 /= nd.squareRoot()
        k2 /= nd
        k3 /= nd * nd.squareRoot()
        return k0 + k1 + k2 + k3
    }
}
