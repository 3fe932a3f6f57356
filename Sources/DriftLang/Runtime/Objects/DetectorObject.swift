// DetectorObject: a live streaming drift detector, made by `detector(kind, ...)` and fed by `observe`.
// The one Drift value with mutable state: it is a class, so every name for it sees the same detector,
// and `observe` changes it in place. Shows itself as one line:
// `ddm detector: 1200 values seen, 2 drifts (at 512, 1003), in warning zone`.
import DriftCore

final class DetectorObject: DriftObject {
    let kind: DetectorKind
    private var detector: any DriftDetector
    private(set) var count = 0
    private(set) var drifts: [Int] = []
    private(set) var warnings: [Int] = []
    private(set) var lastSignal = DetectorSignal.none

    init(kind: DetectorKind, detector: any DriftDetector) {
        self.kind = kind
        self.detector = detector
    }

    /// A detector configured like this one, with none of its state: what a replay starts from.
    func freshDetector() -> any DriftDetector {
        var copy = detector
        copy.reset()
        return copy
    }

    /// Feeds one (already checked) value and records the signal at its 0-based position.
    func observe(_ value: Double) -> DetectorSignal {
        let signal = detector.update(value)
        switch signal {
        case .drift: drifts.append(count)
        case .warning: warnings.append(count)
        case .none: break
        }
        count += 1
        lastSignal = signal
        return signal
    }

    var kindName: String { "detector" }

    var fieldNames: [String] { ["kind", "n", "drifts", "warnings", "in_warning"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "kind": return .string(kind.name)
        case "n": return .number(Double(count))
        case "drifts": return positionVector(drifts)
        case "warnings": return positionVector(warnings)
        case "in_warning": return .bool(lastSignal == .warning)
        default: return nil
        }
    }

    func render(to renderer: inout Renderer) {
        renderer.text(summary)
    }

    /// `ddm detector: 1200 values seen, 2 drifts (at 512, 1003), in warning zone`
    var summary: String {
        var line = "\(kind.name) detector: \(count) value\(count == 1 ? "" : "s") seen, \(drifts.count) drift\(drifts.count == 1 ? "" : "s")"
        if !drifts.isEmpty {
            let shown = drifts.count <= 10
                ? drifts.map(String.init)
                : drifts.prefix(5).map(String.init) + ["..."] + drifts.suffix(3).map(String.init)
            line += " (at \(shown.joined(separator: ", ")))"
        }
        switch lastSignal {
        case .warning: line += ", in warning zone"
        case .drift: line += ", drift at the last value"
        case .none: break
        }
        return line
    }
}
