// HypothesisTests: one-sided tests, the p-value methods, the k-sample Anderson–Darling test and the degenerate
// inputs against Fixtures/drift/hypotheses.json (tools/reference/make_hypothesis_fixtures.py). scipy's values at
// 1e-9 absolute or 1e-6 relative; the values hard-coded in scipy's own test suite at that test's tolerance;
// degenerate inputs give scipy's numbers or, where the fixture says why, an error or the rescaled truth.
import Testing
@testable import DriftCore

struct HypothesisCase: Sendable, CustomTestStringConvertible {
    let name: String
    let method: String
    let options: HypothesisOptions
    let reference: [Double]
    let current: [Double]
    let referenceText: [String]
    let currentText: [String]
    /// statistic, p-value.
    let expected: [Double]
    /// nil: scipy's own value (the drift tolerance); else the upstream test's absolute and relative tolerance.
    let tolerance: (absolute: Double, relative: Double)?
    var testDescription: String { name }

    static func all() -> [HypothesisCase] {
        let fixture = DriftFixtures.load("hypotheses.json")
        let samples = fixture["samples"] as? [String: [Any]] ?? [:]
        return (fixture["cases"] as? [[String: Any]] ?? []).map { c in
            let tolerance = (c["tolerance"] as? [String: Any]).map {
                (DriftFixtures.number($0["absolute"]), DriftFixtures.number($0["relative"]))
            }
            let ref = samples[c["reference"] as? String ?? ""] ?? [], cur = samples[c["current"] as? String ?? ""] ?? []
            return HypothesisCase(
                name: c["name"] as? String ?? "?", method: c["method"] as? String ?? "?",
                options: HypothesisOptions(alternative: Alternative(rawValue: c["alternative"] as? String ?? "") ?? .twoSided,
                                           method: PValueMethod(rawValue: c["pValueMethod"] as? String ?? "") ?? .auto),
                reference: DriftFixtures.numbers(ref), current: DriftFixtures.numbers(cur),
                referenceText: ref.compactMap { $0 as? String }, currentText: cur.compactMap { $0 as? String },
                expected: DriftFixtures.numbers(c["expected"]), tolerance: tolerance)
        }
    }

    func run() throws -> DriftTestResult {
        if method == "z_test" {
            return try DriftTests.run(.zTest, reference: .text(TextColumn(referenceText)), current: .text(TextColumn(currentText)),
                                      alternative: options.alternative)
        }
        let numeric = try #require(NumericDriftMethod(rawValue: method))
        return try DriftTests.run(numeric, reference: reference, current: current, options: options)
    }

    func matches(_ actual: Double, _ expected: Double) -> Bool {
        guard let tolerance else { return matchesReference(actual, expected) }
        return abs(actual - expected) <= tolerance.absolute + tolerance.relative * abs(expected)
    }
}

@Suite struct HypothesisTests {
    @Test func fixturesLoad() {
        let cases = HypothesisCase.all()
        #expect(cases.count == 158)
        #expect(cases.filter { $0.tolerance != nil }.count == 56)
    }

    @Test(arguments: HypothesisCase.all())
    func matchesScipy(_ reference: HypothesisCase) throws {
        let result = try reference.run()
        #expect(reference.matches(result.statistic, reference.expected[0]), "statistic \(result.statistic), expected \(reference.expected[0])")
        let p = result.pValue ?? .nan
        #expect(reference.matches(p, reference.expected[1]), "p \(p), expected \(reference.expected[1])")
        #expect(result.alternative == reference.options.alternative)
    }

    /// Two-sided results do not change with the new options: every numeric fixture of numeric.json gives the
    /// same bits through `options` as before.
    @Test func twoSidedDefaultsAreUnchanged() throws {
        for c in NumericCase.all() {
            let pair = try SamplePair(reference: c.reference, current: c.current)
            let methods: [NumericDriftMethod] = min(pair.referenceCount, pair.currentCount) < 2 ? [.ksTest, .mannWhitney] : [.ksTest, .mannWhitney, .tTest]
            for method in methods {
                let plain = try DriftTests.run(method, on: pair)
                let explicit = try DriftTests.run(method, on: pair, options: HypothesisOptions(alternative: .twoSided, method: .auto))
                #expect(plain == explicit)
            }
        }
    }

