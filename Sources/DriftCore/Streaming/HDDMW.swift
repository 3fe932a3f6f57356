// HDDM_W: drift detection with McDiarmid's bound on exponentially weighted moving averages
// (Frías-Blanco et al., IEEE TKDE 2015), the W-test. A port of River 0.26's `drift.binary.HDDM_W`;
// hand-written because the core has no dependencies.
import Foundation

public struct HDDMW: DriftDetector {
    public let driftConfidence: Double
    public let warningConfidence: Double
    /// Weight of the newest value in the moving averages.
    public let lambda: Double
    public let twoSided: Bool

    /// An EWMA with its independent-bounded-condition sum (River's `SampleInfo`).
    private struct Sample: Sendable {
        var mean = 0.0
        var isInitialized = false
        var ibc = 1.0

        mutating func add(_ x: Double, lambda: Double) {
            mean = isInitialized ? lambda * x + (1.0 - lambda) * mean : x
            isInitialized = true
            let complement = 1 - lambda
            ibc = lambda * lambda + complement * complement * ibc
        }
    }

    private var total = Sample()
    private var s1Decrease = Sample()
    private var s1Increase = Sample()
    private var s2Decrease = Sample()
    private var s2Increase = Sample()
    private var increaseCut = Double.infinity
    private var decreaseCut = -Double.infinity
    private var signal = DetectorSignal.none

    public static var requiresBinaryInput: Bool { true }

    /// Defaults are River's: drift confidence 0.001, warning confidence 0.005, lambda 0.05, one-sided.
    public init(driftConfidence: Double = 0.001, warningConfidence: Double = 0.005, lambda: Double = 0.05,
                twoSided: Bool = false) throws {
        guard driftConfidence > 0 && driftConfidence < 1 && warningConfidence > 0 && warningConfidence < 1 else {
            throw DataError("HDDM_W: confidences must lie in (0, 1)")
        }
        guard lambda >= 0 && lambda <= 1 else { throw DataError("HDDM_W: lambda must lie in [0, 1]") }
        self.driftConfidence = driftConfidence
        self.warningConfidence = warningConfidence
        self.lambda = lambda
        self.twoSided = twoSided
    }

    public mutating func reset() {
        total = Sample()
        s1Decrease = Sample()
        s1Increase = Sample()
        s2Decrease = Sample()
        s2Increase = Sample()
        increaseCut = .infinity
        decreaseCut = -.infinity
        signal = .none
    }

    private func mcDiarmidBound(_ ibc: Double, _ confidence: Double) -> Double {
        (ibc * log(1 / confidence) / 2).squareRoot()
    }

    private func hasMeanChanged(_ first: Sample, _ second: Sample, _ confidence: Double) -> Bool {
        guard first.isInitialized && second.isInitialized else { return false }
        return second.mean - first.mean > mcDiarmidBound(first.ibc + second.ibc, confidence)
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if signal == .drift { reset() }
        total.add(value, lambda: lambda)

        let epsilonIncrease = mcDiarmidBound(total.ibc, driftConfidence)
        if total.mean + epsilonIncrease < increaseCut {
            increaseCut = total.mean + epsilonIncrease
            s1Increase = total
            s2Increase = Sample()
        } else {
            s2Increase.add(value, lambda: lambda)
        }
        if hasMeanChanged(s1Increase, s2Increase, driftConfidence) {
            signal = .drift
        } else if hasMeanChanged(s1Increase, s2Increase, warningConfidence) {
            signal = .warning
        } else {
            signal = .none
        }

        let epsilonDecrease = mcDiarmidBound(total.ibc, driftConfidence)
        if total.mean - epsilonDecrease > decreaseCut {
            decreaseCut = total.mean - epsilonDecrease
            s1Decrease = total
            s2Decrease = Sample()
        } else {
            s2Decrease.add(value, lambda: lambda)
        }
        if twoSided {
            if hasMeanChanged(s2Decrease, s1Decrease, driftConfidence) {
                signal = .drift
            } else if signal != .drift && hasMeanChanged(s2Decrease, s1Decrease, warningConfidence) {
                signal = .warning
            }
        }
        return signal
    }
}
