// MonitoringFixtures: the seeded frames and NannyML 0.13's results in Fixtures/monitoring/ (made by
// tools/reference/make_monitoring_fixtures.py and make_learned_monitoring_fixtures.py), read once for every
// monitoring test.
import Foundation
import Testing
@testable import DriftCore

enum MonitoringFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/monitoring")

    static let features = ["normal", "skewed", "counts", "gappy", "region", "plan", "flag"]

    static func frame(_ name: String) throws -> DataFrame {
        try CSVReader.read(path: folder.appendingPathComponent("\(name).csv").path)
    }

    /// One chunking's expectations: size and count chunks, and weekly and monthly periods of `ts`.
    /// Immutable after loading, so shared freely.
    struct Case: @unchecked Sendable, CustomTestStringConvertible {
        let chunking: Chunking
        let json: [String: Any]

        var label: String { "\(chunking)" }
        var testDescription: String { label }

        func rows(_ key: String) -> [[String: Any]] { json[key] as? [[String: Any]] ?? [] }
    }

    static let cases = cases(in: "expected.json")

    /// The chunkings of a fixture file: {"chunkings": [{"kind": "size" | "count" | "period", "n": ..., ...}]}.
    static func cases(in file: String) -> [Case] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(file)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let chunkings = object["chunkings"] as? [[String: Any]] else { return [] }
        return chunkings.compactMap { json in
            switch (json["kind"] as? String, json["n"]) {
            case ("size", let n as Int): return Case(chunking: .size(n), json: json)
            case ("count", let n as Int): return Case(chunking: .count(n), json: json)
            case ("period", "W" as String): return Case(chunking: .period(column: "ts", every: .fixed(Micros.week)), json: json)
            case ("period", "M" as String): return Case(chunking: .period(column: "ts", every: .months(1)), json: json)
            default: return nil
            }
        }
    }

    /// A JSON number, or nil for null.
    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }
}

/// Equal within `relative` (or both missing); `absolute` for values near zero.
func close(_ actual: Double?, _ expected: Double?, relative: Double, absolute: Double = 1e-12) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, nil): return a.isNaN
    case let (nil, e?): return e.isNaN
    case let (a?, e?):
        if a.isNaN || e.isNaN { return a.isNaN && e.isNaN }
        return abs(a - e) <= absolute || abs(a - e) <= relative * max(abs(a), abs(e))
    }
}
