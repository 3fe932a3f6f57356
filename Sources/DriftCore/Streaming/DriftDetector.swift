// DriftDetector: the interface every streaming drift detector shares, and a runner over a whole series.
// Semantics follow River's `river.drift` (0.26): a detector sees one value at a time and reports, right
// after that value, whether it is in the warning zone or has detected a drift. After reporting a drift,
// a detector starts afresh on its next value (River calls `_reset()` at the top of the next `update`).

/// What a detector reports right after seeing a value.
public enum DetectorSignal: String, Sendable, Equatable, Codable {
    case none
    case warning
    case drift
}

/// A streaming change detector. Value semantics: copying a detector copies its whole state.
public protocol DriftDetector: Sendable {
    /// Feeds one value and reports the detector's state after it.
    mutating func update(_ value: Double) -> DetectorSignal
    /// Forgets everything seen so far; parameters are kept.
    mutating func reset()
    /// True for detectors of binary error streams (DDM, EDDM, HDDM): values must be 0 or 1.
    static var requiresBinaryInput: Bool { get }
    /// Feeds every value of `values` (already checked) in order, appending `offset + i` to `drifts` or
    /// `warnings` when value i leaves the detector in that state. A requirement (with the obvious default)
    /// so that the loop is compiled for each detector, not dispatched value by value.
    mutating func update(_ values: UnsafeBufferPointer<Double>, offset: Int, drifts: inout [Int], warnings: inout [Int])
}

extension DriftDetector {
    public static var requiresBinaryInput: Bool { false }

    public mutating func update(_ values: UnsafeBufferPointer<Double>, offset: Int, drifts: inout [Int], warnings: inout [Int]) {
        for i in 0..<values.count {
            switch update(values[i]) {
            case .drift: drifts.append(offset + i)
            case .warning: warnings.append(offset + i)
            case .none: break
            }
        }
    }
}

/// Runs `detector` (from its current state) over `values`. Returns the 0-based positions `i` at which it
/// signals a drift right after seeing `values[i]`, and every position at which it is in the warning zone
/// (a position that signals drift is not also listed as a warning).
/// Throws `DataError` for a missing (NaN) value, or a value other than 0/1 for a binary detector.
public func runDetector<Detector: DriftDetector>(
    _ detector: inout Detector, over values: [Double]
) throws -> (drifts: [Int], warnings: [Int]) {
    var drifts: [Int] = []
    var warnings: [Int] = []
    let binary = Detector.requiresBinaryInput
    try values.withUnsafeBufferPointer { buffer in
        // Chunks of 65,536 values: checked, then fed; cancellation is checked between chunks.
        for start in stride(from: 0, to: buffer.count, by: 0x10000) {
            try Cancellation.check()
            let chunk = UnsafeBufferPointer(rebasing: buffer[start..<min(start + 0x10000, buffer.count)])
            for (k, value) in chunk.enumerated() {
                if value.isNaN { throw DataError("drift detector: value at position \(start + k + 1) is missing") }
                if binary && value != 0 && value != 1 {
                    throw DataError("drift detector: this detector takes an error stream of 0s and 1s; value at position \(start + k + 1) is \(value)")
                }
            }
            detector.update(chunk, offset: start, drifts: &drifts, warnings: &warnings)
        }
    }
    return (drifts, warnings)
}

/// Runs a fresh copy of `detector` over `values`; see `runDetector(_:over:)`.
public func runDetector<Detector: DriftDetector>(
    _ detector: Detector, over values: [Double]
) throws -> (drifts: [Int], warnings: [Int]) {
    var copy = detector
    return try runDetector(&copy, over: values)
}
