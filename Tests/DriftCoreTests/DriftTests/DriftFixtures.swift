// DriftFixtures: loads the scipy/numpy reference values in Fixtures/drift/*.json (made by
// tools/reference/make_drift_fixtures.py) and compares doubles at the drift tolerance.
import Foundation
@testable import DriftCore

enum DriftFixtures {
    /// The parsed JSON object of Fixtures/drift/NAME, or an empty one when it cannot be read.
    static func load(_ name: String) -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/drift/\(name)")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    /// A JSON number, null (NaN) or "inf"/"-inf" string as a Double.
    static func number(_ value: Any?) -> Double {
        if let n = value as? NSNumber { return n.doubleValue }
        if let s = value as? String { return Double(s) ?? .nan }
        return .nan
    }

    static func numbers(_ value: Any?) -> [Double] {
        (value as? [Any])?.map { number($0) } ?? []
    }
}

/// The drift tolerance: 1e-9 absolute or 1e-6 relative, whichever is looser; NaN matches only NaN.
func matchesReference(_ actual: Double, _ expected: Double, absolute: Double = 1e-9, relative: Double = 1e-6) -> Bool {
    if actual.isNaN || expected.isNaN { return actual.isNaN && expected.isNaN }
    if actual == expected { return true }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}
