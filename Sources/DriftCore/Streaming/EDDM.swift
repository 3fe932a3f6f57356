// EDDM: the Early Drift Detection Method (Baena-García et al., "Early drift detection method", 2006),
// which watches the distance between errors in a 0/1 error stream. A port of River 0.26's
// `drift.binary.EDDM`; hand-written because the core has no dependencies.
import Foundation

public struct EDDM: DriftDetector {
    public let warmStart: Int
    /// Warning when (mean + 2 sd) of the error distance falls below `alpha` times its maximum.
    public let alpha: Double
    /// Drift when it falls below `beta` times its maximum.
    public let beta: Double

    private var distances = RunningVariance()
    private var n = 0
    private var lastError = 0
    private var errorCount = 0
    private var maximum = -1.0
    private var warning = false
    private var drift = false

    public static var requiresBinaryInput: Bool { true }

    /// Defaults are River's: warm start 30, alpha 0.95, beta 0.9.
    public init(warmStart: Int = 30, alpha: Double = 0.95, beta: Double = 0.9) throws {
        guard warmStart >= 0 else { throw DataError("EDDM: warm start must not be negative") }
        guard alpha >= beta else { throw DataError("EDDM: alpha (\(alpha)) must be at least beta (\(beta))") }
        self.warmStart = warmStart
        self.alpha = alpha
        self.beta = beta
    }

    public mutating func reset() {
        distances = RunningVariance()
        n = 0
        lastError = 0
        errorCount = 0
        maximum = -1
        warning = false
        drift = false
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if drift { reset() }
        n += 1
        if value == 1 {
            errorCount += 1
            distances.add(Double(n - lastError))
            if n > warmStart {
                let level2s = distances.mean + 2 * pow(distances.variance, 0.5)
                if level2s > maximum {
                    maximum = level2s
                } else if errorCount > warmStart {
                    let level = level2s / maximum
                    if level < beta {
                        drift = true
                    } else if level < alpha {
                        warning = true
                    } else {
                        warning = false
                    }
                }
            }
            lastError = n
        }
        // As in River, the warning flag persists between errors and is left as it was on a drift.
        return drift ? .drift : (warning ? .warning : .none)
    }
}