    @Test func andersonKSamplesMatchScipy() throws {
        let cases = DriftFixtures.load("hypotheses.json")["anderson"] as? [[String: Any]] ?? []
        #expect(cases.count == 6)
        for c in cases {
            let samples = (c["samples"] as? [Any] ?? []).map { DriftFixtures.numbers($0) }
            let result = try DriftTests.andersonDarling(samples: samples)
            let expected = DriftFixtures.numbers(c["expected"])
            let name = c["name"] as? String ?? ""
            #expect(matchesReference(result.statistic, expected[0]) && matchesReference(result.pValue ?? .nan, expected[1]),
                    "\(name): \(result.statistic) \(result.pValue ?? .nan), scipy \(expected)")
            if let upstream = c["upstream"] as? [Double], let tolerance = c["tolerance"] as? [Double] {
                #expect(abs(result.statistic - upstream[0]) <= tolerance[0], "\(name) statistic against scipy's test suite")
                #expect(abs((result.pValue ?? .nan) - upstream[1]) <= tolerance[1], "\(name) p-value against scipy's test suite")
            }
            #expect(result.referenceCount == samples[0].count)
            #expect(result.currentCount == samples.dropFirst().reduce(0) { $0 + $1.count })
            if samples.count == 2 {
                #expect(result == (try DriftTests.run(.andersonTest, reference: samples[0], current: samples[1])))
            } else {
                #expect(result.details["samples"] == Double(samples.count))
            }
        }
    }

    @Test func andersonRefusesFewerThanTwoSamplesAndEmptyOnes() {
        #expect(throws: DataError.self) { try DriftTests.andersonDarling(samples: [[1, 2, 3]]) }
        #expect(throws: DataError("anderson_test: sample 2 is empty after dropping missing values")) {
            try DriftTests.andersonDarling(samples: [[1, 2], [.nan], [3, 4]])
        }
    }

    @Test func degenerateInputs() throws {
        let cases = DriftFixtures.load("hypotheses.json")["degenerate"] as? [[String: Any]] ?? []
        #expect(cases.count == 70)
        for c in cases {
            let name = "\(c["name"] ?? "") \(c["method"] ?? "")"
            let method = try #require(NumericDriftMethod(rawValue: c["method"] as? String ?? ""))
            let reference = DriftFixtures.numbers(c["reference"]), current = DriftFixtures.numbers(c["current"])
            if c["drift"] as? String == "error" {
                #expect(throws: DataError.self, "\(name)") { try DriftTests.run(method, reference: reference, current: current) }
                continue
            }
            let expected = DriftFixtures.numbers(c["drift"])
            let result = try DriftTests.run(method, reference: reference, current: current)
            #expect(matchesReference(result.statistic, expected[0]), "\(name): statistic \(result.statistic), expected \(expected[0])")
            if let p = result.pValue {
                #expect(matchesReference(p, expected[1]), "\(name): p \(p), expected \(expected[1])")
            }
        }
    }

    @Test func welchWithZeroVarianceFollowsScipy() throws {
        let apart = try DriftTests.run(.tTest, reference: [0, 0, 0], current: [1, 1, 1])
        #expect(apart.statistic == -.infinity && apart.pValue == 0 && apart.drifted)
        #expect(apart.details["degrees_of_freedom"] == 1)
        let less = try DriftTests.run(.tTest, reference: [0, 0, 0], current: [1, 1, 1], options: HypothesisOptions(alternative: .less))
        #expect(less.pValue == 0)
        let greater = try DriftTests.run(.tTest, reference: [0, 0, 0], current: [1, 1, 1], options: HypothesisOptions(alternative: .greater))
        #expect(greater.pValue == 1)
    }

    @Test func hugeValuesStayFinite() throws {
        let a = [1e308, -1e308, 3e307], b = [1e308, 1e308, -2e307, 0]
        let scale = 0x1p-1024
        for method in [NumericDriftMethod.wassersteinNormed, .mmd, .tTest] {
            let huge = try DriftTests.run(method, reference: a, current: b)
            let small = try DriftTests.run(method, reference: a.map { $0 * scale }, current: b.map { $0 * scale })
            #expect(huge.statistic.isFinite && huge.statistic == small.statistic && huge.pValue == small.pValue, "\(method)")
        }
    }

    /// An asked-for exact distribution is bounded; `auto` goes exact only with at most 8 values on a side.
    @Test func exactMannWhitneyIsBounded() throws {
        let big = (0..<2000).map(Double.init)
        #expect(throws: DataError.self) {
            try DriftTests.run(.mannWhitney, reference: big, current: big, options: HypothesisOptions(method: .exact))
        }
        let auto = try DriftTests.run(.mannWhitney, reference: [0.5, 3.5, 1200.5], current: big + big.map { $0 + 0.25 })
        #expect(auto.details["exact"] == 1)
    }

    @Test func histogramRefusesEdgesThatDoNotRise() {
        #expect(throws: DataError.self) { try Histogram([1, 1 + 1e-15], bins: 100) }
    }

    /// numpy refuses a range wider than the largest double (its step overflows); Drift splits it without overflow.
    @Test func histogramSpansTheWholeDoubleRange() throws {
        let histogram = try Histogram([1e308, -1e308, 0], bins: 4)
        #expect(histogram.edges == [-1e308, -5e307, 0, 5e307, 1e308] && histogram.counts == [1, 0, 1, 1])
        let psi = try DriftTests.run(.psi, reference: [1e308, -1e308], current: [1e308, 1e308], binning: .uniform(bins: 2))
        #expect(psi.statistic.isFinite && psi.drifted)
    }

    @Test func allMissingCategoriesSaySo() {
        #expect(throws: DataError("categorical drift test: the current sample is empty after dropping missing values")) {
            try DriftTests.run(.chi2Test, reference: .text(TextColumn(["a", nil])), current: .numeric(NumericColumn([.nan, .nan])))
        }
    }
}
