// StatisticsTests: Statistics against numpy reference values (Fixtures/descriptive.json, made by
// tools/reference/make_fixtures.py). Tolerance: 1e-12 relative or 1e-12 absolute, whichever is looser.
import Foundation
import Testing
import DriftCore

struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let x: [Double?]
    let y: [Double?]
    let q: [Double]
    let sum, mean, median, min, max: Double
    let `var`, std, corrcoef: Double?
    let quantiles: [Double]

    var xs: [Double] { x.map { $0 ?? .nan } }
    var ys: [Double] { y.map { $0 ?? .nan } }
    var testDescription: String { name }

    static let all: [ReferenceCase] = {
        struct File: Decodable { let cases: [ReferenceCase] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/descriptive.json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
            return []
        }
        return file.cases
    }()
}

@Suite struct StatisticsTests {
    @Test func fixturesLoad() {
        #expect(ReferenceCase.all.count == 10)
    }

    @Test(arguments: ReferenceCase.all)
    func matchesNumpy(_ reference: ReferenceCase) {
        let x = reference.xs
        #expect(isClose(Statistics.sum(x), reference.sum))
        #expect(isClose(Statistics.mean(x), reference.mean))
        #expect(isClose(Statistics.variance(x), reference.var ?? .nan))
        #expect(isClose(Statistics.standardDeviation(x), reference.std ?? .nan))
        #expect(isClose(Statistics.median(x), reference.median))
        #expect(Statistics.min(x) == reference.min)
        #expect(Statistics.max(x) == reference.max)
        let quantiles = Statistics.quantiles(x, reference.q)
        for (k, q) in reference.q.enumerated() {
            #expect(isClose(quantiles[k], reference.quantiles[k]), "q = \(q)")
            #expect(isClose(Statistics.quantile(x, q), reference.quantiles[k]), "q = \(q)")
        }
        #expect(isClose(Statistics.correlation(x, reference.ys), reference.corrcoef ?? .nan))
    }

    @Test func emptyAndDegenerateInputs() {
        #expect(Statistics.sum([]) == 0 && Statistics.sum([.nan]) == 0)
        #expect(Statistics.mean([]).isNaN && Statistics.mean([.nan, .nan]).isNaN)
        #expect(Statistics.variance([1]).isNaN && Statistics.variance([1, .nan]).isNaN)
        #expect(Statistics.variance([4, 4, 4]) == 0)
        #expect(Statistics.min([]).isNaN && Statistics.max([.nan]).isNaN)
        #expect(Statistics.median([]).isNaN)
        #expect(Statistics.quantile([1, 2], 1.5).isNaN && Statistics.quantile([1, 2], -0.1).isNaN)
        #expect(Statistics.correlation([1, 2, 3], [1, 2]).isNaN)
        #expect(Statistics.correlation([1, 1, 1], [1, 2, 3]).isNaN)
        #expect(isClose(Statistics.correlation([1, 2, .nan, 4], [2, 4, 5, 8]), 1))
    }

    @Test func infinitiesPropagate() {
        #expect(Statistics.sum([1, .infinity]) == .infinity)
        #expect(Statistics.mean([1, -.infinity]) == -.infinity)
        #expect(Statistics.max([1, .infinity, .nan]) == .infinity)
    }

    @Test func compensatedSumIsExactOnCancellation() {
        #expect(Statistics.sum([1e16, 1, -1e16]) == 1)
        #expect(Statistics.mean([1e16, 1, -1e16, 2]) == 0.75)
    }
}
