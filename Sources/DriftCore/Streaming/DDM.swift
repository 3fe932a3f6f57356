// DDM: the Drift Detection Method (Gama, Medas, Castillo & Rodrigues, "Learning with drift detection",
// SBIA 2004) for a stream of 0/1 errors. A port of River 0.26's `drift.binary.DDM` (same arithmetic and
// thresholds); hand-written because the core has no dependencies.
import Foundation

public struct DDM: DriftDetector {
    /// Values seen before the minimum is tracked and tests start (River's `warm_start`).
    public let warmStart: Int
    public let warningThreshold: Double
    public let driftThreshold: Double

    private var errorRate = RunningMean()
    private var pMin = Double.infinity
    private var sMin = Double.infinity
    private var psMin = Double.infinity
    private var signal = DetectorSignal.none

    public static var requiresBinaryInput: Bool { true }

    /// Defaults are River's: warm start 30, warning at 2 and drift at 3 standard deviations.
    public init(warmStart: Int = 30, warningThreshold: Double = 2, driftThreshold: Double = 3) throws {
        guard warmStart >= 0 else { throw DataError("DDM: warm start must not be negative") }
        guard warningThreshold > 0 && driftThreshold > 0 else { throw DataError("DDM: thresholds must be positive") }
        self.warmStart = warmStart
        self.warningThreshold = warningThreshold
        self.driftThreshold = driftThreshold
    }

    public mutating func reset() {
        errorRate = RunningMean()
        pMin = .infinity
        sMin = .infinity
        psMin = .infinity
        signal = .none
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if signal == .drift { reset() }
        errorRate.add(value)
        let p = errorRate.mean
        let n = errorRate.count
        let s = (p * (1 - p) / n).squareRoot()
        if n > Double(warmStart) {
            if p + s <= psMin {
                pMin = p
                sMin = s
                psMin = p + s
            }
            signal = p + s > pMin + warningThreshold * sMin ? .warning : .none
            if p + s > pMin + driftThreshold * sMin { signal = .drift }
        }
        return signal
    }
}
