// SpecialFunctionTests: SpecialFunctions against scipy.special / scipy.stats at hard points (far tails, tiny and
// huge degrees of freedom, x near 0 and 1), from Fixtures/drift/special.json.
// Tolerance: 1e-6 relative, or 1e-300 absolute for values that underflow (relative accuracy is the point here).
import Testing
@testable import DriftCore

@Suite struct SpecialFunctionTests {
    let fixture = DriftFixtures.load("special.json")

    func rows(_ key: String) -> [[Double]] {
        (fixture[key] as? [Any])?.map { DriftFixtures.numbers($0) } ?? []
    }

    func check(_ key: String, _ f: ([Double]) throws -> Double) rethrows {
        let table = rows(key)
        #expect(!table.isEmpty, "fixture \(key) missing")
        for row in table {
            let expected = row[row.count - 1]
            let actual = try f(Array(row.dropLast()))
            #expect(matchesReference(actual, expected, absolute: 1e-300), "\(key)\(row.dropLast()) = \(actual), scipy \(expected)")
        }
    }

    @Test func normal() {
        check("ndtr") { SpecialFunctions.normalCDF($0[0]) }
        #expect(SpecialFunctions.normalSurvival(38) == SpecialFunctions.normalCDF(-38))
    }

    @Test func incompleteGamma() {
        check("gammainc") { SpecialFunctions.regularizedGammaP($0[0], $0[1]) }
        check("gammaincc") { SpecialFunctions.regularizedGammaQ($0[0], $0[1]) }
        check("chi2_sf") { SpecialFunctions.chiSquareSurvival($0[1], degreesOfFreedom: $0[0]) }
    }

    @Test func incompleteBetaAndStudentT() {
        check("betainc") { SpecialFunctions.regularizedBeta($0[0], $0[1], $0[2]) }
        check("stdtr") { SpecialFunctions.studentTCDF($0[1], degreesOfFreedom: $0[0]) }
    }

    @Test func kolmogorovFamily() throws {
        check("kolmogorov") { SpecialFunctions.kolmogorovSurvival($0[0]) }
        try check("smirnov") { try SpecialFunctions.smirnovSurvival(n: Int($0[0]), x: $0[1]) }
        try check("kstwo_sf") { try SpecialFunctions.kolmogorovSmirnovSurvival(n: Int($0[0]), x: $0[1]) }
    }

    @Test func besselK() {
        check("kv_quarter") { SpecialFunctions.besselK(order: 0.25, $0[0]) }
    }

    @Test func degenerateArguments() {
        #expect(SpecialFunctions.regularizedGammaP(-1, 1).isNaN)
        #expect(SpecialFunctions.regularizedBeta(1, 1, 1.5).isNaN)
        #expect(SpecialFunctions.studentTCDF(0, degreesOfFreedom: 3) == 0.5)
        #expect(SpecialFunctions.studentTCDF(2, degreesOfFreedom: .infinity) == SpecialFunctions.normalCDF(2))
        #expect(SpecialFunctions.kolmogorovSurvival(0) == 1)
    }
}
