// Page-Hinkley test (Page, "Continuous inspection schemes", Biometrika 1954; Hinkley 1971) on the
// deviation of each value from the running mean, with River 0.26's forgetting factor and defaults.
// A port of `river.drift.PageHinkley`; hand-written because the core has no dependencies.

public struct PageHinkley: DriftDetector {
    public enum Mode: String, Sendable, Codable {
        case up, down, both
    }

    public let minInstances: Int
    /// Magnitude of change tolerated.
    public let delta: Double
    public let threshold: Double
    /// Forgetting factor applied to the cumulative sums.
    public let alpha: Double
    public let mode: Mode

    private var running = RunningMean()
    private var sumIncrease = 0.0
    private var sumDecrease = 0.0
    private var minIncrease = Double.infinity
    private var maxDecrease = -1.0
    private var drift = false

    /// Defaults are River's: min_instances 30, delta 0.005, threshold 50, alpha 0.9999, mode both.
    public init(minInstances: Int = 30, delta: Double = 0.005, threshold: Double = 50,
                alpha: Double = 1 - 0.0001, mode: Mode = .both) throws {
        guard minInstances >= 1 else { throw DataError("Page-Hinkley: minimum instances must be at least 1") }
        guard threshold > 0 else { throw DataError("Page-Hinkley: threshold must be positive") }
        guard alpha > 0 && alpha <= 1 else { throw DataError("Page-Hinkley: alpha must lie in (0, 1]") }
        self.minInstances = minInstances
        self.delta = delta
        self.threshold = threshold
        self.alpha = alpha
        self.mode = mode
    }

    public mutating func reset() {
        running = RunningMean()
        sumIncrease = 0
        sumDecrease = 0
        minIncrease = .infinity
        maxDecrease = -1
        drift = false
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if drift { reset() }
        running.add(value)
        let deviation = value - running.mean
        sumIncrease = alpha * sumIncrease + deviation - delta
        sumDecrease = alpha * sumDecrease + deviation + delta
        if sumIncrease < minIncrease { minIncrease = sumIncrease }
        if sumDecrease > maxDecrease { maxDecrease = sumDecrease }
        if running.count >= Double(minInstances) {
            let increase = sumIncrease - minIncrease
            let decrease = maxDecrease - sumDecrease
            switch mode {
            case .up: drift = increase > threshold
            case .down: drift = decrease > threshold
            case .both: drift = increase > threshold || decrease > threshold
            }
        }
        return drift ? .drift : .none
    }
}
