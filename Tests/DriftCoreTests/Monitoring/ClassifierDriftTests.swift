// ClassifierDriftTests: the domain classifier per chunk against NannyML 0.13's DomainClassifierCalculator on the
// seeded fixtures (classifier_drift.json, made by tools/reference/make_learned_monitoring_fixtures.py). NannyML fits
// LightGBM and Drift its own boosted trees on the same folds, so the AUCs are compared within a stated tolerance,
// the thresholds exactly, and the alerts must agree wherever NannyML's AUC is not within the tolerance of a
// threshold.
import Foundation
import Testing
@testable import DriftCore

@Suite struct ClassifierDriftTests {
    /// How far Drift's AUC may be from NannyML's (LightGBM's) on these fixtures: the largest gap is 0.038.
    static let tolerance = 0.04

    static let cases = MonitoringFixtures.cases(in: "classifier_drift.json")

    @Test("AUC per chunk near NannyML's, the same thresholds and alerts", arguments: cases)
    func againstNannyML(_ fixture: MonitoringFixtures.Case) throws {
        let drift = try ClassifierDrift(
            reference: try MonitoringFixtures.frame("reference").rows(0..<1200),
            analysis: try MonitoringFixtures.frame("analysis").rows(1200..<2400),
            columns: MonitoringFixtures.features, chunking: fixture.chunking)
        #expect(drift.rows.count == fixture.rows("rows").count && !fixture.rows("rows").isEmpty)
        for (row, want) in zip(drift.rows, fixture.rows("rows")) {
            let label = "\(fixture.label) \(row.period.rawValue) \(row.chunk.index)"
            let expected = try #require(MonitoringFixtures.number(want["value"]))
            #expect(row.period.rawValue == want["period"] as? String && row.chunk.index == want["chunk"] as? Int, "\(label)")
            #expect(abs(row.value - expected) <= Self.tolerance, "\(label) value \(row.value), NannyML \(expected)")
            #expect(row.lower == MonitoringFixtures.number(want["lower"]) && row.upper == MonitoringFixtures.number(want["upper"]), "\(label)")
            // Where NannyML's AUC lies within the tolerance of a threshold, the learners may fall either side.
            let nearThreshold = [row.lower, row.upper].contains { $0.map { abs($0 - expected) <= Self.tolerance } == true }
            #expect(nearThreshold || row.alert == want["alert"] as? Bool, "\(label) alert")
        }
    }
}
