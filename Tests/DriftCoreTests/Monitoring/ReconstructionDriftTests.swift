// ReconstructionDriftTests: data reconstruction drift against NannyML 0.13's DataReconstructionDriftCalculator on
// the seeded fixtures (numbers with gaps, text with a new category and gaps, booleans): values, sampling errors
// and thresholds to 1e-9 relative, every alert.
import Testing
@testable import DriftCore

@Suite struct ReconstructionDriftTests {
    @Test("values, thresholds and alerts as NannyML's", arguments: MonitoringFixtures.cases)
    func reconstruction(_ fixture: MonitoringFixtures.Case) throws {
        let drift = try ReconstructionDrift(
            reference: try MonitoringFixtures.frame("reference"), analysis: try MonitoringFixtures.frame("analysis"),
            columns: MonitoringFixtures.features, chunking: fixture.chunking)
        let expected = fixture.rows("reconstruction")
        #expect(drift.rows.count == expected.count && !expected.isEmpty)
        for (row, want) in zip(drift.rows, expected) {
            let label = "\(fixture.label) \(row.period.rawValue) \(row.chunk.index)"
            #expect(row.period.rawValue == want["period"] as? String && row.chunk.index == want["chunk"] as? Int, "\(label)")
            #expect(close(row.value, MonitoringFixtures.number(want["value"]), relative: 1e-9), "\(label) value \(row.value)")
            #expect(close(row.samplingError, MonitoringFixtures.number(want["sampling_error"]), relative: 1e-9), "\(label) sampling error")
            #expect(close(row.lower, MonitoringFixtures.number(want["lower"]), relative: 1e-9), "\(label) lower")
            #expect(close(row.upper, MonitoringFixtures.number(want["upper"]), relative: 1e-9), "\(label) upper")
            #expect(row.alert == want["alert"] as? Bool, "\(label) alert")
        }
    }

    @Test func eigenpairsOfASymmetricMatrix() throws {
        let (values, vectors) = try SymmetricEigen.decompose([2, 1, 0, 1, 2, 0, 0, 0, 5], dimension: 3)
        #expect(values.map { ($0 * 1e12).rounded() / 1e12 } == [5, 3, 1])
        #expect(abs(abs(vectors[0][2]) - 1) < 1e-12)
        #expect(abs(abs(vectors[1][0]) - 0.5.squareRoot()) < 1e-12)
    }

    @Test func badInput() throws {
        let frame = try DataFrame([("x", .numeric(NumericColumn([1, 2, 3]))), ("y", .numeric(NumericColumn([.nan, .nan, .nan])))])
        #expect(throws: DataError.self) { try ReconstructionDrift(reference: frame, analysis: frame, columns: ["x"], chunking: .size(1)) }
        #expect(throws: DataError.self) { try ReconstructionDrift(reference: frame, analysis: frame, chunking: .size(1)) }
        #expect(throws: DataError.self) { try ReconstructionDrift(reference: frame, analysis: frame.rows(0..<0), chunking: .size(1)) }
    }
}
