// IncompleteBeta: the regularized incomplete beta function I_x(a, b).
// Hand-written port of Cephes `incbet` (S. L. Moshier): a power series when b·x <= 1, otherwise one of two
// continued fractions (incbcf / incbd), using the symmetry I_x(a, b) = 1 - I_{1-x}(b, a) for fast convergence.
// No such function exists in the standard library or libm; it underlies the Student t distribution.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SpecialFunctions {
    private static let machineEpsilon = 1.11022302462515654042e-16
    private static let maxLog = 7.09782712893383996843e2
    private static let minLog = -7.08396418532264106224e2
    private static let maxGamma = 171.624376956302725
    private static let big = 4.503599627370496e15
    private static let bigInverse = 2.22044604925031308085e-16

    /// I_x(a, b) for a, b > 0 and 0 <= x <= 1.
    public static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        regularizedBeta(a, b, x, complement: 1 - x)
    }

    /// I_x(a, b) given both x and 1 - x, so callers that know 1 - x exactly (t distribution tails with huge
    /// degrees of freedom) do not lose it to rounding.
    static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double, complement: Double) -> Double {
        guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        if b * x <= 1 && x <= 0.95 { return betaSeries(a, b, x) }
        var a = a, b = b
        var flipped = false
        var x = x
        var complement = complement
        if x > a / (a + b) {
            flipped = true
            swap(&a, &b)
            swap(&x, &complement)
        }
        var t: Double
        if flipped && b * x <= 1 && x <= 0.95 {
            t = betaSeries(a, b, x)
        } else {
            let y = x * (a + b - 2) - (a - 1)
            let w = y < 0 ? betaFraction1(a, b, x) : betaFraction2(a, b, x, complement) / complement
            let logX = a * (x > 0.5 ? log1p(-complement) : log(x))
            let logComplement = b * (complement > 0.5 ? log1p(-x) : log(complement))
            if a + b < maxGamma && abs(logX) < maxLog && abs(logComplement) < maxLog {
                t = pow(complement, b) * pow(x, a) / a * w / beta(a, b)
            } else {
                let s = logX + logComplement - logBeta(a, b) + log(w / a)
                t = s < minLog ? 0 : exp(s)
            }
        }
        if flipped { return t <= machineEpsilon ? 1 - machineEpsilon : 1 - t }
        return t
    }

    /// Power series for small b·x (Cephes pseries).
    private static func betaSeries(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let ai = 1 / a
        var u = (1 - b) * x
        var v = u / (a + 1)
        let t1 = v
        var t = u
        var n = 2.0
        var s = 0.0
        let z = machineEpsilon * ai
        while abs(v) > z {
            u = (n - b) * x / n
            t *= u
            v = t / (a + n)
            s += v
            n += 1
        }
        s += t1
        s += ai
        let logX = a * log(x)
        if a + b < maxGamma && abs(logX) < maxLog {
            return s / beta(a, b) * pow(x, a)
        }
        let logS = -logBeta(a, b) + logX + log(s)
        return logS < minLog ? 0 : exp(logS)
    }

    /// Continued fraction expansion #1 (Cephes incbcf).
    private static func betaFraction1(_ a: Double, _ b: Double, _ x: Double) -> Double {
        var k1 = a, k2 = a + b, k3 = a, k4 = a + 1, k5 = 1.0, k6 = b - 1, k7 = a + 1, k8 = a + 2
        return betaFraction(x: x, k1: &k1, k2: &k2, k3: &k3, k4: &k4, k5: &k5, k6: &k6, k7: &k7, k8: &k8,
                            k2Step: 1, k6Step: -1)
    }

    /// Continued fraction expansion #2 (Cephes incbd), in z = x / (1 - x).
    private static func betaFraction2(_ a: Double, _ b: Double, _ x: Double, _ complement: Double) -> Double {
        var k1 = a, k2 = b - 1, k3 = a, k4 = a + 1, k5 = 1.0, k6 = a + b, k7 = a + 1, k8 = a + 2
        return betaFraction(x: x / complement, k1: &k1, k2: &k2, k3: &k3, k4: &k4, k5: &k5, k6: &k6, k7: &k7, k8: &k8,
                            k2Step: -1, k6Step: 1)
    }

    // The two Cephes fractions share one recurrence and differ only in their starting terms and the signs of
    // the k2 and k6 steps.
    private static func betaFraction(
        x: Double, k1: inout Double, k2: inout Double, k3: inout Double, k4: inout Double,
        k5: inout Double, k6: inout Double, k7: inout Double, k8: inout Double, k2Step: Double, k6Step: Double
    ) -> Double {
        var pkm2 = 0.0, qkm2 = 1.0, pkm1 = 1.0, qkm1 = 1.0
        var answer = 1.0, r = 1.0
        let threshold = 3 * machineEpsilon
        for _ in 0..<300 {
            var xk = -(x * k1 * k2) / (k3 * k4)
            var pk = pkm1 + pkm2 * xk
            var qk = qkm1 + qkm2 * xk
            pkm2 = pkm1; pkm1 = pk; qkm2 = qkm1; qkm1 = qk
            xk = (x * k5 * k6) / (k7 * k8)
            pk = pkm1 + pkm2 * xk
            qk = qkm1 + qkm2 * xk
            pkm2 = pkm1; pkm1 = pk; qkm2 = qkm1; qkm1 = qk
            if qk != 0 { r = pk / qk }
            let change: Double
            if r != 0 {
                change = abs((answer - r) / r)
                answer = r
            } else {
                change = 1
            }
            if change < threshold { break }
            k1 += 1; k2 += k2Step; k3 += 2; k4 += 2; k5 += 1; k6 += k6Step; k7 += 2; k8 += 2
            if abs(qk) + abs(pk) > big {
                pkm2 *= bigInverse; pkm1 *= bigInverse; qkm2 *= bigInverse; qkm1 *= bigInverse
            }
            if abs(qk) < bigInverse || abs(pk) < bigInverse {
                pkm2 *= big; pkm1 *= big; qkm2 *= big; qkm1 *= big
            }
        }
        return answer
    }
}
