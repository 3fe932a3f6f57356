// ScanCSVTests: a CSV scanned in small chunks gives the summaries and drift tests the in-memory reader and
// tests give on the same file — exactly for counts and count-based tests, within the reported error bound for
// the sketch-based ones — and agrees with numpy/scipy (Fixtures/summaries, made by
// tools/reference/make_summary_fixtures.py; tolerance 1e-12 relative for moments and count-based statistics).
import Foundation
import Testing
@testable import DriftCore

@Suite struct ScanCSVTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/summaries")
    static var referencePath: String { directory.appendingPathComponent("reference.csv").path }
    static var currentPath: String { directory.appendingPathComponent("current.csv").path }
    nonisolated(unsafe) static let expected: [String: Any] = {
        let data = (try? Data(contentsOf: directory.appendingPathComponent("expected.json"))) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }()

    static func expectedFile(_ name: String) -> [String: [String: Any]] {
        ((expected["files"] as? [String: Any])?[name] as? [String: Any])?.compactMapValues { $0 as? [String: Any] } ?? [:]
    }

    static func expectedTest(_ column: String) -> [String: Any] {
        (expected["tests"] as? [String: Any])?[column] as? [String: Any] ?? [:]
    }

    /// Small chunks (many boundaries, several inside quoted fields' neighbourhood) and, optionally, a small sketch.
    static func cache(_ path: String, sketchCapacity: Int = QuantileSketch.defaultCapacity) throws -> SummaryCache {
        var options = ColumnSummary.Options()
        options.sketchCapacity = sketchCapacity
        return SummaryCache(try CSVScanSource(path: path, chunkBytes: 5000), options: options)
    }

    @Test func summariesMatchTheInMemoryReaderAndNumpy() throws {
        for (name, path) in [("reference", Self.referencePath), ("current", Self.currentPath)] {
            let frame = try CSVReader.read(path: path)
            let summaries = try Self.cache(path).allSummaries()
            let expected = Self.expectedFile(name)
            #expect(summaries.count == frame.columnCount)
            for (column, values) in zip(frame.names, frame.columns) {
                let summary = try #require(summaries[column])
                #expect(summary.typeName == values.typeName, "\(column)")
                #expect(summary.rowCount == values.count && summary.missing == values.missingCount, "\(column)")
                if let counts = summary.categories?.valueCounts() {
                    let memory = values.valueCounts()
                    #expect(counts.values == memory.values && counts.counts == memory.counts, "\(column)")
                }
                guard case .numeric(let numbers) = values, let reference = expected[column] else { continue }
                #expect(isClose(summary.moments.mean, DriftFixtures.number(reference["mean"])), "\(column)")
                #expect(isClose(summary.moments.standardDeviation, DriftFixtures.number(reference["sd"])), "\(column)")
                #expect(isClose(summary.moments.mean, Statistics.mean(numbers.values)))
                // Exactly the in-memory values; numpy's to 1e-15 (the CSV number parser can be an ulp off Python's).
                #expect(summary.moments.minimum == Statistics.min(numbers.values))
                #expect(summary.moments.maximum == Statistics.max(numbers.values))
                #expect(isClose(summary.moments.minimum, DriftFixtures.number(reference["min"]), tolerance: 1e-15))
                #expect(isClose(summary.moments.maximum, DriftFixtures.number(reference["max"]), tolerance: 1e-15))
                #expect(summary.sketch.isExact)
                let levels = [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]
                for (q, value) in zip(levels, DriftFixtures.numbers(reference["quantiles"])) {
                    #expect(summary.sketch.quantile(q) == Statistics.quantile(numbers.values, q))
                    #expect(isClose(summary.sketch.quantile(q), value, tolerance: 1e-15))
                }
            }
        }
        // The column with text late in the file is text, as in the whole-file reader.
        #expect(try Self.cache(Self.referencePath).summary("code").typeName == "str")
    }

    @Test func histogramCountsOverGivenEdgesAreNumpys() throws {
        let cache = try Self.cache(Self.referencePath)
        let reference = Self.expectedFile("reference")["y"] ?? [:]
        let summary = try cache.summary("y")
        let edges = try Histogram.equalWidthEdges(summary.moments.minimum, summary.moments.maximum, bins: 10)
        let counts = try cache.counts("y", BinEdges(edges, rule: .histogram))
        #expect(counts == DriftFixtures.numbers(reference["hist_counts"]).map { Int($0) })
        for (a, b) in zip(edges, DriftFixtures.numbers(reference["hist_edges"])) { #expect(isClose(a, b)) }
    }

    @Test func countBasedTestsEqualTheInMemoryOnes() throws {
        let refFrame = try CSVReader.read(path: Self.referencePath), curFrame = try CSVReader.read(path: Self.currentPath)
        let small = 64  // a tiny sketch: the quantile edges are approximate, everything else must stay exact
        let ref = try Self.cache(Self.referencePath, sketchCapacity: small), cur = try Self.cache(Self.currentPath, sketchCapacity: small)
        for column in ["grade", "flag", "level"] {
            let methods: [CategoricalDriftMethod] = column == "flag" ? [.zTest, .chi2Test] : [.chi2Test, .psi, .jsDistance, .hellinger, .tvd, .klDivergence]
            for method in methods {
                let streamed = try DriftTests.run(method.rawValue, reference: SummarizedColumn(ref, column), current: SummarizedColumn(cur, column), kind: .categorical)
                let memory = try DriftTests.run(method, reference: try #require(refFrame.column(named: column)), current: try #require(curFrame.column(named: column)))
                #expect(streamed == memory, "\(column) \(method)")
                if let scipy = Self.expectedTest(column)[method.rawValue] as? [Any] {
                    #expect(isClose(streamed.statistic, DriftFixtures.number(scipy[0])), "\(column) \(method)")
                }
            }
        }
        for column in ["x", "y"] {
            let refValues = try #require(refFrame.column(named: column)?.numbers), curValues = try #require(curFrame.column(named: column)?.numbers)
            let uniform = Self.expectedTest(column)["uniform"] as? [String: Any] ?? [:]
            for method in [NumericDriftMethod.psi, .klDivergence, .jsDistance, .hellinger, .tvd] {
                let streamed = try DriftTests.run(method.rawValue, reference: SummarizedColumn(ref, column), current: SummarizedColumn(cur, column), binning: .uniform(bins: 10))
                let memory = try DriftTests.run(method, reference: refValues, current: curValues, binning: .uniform(bins: 10))
                #expect(streamed.statistic == memory.statistic, "\(column) \(method)")
                #expect(isClose(streamed.statistic, DriftFixtures.number(uniform[method.rawValue])), "\(column) \(method)")
            }
            let t = try DriftTests.run("t_test", reference: SummarizedColumn(ref, column), current: SummarizedColumn(cur, column))
            let scipy = Self.expectedTest(column)["t_test"] as? [Any] ?? []
            #expect(isClose(t.statistic, DriftFixtures.number(scipy.first), tolerance: 1e-10))
            #expect(matchesReference(t.pValue ?? .nan, DriftFixtures.number(scipy.last)))
        }
    }

    @Test func quantileBinningIsExactWhileTheSketchIsAndUsesSketchEdgesAfter() throws {
        let refFrame = try CSVReader.read(path: Self.referencePath), curFrame = try CSVReader.read(path: Self.currentPath)
        let refValues = try #require(refFrame.column(named: "x")?.numbers), curValues = try #require(curFrame.column(named: "x")?.numbers)
        let exact = try DriftTests.run("psi", reference: SummarizedColumn(try Self.cache(Self.referencePath), "x"),
                                       current: SummarizedColumn(try Self.cache(Self.currentPath), "x"))
        #expect(exact == (try DriftTests.run(.psi, reference: refValues, current: curValues)))
        let ref = try Self.cache(Self.referencePath, sketchCapacity: 128)
        let approximate = try DriftTests.run("psi", reference: SummarizedColumn(ref, "x"), current: SummarizedColumn(try Self.cache(Self.currentPath, sketchCapacity: 128), "x"))
        let sketch = try ref.summary("x").sketch
        #expect(approximate.details["edge_rank_error"] == sketch.rankError && sketch.rankError > 0)
        // The counts are exact for the sketch's edges: the in-memory shares over the same edges give the same psi.
        let edges = SharedBins.quantileEdges(bins: 10) { sketch.quantile($0) }
        let pair = try SamplePair(reference: refValues, current: curValues)
        let memory = ShareDivergence.psi.value(
            reference: SharedBins.shares(try SharedBins.countOpenBins(pair.reference, edges: edges)),
            current: SharedBins.shares(try SharedBins.countOpenBins(pair.current, edges: edges)))
        #expect(approximate.statistic == memory)
    }

    @Test func ksAndWassersteinAreWithinTheirBound() throws {
        for capacity in [64, 256, 1024, QuantileSketch.defaultCapacity] {
            let ref = try Self.cache(Self.referencePath, sketchCapacity: capacity), cur = try Self.cache(Self.currentPath, sketchCapacity: capacity)
            for column in ["x", "y"] {
                let expected = Self.expectedTest(column)
                let ks = try DriftTests.run("ks_test", reference: SummarizedColumn(ref, column), current: SummarizedColumn(cur, column))
                let ksBound = try #require(ks.details["error_bound"])
                #expect(abs(ks.statistic - DriftFixtures.number(expected["ks_statistic"])) <= ksBound + 1e-12, "\(column) \(capacity)")
                let w = try DriftTests.run("wasserstein", reference: SummarizedColumn(ref, column), current: SummarizedColumn(cur, column))
                let wBound = try #require(w.details["error_bound"])
                #expect(abs(w.statistic - DriftFixtures.number(expected["wasserstein"])) <= wBound + 1e-9, "\(column) \(capacity)")
                if capacity == QuantileSketch.defaultCapacity {
                    #expect(ksBound == 0 && wBound == 0 && isClose(w.statistic, DriftFixtures.number(expected["wasserstein"]), tolerance: 1e-9))
                } else {
                    #expect(ksBound > 0 && ksBound < 0.2)
                }
                let normed = try DriftTests.run("wasserstein_normed", reference: SummarizedColumn(ref, column), current: SummarizedColumn(cur, column))
                #expect(isClose(normed.details["reference_std"] ?? .nan, DriftFixtures.number(expected["reference_std"]), tolerance: 1e-10))
            }
        }
    }

    @Test func methodsNeedingEveryValueAreRefused() throws {
        let ref = try Self.cache(Self.referencePath)
        #expect(throws: DataError.self) { try DriftTests.run("mann_whitney", reference: SummarizedColumn(ref, "x"), current: SummarizedColumn(ref, "x")) }
        #expect(throws: DataError.self) { try ref.summary("nope") }
    }
}
