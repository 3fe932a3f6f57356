// NumericDriftTests: every numeric drift method against scipy/numpy on the seeded sample pairs of
// Fixtures/drift/numeric.json (small exact-path, medium, ties, heavy tails, constant, one-element, NaN, and a
// 12000 × 8000 pair on ks_2samp's asymptotic path). Tolerance: 1e-9 absolute or 1e-6 relative.
import Testing
@testable import DriftCore

struct NumericCase: Sendable, CustomTestStringConvertible {
    let name: String
    let reference: [Double]
    let current: [Double]
    let referenceMissing: Int
    let currentMissing: Int
    /// method (or "method/binning") -> (statistic, p-value); NaN where scipy gives NaN or no p-value.
    let expected: [String: [Double]]
    var testDescription: String { name }

    static func all() -> [NumericCase] {
        let cases = DriftFixtures.load("numeric.json")["cases"] as? [[String: Any]] ?? []
        return cases.map { c in
            let expected = (c["expected"] as? [String: Any] ?? [:]).mapValues { DriftFixtures.numbers($0) }
            return NumericCase(
                name: c["name"] as? String ?? "?",
                reference: DriftFixtures.numbers(c["reference"]), current: DriftFixtures.numbers(c["current"]),
                referenceMissing: (c["referenceMissing"] as? Int) ?? 0, currentMissing: (c["currentMissing"] as? Int) ?? 0,
                expected: expected)
        }
    }
}

@Suite struct NumericDriftTests {
    @Test func fixturesLoad() {
        #expect(NumericCase.all().count == 18)
    }

    @Test(arguments: NumericCase.all())
    func matchesScipy(_ reference: NumericCase) throws {
        let pair = try SamplePair(reference: reference.reference, current: reference.current)
        #expect(pair.referenceMissing == reference.referenceMissing && pair.currentMissing == reference.currentMissing)
        for (key, values) in reference.expected {
            let parts = key.split(separator: "/")
            guard let method = NumericDriftMethod(rawValue: String(parts[0])) else {
                Issue.record("unknown method \(key)")
                continue
            }
            let binning: Binning = parts.count > 1 && parts[1] == "uniform" ? .uniform(bins: 10) : .quantiles(bins: 10)
            if method == .tTest, min(pair.referenceCount, pair.currentCount) < 2 {
                // scipy gives NaN; Drift says that a sample needs two values (hypotheses.json's degenerate cases).
                #expect(throws: DataError.self) { try DriftTests.run(method, on: pair) }
                continue
            }
            let result = try DriftTests.run(method, on: pair, binning: binning)
            #expect(result.method == method.rawValue)
            #expect(matchesReference(result.statistic, values[0]), "\(key) statistic \(result.statistic), scipy \(values[0])")
            if values[1].isNaN && !(method == .tTest) {
                #expect(result.pValue == nil || method == .mmd, "\(key) should have no p-value")
            } else {
                let p = result.pValue ?? -1
                #expect(matchesReference(p, values[1]), "\(key) p \(p), scipy \(values[1])")
            }
            #expect(result.referenceCount == reference.reference.count - reference.referenceMissing)
            #expect(result.currentCount == reference.current.count - reference.currentMissing)
            #expect(result.referenceMissing == reference.referenceMissing)
        }
    }

    @Test func emptyAfterDroppingMissingThrows() {
        #expect(throws: DataError("drift test: the reference sample is empty after dropping missing values")) {
            try DriftTests.run(.ksTest, reference: [.nan, .nan], current: [1, 2])
        }
        #expect(throws: DataError("drift test: the current sample is empty after dropping missing values")) {
            try DriftTests.run(.wasserstein, reference: [1], current: [])
        }
    }

    @Test func identicalSamplesAreNotDrift() throws {
        let values = (0..<200).map { Double($0 % 17) }
        for method in NumericDriftMethod.allCases where method != .tTest {
            let result = try DriftTests.run(method, reference: values, current: values)
            #expect(!result.drifted, "\(method)")
        }
        let ks = try DriftTests.run(.ksTest, reference: values, current: values)
        #expect(ks.statistic == 0 && ks.pValue == 1)
    }

    @Test func zeroVarianceTTestGivesNaN() throws {
        let result = try DriftTests.run(.tTest, reference: [2, 2, 2], current: [2, 2, 2, 2])
        #expect(result.pValue?.isNaN == true && !result.drifted)
    }

    @Test func verdictFollowsThreshold() throws {
        let a = (0..<300).map { Double($0) / 300 }
        let b = a.map { $0 + 0.5 }
        #expect(try DriftTests.run(.ksTest, reference: a, current: b).drifted)
        #expect(try DriftTests.run(.psi, reference: a, current: b).drifted)
        #expect(!(try DriftTests.run(.psi, reference: a, current: b, threshold: 1e9).drifted))
    }

    @Test func mmdIsSeededAndDetectsShift() throws {
        let a = (0..<400).map { sin(Double($0)) }
        let b = a.map { $0 + 1 }
        let first = try DriftTests.run(.mmd, reference: a, current: b)
        let second = try DriftTests.run(.mmd, reference: a, current: b)
        #expect(first == second)
        #expect(first.drifted && first.pValue == 1.0 / 101)
        let same = try DriftTests.run(.mmd, reference: a, current: a)
        #expect(!same.drifted)
        let big = (0..<5000).map { Double($0 % 97) }
        let capped = try DriftTests.run(.mmd, reference: big, current: big, mmd: MMDOptions(permutations: 10, maximumSampleSize: 300))
        #expect(capped.details["reference_used"] == 300)
    }

    @Test func radixSortMatchesStandardSort() throws {
        var generator = SeededGenerator(seed: 3)
        var values = (0..<20000).map { _ in Double.random(in: -1e6...1e6, using: &generator) }
        values += [0.0, -0.0, .infinity, -.infinity, 1e-310, -1e-310]
        var sorted = values
        try sorted.sortAscending()
        #expect(sorted == values.sorted())
    }

    /// The binned divergences on plain arrays bin by selection (no sort); they must give exactly what binning the
    /// sorted pair gives (which the fixtures check against numpy), for samples with ties, missing values and
    /// infinities, small and large enough for both sides to be counted concurrently, at several bin counts.
    @Test func quantileBinsBySelectionEqualTheSortedPath() throws {
        var generator = SeededGenerator(seed: 11)
        for (n, m) in [(1, 1), (7, 3), (100, 250), (5000, 80), (70000, 90000)] {
            var reference = (0..<n).map { _ in (Double.random(in: -3...3, using: &generator) * 100).rounded() / 100 }
            let current = (0..<m).map { i in i % 97 == 5 ? Double.nan : Double.random(in: -2...4, using: &generator) }
            if n > 10 { reference[3] = .nan; reference[5] = .infinity; reference[8] = -.infinity }
            for bins in [1, 2, 10, 37, 100] {
                for divergence in [NumericDriftMethod.psi, .jsDistance, .tvd] {
                    let selected = try DriftTests.run(divergence, reference: reference, current: current, binning: .quantiles(bins: bins))
                    let sorted = try DriftTests.run(divergence, on: SamplePair(reference: reference, current: current), binning: .quantiles(bins: bins))
                    #expect(selected == sorted, "\(n) × \(m), \(bins) bins, \(divergence)")
                }
            }
        }
        let constant = [Double](repeating: 2, count: 100)
        #expect(try DriftTests.run(.psi, reference: constant, current: [2, 3, 4]) == DriftTests.run(.psi, on: SamplePair(reference: constant, current: [2, 3, 4])))
    }
}

#if canImport(Glibc)
import Glibc
#endif
