// HistogramAndCategoricalTests: Histogram against numpy.histogram (counts equal, edges to 1e-12 relative), and the
// categorical drift methods against scipy.stats.chi2_contingency(correction=False), the pooled two-proportion z and
// share divergences (Fixtures/drift/histograms.json, categorical.json). Tolerance: 1e-9 absolute or 1e-6 relative.
import Testing
@testable import DriftCore

@Suite struct HistogramAndCategoricalTests {
    @Test func equalWidthMatchesNumpy() throws {
        let fixture = DriftFixtures.load("histograms.json")
        let cases = fixture["equalWidth"] as? [[String: Any]] ?? []
        #expect(cases.count == 6)
        for c in cases {
            let values = DriftFixtures.numbers(c["values"])
            let histogram = try Histogram(values, bins: c["bins"] as? Int ?? 0)
            #expect(histogram.counts == DriftFixtures.numbers(c["counts"]).map { Int($0) }, "\(c["name"] ?? "")")
            let edges = DriftFixtures.numbers(c["edges"])
            #expect(histogram.edges.count == edges.count)
            for (a, b) in zip(histogram.edges, edges) { #expect(matchesReference(a, b, absolute: 0, relative: 1e-12)) }
            #expect(abs(histogram.shares.reduce(0, +) - 1) < 1e-12)
        }
        let given = fixture["givenEdges"] as? [String: Any] ?? [:]
        let histogram = try Histogram(DriftFixtures.numbers(given["values"]), edges: DriftFixtures.numbers(given["edges"]))
        #expect(histogram.counts == DriftFixtures.numbers(given["counts"]).map { Int($0) })
    }

    @Test func histogramEdgeCases() throws {
        let constant = try Histogram([5, 5, .nan], bins: 2)
        #expect(constant.edges == [4.5, 5, 5.5] && constant.counts == [0, 2] && constant.missing == 1)
        #expect(throws: DataError.self) { try Histogram([1], bins: 0) }
        #expect(throws: DataError.self) { try Histogram([1, .infinity], bins: 3) }
    }

    @Test func categoricalHistogramOrdersByFrequency() {
        let column = Column.text(TextColumn(["b", "a", "b", nil, "c", "a", "b"]))
        let histogram = CategoricalHistogram(column)
        #expect(histogram.categories == ["b", "a", "c"] && histogram.counts == [3, 2, 1] && histogram.missing == 1)
        let flags = CategoricalHistogram(.boolean(BoolColumn([true, false, false, nil])))
        #expect(flags.categories == ["false", "true"] && flags.counts == [2, 1])
    }

    @Test func categoricalMatchesScipy() throws {
        let cases = DriftFixtures.load("categorical.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 3)
        for c in cases {
            let reference = Column.text(TextColumn((c["reference"] as? [String] ?? []).map { Optional($0) }))
            let current = Column.text(TextColumn((c["current"] as? [String] ?? []).map { Optional($0) }))
            let expected = (c["expected"] as? [String: Any] ?? [:]).mapValues { DriftFixtures.numbers($0) }
            for (key, values) in expected {
                guard let method = CategoricalDriftMethod(rawValue: key) else {
                    Issue.record("unknown method \(key)")
                    continue
                }
                let result = try DriftTests.run(method, reference: reference, current: current)
                #expect(matchesReference(result.statistic, values[0]), "\(key) \(result.statistic) vs \(values[0])")
                if !values[1].isNaN {
                    #expect(matchesReference(result.pValue ?? -1, values[1]), "\(key) p \(result.pValue ?? -1) vs \(values[1])")
                }
                #expect(result.newCategories == c["newCategories"] as? [String])
                #expect(result.missingCategories == c["missingCategories"] as? [String])
            }
        }
    }

    @Test func categoricalEdgeCases() throws {
        let bools = Column.boolean(BoolColumn([true, true, false, nil]))
        let z = try DriftTests.run(.zTest, reference: bools, current: .boolean(BoolColumn([true])))
        #expect(z.referenceMissing == 1 && z.missingCategories == ["false"])
        let one = try DriftTests.run(.chi2Test, reference: .text(TextColumn(["a"])), current: .text(TextColumn(["a", "a"])))
        #expect(one.statistic == 0 && one.pValue == 1 && !one.drifted)
        #expect(throws: DataError.self) {
            try DriftTests.run(.chi2Test, reference: .text(TextColumn([nil])), current: .text(TextColumn(["a"])))
        }
        #expect(throws: DataError.self) {
            try DriftTests.run(.psi, reference: .text(TextColumn(["a"])), current: .boolean(BoolColumn([true])))
        }
        let numbers = try DriftTests.run(.tvd, reference: .numeric(NumericColumn([1, 2, 2, .nan])),
                                         current: .numeric(NumericColumn([2, 3])))
        #expect(numbers.newCategories == ["3"] && numbers.missingCategories == ["1"] && numbers.currentMissing == 0)
    }
}
