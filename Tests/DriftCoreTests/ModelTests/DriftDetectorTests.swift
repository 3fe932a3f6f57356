// DriftDetectorTests: every detector against River 0.26 on seeded streams (Fixtures/models/detectors.json).
// Drift and warning positions must be identical (the ports repeat River's arithmetic, and KSWIN repeats
// CPython's random.sample draws).
import Testing
@testable import DriftCore

struct DetectorFixture: Decodable {
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let detector: String
        let stream: String
        let drifts: [Int]
        let warnings: [Int]
        var testDescription: String { "\(detector) on \(stream)" }
    }
    struct Sample: Decodable, Sendable {
        let seed: UInt64
        let n: Int
        let k: Int
        let draws: [[Int]]
    }
    let streams: [String: [Double]]
    let cases: [Case]
    let samples: [Sample]

    static let shared = ModelFixtures.load(DetectorFixture.self, from: "detectors.json")
}

func makeDetector(_ name: String) throws -> any DriftDetector {
    switch name {
    case "ADWIN": try ADWIN()
    case "ADWIN_clock1": try ADWIN(delta: 0.01, clock: 1)
    case "PageHinkley": try PageHinkley()
    case "PageHinkley_up": try PageHinkley(threshold: 20, mode: .up)
    case "KSWIN": try KSWIN(seed: 42)
    case "KSWIN_seed7": try KSWIN(alpha: 0.01, windowSize: 80, statSize: 25, seed: 7)
    case "DDM": try DDM()
    case "EDDM": try EDDM()
    case "HDDMA": try HDDMA()
    case "HDDMW": try HDDMW()
    case "HDDMA_two": try HDDMA(twoSided: true)
    case "HDDMW_two": try HDDMW(twoSided: true)
    default: throw DataError("unknown detector \(name)")
    }
}

private func run(_ detector: any DriftDetector, _ values: [Double]) throws -> (drifts: [Int], warnings: [Int]) {
    try runDetector(detector, over: values)
}

@Suite struct DriftDetectorTests {
    @Test func fixturesLoad() throws {
        let fixture = try #require(DetectorFixture.shared)
        #expect(fixture.cases.count == 42)
    }

    @Test(arguments: DetectorFixture.shared?.cases ?? [])
    func matchesRiver(_ reference: DetectorFixture.Case) throws {
        let values = try #require(DetectorFixture.shared?.streams[reference.stream])
        // A detector that is `PageHinkley(threshold: 10)` on binary streams.
        let detector: any DriftDetector = reference.detector == "PageHinkley" && reference.stream.hasPrefix("bern")
            ? try PageHinkley(threshold: 10) : try makeDetector(reference.detector)
        let result = try run(detector, values)
        #expect(result.drifts == reference.drifts)
        #expect(result.warnings == reference.warnings)
    }

    @Test func pythonSampleMatchesCPython() throws {
        let fixture = try #require(DetectorFixture.shared)
        for sample in fixture.samples {
            var random = PythonRandom(seed: sample.seed)
            for draw in sample.draws {
                #expect(random.sample(rangeCount: sample.n, k: sample.k) == draw, "seed \(sample.seed)")
            }
        }
    }

    @Test func kswinsKolmogorovSmirnovTestMatchesSciPy() throws {
        // KSWIN compares two samples of stat size with ks_test's exact test.
        // scipy.stats.ks_2samp(range(30), range(10, 40)) -> statistic 1/3, p-value 0.07088798787114439
        let a = (0..<30).map(Double.init), b = (10..<40).map(Double.init)
        let test = try DriftTests.kolmogorovSmirnov(SamplePair(reference: a, current: b))
        #expect(isClose(test.statistic, 1.0 / 3.0))
        #expect(isClose(try #require(test.pValue), 0.07088798787114439, tolerance: 1e-14))
        #expect(try DriftTests.kolmogorovSmirnov(SamplePair(reference: a, current: a)).pValue == 1)
    }

    @Test func adwinDropsItsWindowAfterADrift() throws {
        var adwin = try ADWIN()
        var first: Int?
        for i in 0..<2000 where adwin.update(i < 1000 ? 0 : 10) == .drift {
            first = i
            break
        }
        let position = try #require(first)
        #expect(position > 1000 && position < 1100)
        #expect(adwin.windowWidth > 1)  // the stale part was cut away during the test
        // As in River 0.26, the update after a drift starts from an empty window.
        _ = adwin.update(10)
        #expect(adwin.windowWidth == 1)
    }

    @Test func adwinHandlesALongStream() throws {
        var adwin = try ADWIN()
        var generator = SeededGenerator(seed: 1)
        var drifts = 0
        for i in 0..<200_000 {
            let value = Double.random(in: 0..<1, using: &generator) + (i >= 100_000 ? 0.5 : 0)
            if adwin.update(value) == .drift { drifts += 1 }
        }
        #expect(drifts >= 1 && drifts <= 3)
        #expect(abs(adwin.estimation - 1.0) < 0.05)
    }

    @Test func adwinCopiesAreIndependent() throws {
        // ADWIN keeps its buckets in a shared buffer copied on write; 300,000 values also outgrow the
        // levels allocated at first.
        var original = try ADWIN()
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<300_000 { _ = original.update(Double.random(in: 0..<1, using: &generator)) }
        let width = original.windowWidth, mean = original.estimation, variance = original.variance
        #expect(width == 300_000)
        var first = original, second = original
        let shifted = (0..<5_000).map { Double($0 % 10) + 3 }
        let firstSignals = shifted.map { first.update($0) }
        #expect(original.windowWidth == width && original.estimation == mean && original.variance == variance)
        #expect(firstSignals.contains(.drift))
        #expect(shifted.map { second.update($0) } == firstSignals)
        #expect(second.estimation == first.estimation && second.variance == first.variance)
    }

    @Test func binaryDetectorsRejectOtherValues() throws {
        #expect(throws: DataError.self) { try runDetector(try DDM(), over: [0, 1, 0.5]) }
        #expect(throws: DataError.self) { try runDetector(try ADWIN(), over: [0, .nan]) }
        #expect(throws: DataError.self) { try EDDM(alpha: 0.8, beta: 0.9) }
        #expect(throws: DataError.self) { try KSWIN(windowSize: 50, statSize: 30) }
    }

    @Test func resetForgetsEverything() throws {
        var detector = try PageHinkley()
        let values = (0..<500).map { Double($0 < 250 ? 0 : 5) }
        let first = try runDetector(&detector, over: values)
        detector.reset()
        let second = try runDetector(&detector, over: values)
        #expect(first.drifts == second.drifts && !first.drifts.isEmpty)
    }
}
