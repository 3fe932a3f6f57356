// VectorReferenceTests: ranks, rolling statistics, running sums and products, differences, shifts and R's
// seq against reference values (Fixtures/vectors.json, made by tools/reference/vectors.py with scipy, pandas
// and exact arithmetic). Tolerances: ranks, rolling min and max, differences, shifts, products and sequences
// exact; running sums, rolling sums and rolling means 1e-14 of the sum of the magnitudes they add (the
// references are rounded once); rolling sd 1e-13 of the window's largest magnitude.
import Foundation
import Testing
import DriftCore

struct VectorReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
    let name: String
    let x: [Double?]
    let rank, cumsum, cumprod: [Double?]
    let diff, shift: [String: [Double?]]
    let rolling: [String: [String: [Double?]]]

    var xs: [Double] { x.map { $0 ?? .nan } }
    var testDescription: String { name }
}

struct SequenceReference: Decodable, Sendable {
    let from, to, by: Double
    let values: [Double]
}

struct VectorFixture: Decodable, Sendable {
    let cases: [VectorReferenceCase]
    let seq: [SequenceReference]

    static let file: VectorFixture? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/vectors.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try? decoder.decode(VectorFixture.self, from: data)
    }()
}

/// Reference values with nulls as NaN.
private func numbers(_ values: [Double?]?) -> [Double] { (values ?? []).map { $0 ?? .nan } }

/// Whether every element agrees (both missing, or within `tolerance(i)` of each other).
private func agree(_ actual: [Double], _ expected: [Double], tolerance: (Int) -> Double = { _ in 0 }) -> Bool {
    actual.count == expected.count && actual.indices.allSatisfy { i in
        let (a, b) = (actual[i], expected[i])
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return a == b || abs(a - b) <= tolerance(i)
    }
}

@Suite struct VectorReferenceTests {
    @Test func fixturesLoad() throws {
        let file = try #require(VectorFixture.file)
        #expect(file.cases.count == 10)
        #expect(file.seq.count == 12)
    }

    @Test(arguments: VectorFixture.file?.cases ?? [])
    func ranksMatchScipy(_ reference: VectorReferenceCase) throws {
        #expect(agree(try Column.numeric(NumericColumn(reference.xs)).ranks(), numbers(reference.rank)))
    }

    @Test(arguments: VectorFixture.file?.cases ?? [])
    func runningTotalsMatchPandas(_ reference: VectorReferenceCase) throws {
        let x = reference.xs
        var magnitudes = 0.0
        let scale = x.map { magnitudes += $0.isNaN ? 0 : abs($0); return magnitudes }
        #expect(agree(try Statistics.cumulativeSum(x), numbers(reference.cumsum)) { 1e-14 * scale[$0] })
        #expect(agree(try Statistics.cumulativeProduct(x), numbers(reference.cumprod)))
    }

    @Test(arguments: VectorFixture.file?.cases ?? [])
    func differencesAndShiftsMatchPandas(_ reference: VectorReferenceCase) {
        let x = reference.xs
        for (lag, expected) in reference.diff {
            #expect(agree(Statistics.differences(x, lag: Int(lag)!), numbers(expected)), "lag \(lag)")
        }
        for (lag, expected) in reference.shift {
            let shifted = Column.numeric(NumericColumn(x)).shifted(by: Int(lag)!)
            guard case .numeric(let column) = shifted else { Issue.record("not numeric"); continue }
            #expect(agree(column.values, numbers(expected)), "shift \(lag)")
        }
    }

    @Test(arguments: VectorFixture.file?.cases ?? [])
    func rollingStatisticsMatchTheReference(_ reference: VectorReferenceCase) throws {
        let x = reference.xs
        for (windowText, statistics) in reference.rolling {
            let window = Int(windowText)!
            // The sum and the largest of the magnitudes in the window ending at each row, as error scales.
            let rows = x.indices.map { max(0, $0 - window + 1)...$0 }
            let sums = rows.map { x[$0].reduce(0.0) { $1.isNaN ? $0 : $0 + abs($1) } }
            let largest = rows.map { x[$0].reduce(0.0) { $1.isNaN ? $0 : max($0, abs($1)) } }
            for statistic in RollingStatistic.allCases {
                let actual = try Statistics.rolling(x, window: window, statistic)
                let expected = numbers(statistics[statistic.rawValue])
                let tolerance: (Int) -> Double
                switch statistic {
                case .sum, .mean: tolerance = { 1e-14 * sums[$0] }
                case .sd: tolerance = { 1e-13 * largest[$0] }
                case .min, .max: tolerance = { _ in 0 }
                }
                #expect(agree(actual, expected, tolerance: tolerance), "\(statistic) over \(window)")
            }
        }
    }

    @Test func sequencesMatchR() throws {
        for reference in VectorFixture.file?.seq ?? [] {
            #expect(try Statistics.sequence(from: reference.from, to: reference.to, by: reference.by) == reference.values,
                    "seq(\(reference.from), \(reference.to), by: \(reference.by))")
        }
    }
}
