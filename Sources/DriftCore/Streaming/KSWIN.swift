// KSWIN: Kolmogorov–Smirnov windowing (Raab, Heusinger & Schleif, "Reactive soft prototype computing for
// concept drift streams", Neurocomputing 2020). A port of River 0.26's `drift.KSWIN`: once the window is
// full, `statSize` values drawn at random from its older part are compared with the `statSize` newest
// by a two-sample KS test; drift when p ≤ alpha and D > 0.1. The draws use CPython's generator
// (`PythonRandom`) seeded like River's `random.Random(seed)`, so positions match River's for the same seed.
//
// Reset after a drift: River 0.26 calls `_reset()` on the update after a drift, which empties the
// window and re-seeds the generator (its "keep the newest values" step is overwritten by that reset);
// this port does the same.

public struct KSWIN: DriftDetector {
    public let alpha: Double
    public let windowSize: Int
    public let statSize: Int
    public let seed: UInt64

    private var window: [Double] = []
    private var start = 0
    private var random: PythonRandom
    private var drift = false
    /// The last test's p-value (0 before the window first fills, as in River).
    public private(set) var pValue = 0.0

    /// Defaults are River's: alpha 0.005, window 100, stat size 30. River's seed defaults to none
    /// (unseeded); here it is 42 so runs repeat.
    public init(alpha: Double = 0.005, windowSize: Int = 100, statSize: Int = 30, seed: UInt64 = 42) throws {
        guard alpha >= 0 && alpha <= 1 else { throw DataError("KSWIN: alpha must lie in [0, 1], got \(alpha)") }
        guard statSize >= 1 else { throw DataError("KSWIN: stat size must be at least 1") }
        guard windowSize <= 1 << 30 else { throw DataError("KSWIN: window size \(windowSize) is too large") }
        guard windowSize >= 2 * statSize else {
            throw DataError("KSWIN: window size (\(windowSize)) must be at least twice the stat size (\(statSize))")
        }
        self.alpha = alpha
        self.windowSize = windowSize
        self.statSize = statSize
        self.seed = seed
        self.random = PythonRandom(seed: seed)
    }

    public mutating func reset() {
        window = []
        start = 0
        random = PythonRandom(seed: seed)
        drift = false
        pValue = 0
    }

    public mutating func update(_ value: Double) -> DetectorSignal {
        if drift { reset() }
        // A ring buffer of the newest `windowSize` values; `start` is the oldest.
        if window.count < windowSize {
            window.append(value)
        } else {
            window[start] = value
            start = (start + 1) % windowSize
        }
        guard window.count >= windowSize else {
            drift = false
            return .none
        }
        let older = windowSize - statSize
        let picks = random.sample(rangeCount: older, k: statSize)
        let sampled = picks.map { window[(start + $0) % windowSize] }
        let recent = (older..<windowSize).map { window[(start + $0) % windowSize] }
        // The same test as ks_test (scipy's ks_2samp, exact for these sizes). Callers reject missing
        // values, so both samples are non-empty and the test cannot fail.
        guard let test = try? DriftTests.kolmogorovSmirnov(SamplePair(reference: sampled, current: recent)),
              let p = test.pValue else {
            drift = false
            return .none
        }
        pValue = p
        drift = p <= alpha && test.statistic > 0.1
        return drift ? .drift : .none
    }
}
