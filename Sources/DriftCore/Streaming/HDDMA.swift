// HDDM_A: drift detection with Hoeffding's bound on moving averages (Frías-Blanco et al., "Online and
// non-parametric drift detection methods based on Hoeffding's bounds", IEEE TKDE 2015), the A-test.
// A port of River 0.26's `drift.binary.HDDM_A`; hand-written because the core has no dependencies.
import Foundation

public struct HDDMA: DriftDetector {
    public let driftConfidence: Double
    public let warningConfidence: Double
    /// Also test for a decrease of the mean (River's `two_sided_test`; default off).
    public let twoSided: Bool

    private var global = RunningMean()
    private var minimumCut = RunningMean()
    private var maximumCut = RunningMean()
    private var signal = DetectorSignal.none

    public static var requiresBinaryInput: Bool { true }

    /// Defaults are River's: drift confidence 0.001, warning confidence 0.005, one-sided.
    public init(driftConfidence: Double = 0.001, warningConfidence: Double = 0.005, twoSided: Bool = false) throws {
        guard driftConfidence > 0 && driftConfidence < 1 && warningConfidence > 0 && warningConfidence < 1 else {
            throw DataError("HDDM_A: confidences must lie in (0, 1)")
        }
        self.driftConfidence = driftConfidence
        self.warningConfidence = warningConfidence
        self.twoSided = twoSided
    }

    public mutating func reset() {
        global = RunningMean()
        minimumCut = RunningMean()
        maximumCut = RunningMean()
        signal = .none
    }

    private func hoeffdingBound(_ n: Double) -> Double {
        (1.0 / (2 * n) * log(1.0 / driftConfidence)).squareRoot()
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if signal == .drift { reset() }
        global.add(value)
        if minimumCut.count == 0 { minimumCut = global }
        if maximumCut.count == 0 { maximumCut = global }
        let epsilonGlobal = hoeffdingBound(global.count)
        if minimumCut.mean + hoeffdingBound(minimumCut.count) >= global.mean + epsilonGlobal { minimumCut = global }
        if maximumCut.mean - hoeffdingBound(maximumCut.count) <= global.mean - epsilonGlobal { maximumCut = global }

        if meanIncreased(driftConfidence) {
            signal = .drift
        } else if meanIncreased(warningConfidence) {
            signal = .warning
        } else {
            signal = .none
        }
        if twoSided {
            if meanDecreased(driftConfidence) {
                signal = .drift
            } else if signal != .drift && meanDecreased(warningConfidence) {
                signal = .warning
            }
        }
        return signal
    }

    private func meanIncreased(_ confidence: Double) -> Bool {
        if minimumCut.count == global.count { return false }
        let m = (global.count - minimumCut.count) / minimumCut.count * (1.0 / global.count)
        let epsilon = (m / 2 * log(2.0 / confidence)).squareRoot()
        return global.mean - minimumCut.mean >= epsilon
    }

    private func meanDecreased(_ confidence: Double) -> Bool {
        if maximumCut.count == global.count { return false }
        let m = (global.count - maximumCut.count) / maximumCut.count * (1.0 / global.count)
        let epsilon = (m / 2 * log(2.0 / confidence)).squareRoot()
        return maximumCut.mean - global.mean >= epsilon
    }
}
