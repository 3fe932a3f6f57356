// DirectLossEstimationTests: regression performance without labels against NannyML 0.13's DLE on the seeded
// fixtures (dle.json and regression_*.csv, made by tools/reference/make_learned_monitoring_fixtures.py). The
// sampling errors, realized values and thresholds come from labels alone and equal NannyML's to 1e-9 relative; the
// estimates come from a learned model of the loss (LightGBM in NannyML, Drift's boosted trees here), so they are
// compared within stated relative tolerances, and the alerts must agree wherever NannyML's estimate is not within
// that tolerance of a threshold (on these fixtures every alert agrees).
import Testing
@testable import DriftCore

@Suite struct DirectLossEstimationTests {
    /// How far Drift's estimate may be from NannyML's, relative to NannyML's, on these fixtures: 5% in the chunks of
    /// 100 rows or more that NannyML does not alert on (the largest gap is 4.5%); 21% in the drifted chunks, where
    /// both learners extrapolate past the reference (the largest gap is 16%, on mse), and in a chunk of 2 rows (20%).
    static func tolerance(alerting: Bool, rows: Int) -> Double { alerting || rows < 100 ? 0.21 : 0.05 }
    static let columns = PerformanceEstimation.RegressionColumns(prediction: "y_pred", target: "y", features: ["age", "size", "kind"])

    @Test("estimates near NannyML's; sampling errors, realized values and thresholds equal", arguments: MonitoringFixtures.cases(in: "dle.json"))
    func againstNannyML(_ fixture: MonitoringFixtures.Case) throws {
        let estimation = try PerformanceEstimation(
            reference: try MonitoringFixtures.frame("regression_reference"), analysis: try MonitoringFixtures.frame("regression_analysis"),
            regression: Self.columns, metrics: PerformanceMetric.regression, chunking: fixture.chunking)
        let expected = fixture.rows("rows")
        #expect(estimation.rows.count == expected.count && !expected.isEmpty)
        for (row, want) in zip(estimation.rows, expected) {
            let label = "\(fixture.label) \(row.metric.name) \(row.period.rawValue) \(row.chunk.index)"
            #expect(row.metric.name == want["metric"] as? String && row.chunk.index == want["chunk"] as? Int, "\(label)")
            let value = try #require(MonitoringFixtures.number(want["value"]))
            let tolerance = Self.tolerance(alerting: want["alert"] as? Bool == true, rows: row.chunk.rowCount)
            #expect(close(row.value, value, relative: tolerance), "\(label) value \(row.value), NannyML \(value)")
            #expect(close(row.samplingError, MonitoringFixtures.number(want["sampling_error"]), relative: 1e-9), "\(label) sampling error")
            #expect(close(row.realized, MonitoringFixtures.number(want["realized"]), relative: 1e-9), "\(label) realized")
            #expect(close(row.lower, MonitoringFixtures.number(want["lower"]), relative: 1e-9), "\(label) lower")
            #expect(close(row.upper, MonitoringFixtures.number(want["upper"]), relative: 1e-9), "\(label) upper")
            let nearThreshold = [row.lower, row.upper].contains { $0.map { abs($0 - value) <= tolerance * value } == true }
            #expect(nearThreshold || row.alert == want["alert"] as? Bool, "\(label) alert")
        }
    }

    @Test func realizedFromLabelsAndBadInput() throws {
        let reference = try MonitoringFixtures.frame("regression_reference"), analysis = try MonitoringFixtures.frame("regression_analysis")
        let realized = try PerformanceEstimation(
            reference: reference, analysis: analysis, regression: Self.columns, metrics: [.rmse], chunking: .size(500), estimated: false)
        #expect(realized.rows.allSatisfy { $0.value == $0.realized && !$0.value.isNaN })
        #expect(throws: DataError.self) {
            try PerformanceEstimation(reference: reference, analysis: analysis, regression: Self.columns, metrics: [.accuracy], chunking: .size(500))
        }
        #expect(throws: DataError.self) {
            try PerformanceEstimation(reference: reference, analysis: analysis.selecting(["age", "size", "kind", "y_pred"]),
                                      regression: Self.columns, metrics: [.mae], chunking: .size(500), estimated: false)
        }
    }
}
