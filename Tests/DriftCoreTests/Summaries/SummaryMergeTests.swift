// SummaryMergeTests: the summaries' parts merge as promised — counts, categories and the grid histogram exactly,
// moments to rounding (against Statistics on the whole sample), and the quantile sketch within its tracked
// rank-error bound (checked against the exact ranks of the whole sample).
import Foundation
import Testing
@testable import DriftCore

@Suite struct SummaryMergeTests {
    /// A seeded skewed sample with ties and a few missing values.
    static func sample(_ n: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<n).map { i in
            if i % 50 == 0 { return .nan }
            let u = Double.random(in: 0..<1, using: &generator)
            return i % 7 == 0 ? 3 : -log(1 - u) * 10 + (i % 3 == 0 ? 100 : 0)
        }
    }

    @Test func momentsMergeToTheWholeSample() {
        let values = Self.sample(10_000, seed: 1)
        var merged = Moments()
        for start in stride(from: 0, to: values.count, by: 777) { merged.merge(Moments(Array(values[start..<min(start + 777, values.count)]))) }
        #expect(merged.count == values.count { !$0.isNaN })
        #expect(isClose(merged.mean, Statistics.mean(values)))
        #expect(isClose(merged.variance, Statistics.variance(values)))
        #expect(merged.minimum == Statistics.min(values) && merged.maximum == Statistics.max(values))
    }

    @Test func gridHistogramMergesExactly() {
        let a = Self.sample(5000, seed: 2), b = Self.sample(3000, seed: 3).map { $0 * 1000 - 7 }
        var whole = GridHistogram(maximumBins: 64)
        whole.add(a + b)
        var left = GridHistogram(maximumBins: 64), right = GridHistogram(maximumBins: 64)
        for start in stride(from: 0, to: a.count, by: 100) { left.add(Array(a[start..<min(start + 100, a.count)])) }
        right.add(b)
        left.merge(right)
        #expect(left == whole)
        #expect(whole.counts.reduce(0, +) == (a + b).count { !$0.isNaN })
        #expect(whole.counts.count <= 64)
        // Every value lies in its bin.
        let width = whole.binWidth
        for x in (a + b) where !x.isNaN {
            let i = Int((x / width).rounded(.down)) - whole.firstIndex
            #expect(i >= 0 && i < whole.counts.count && whole.leftEdge(i) <= x && x < whole.leftEdge(i) + width)
        }
    }

    @Test func sketchIsExactUntilFullThenWithinItsBound() {
        let values = Self.sample(20_000, seed: 4)
        let present = values.filter { !$0.isNaN }.sorted()
        var small = QuantileSketch(capacity: 100_000)
        small.add(values)
        #expect(small.isExact && small.rankErrorBound == 0)
        for q in [0.0, 0.1, 0.5, 0.93, 1] { #expect(small.quantile(q) == Statistics.quantile(values, q)) }

        var sketch = QuantileSketch(capacity: 256)
        var other = QuantileSketch(capacity: 256)
        sketch.add(Array(values[..<12_000]))
        other.add(Array(values[12_000...]))
        sketch.merge(other)
        #expect(!sketch.isExact && sketch.count == present.count && sketch.rankErrorBound > 0)
        #expect(sketch.weightedValues().reduce(0) { $0 + $1.weight } == present.count)
        let bound = sketch.rankErrorBound
        // Every rank query, at every distinct value, is within the bound.
        var estimated = 0
        let points = sketch.weightedValues()
        var p = 0
        for (i, x) in present.enumerated() where i + 1 == present.count || present[i + 1] != x {
            while p < points.count && points[p].value <= x { estimated += points[p].weight; p += 1 }
            #expect(abs(estimated - (i + 1)) <= bound)
        }
        // Quantiles: the true rank of the answer is within bound + 1 of q·(n − 1).
        for q in stride(from: 0.0, through: 1.0, by: 0.05) {
            let answer = sketch.quantile(q)
            let below = present.count { $0 < answer }, atOrBelow = present.count { $0 <= answer }
            let target = q * Double(present.count - 1)
            #expect(Double(below) <= target + Double(bound) + 1 && Double(atOrBelow) >= target - Double(bound))
        }
        #expect(sketch.rankError < 0.05)
    }

    @Test func columnSummariesMergeAndRejectMixedTypes() throws {
        let column = Column.text(TextColumn(["a", nil, "b", "a"]))
        var summary = ColumnSummary()
        try summary.add(column)
        var other = ColumnSummary()
        try other.add(.numeric(NumericColumn([.nan, .nan])))
        try summary.merge(other)
        #expect(summary.rowCount == 6 && summary.missing == 3 && summary.typeName == "str")
        #expect(summary.categories?.valueCounts().counts == [2, 1])
        #expect(throws: SummaryTypeConflict.self) { try summary.add(.numeric(NumericColumn([1]))) }
        var empty = ColumnSummary()
        try empty.add(.numeric(NumericColumn([.nan])))
        #expect(empty.finished.typeName == "num" && ColumnSummary().finished.typeName == "str")
    }

    @Test func numbersKeepCategoriesOnlyWhileFew() throws {
        var options = ColumnSummary.Options()
        options.numberCategoryLimit = 3
        var few = ColumnSummary(options: options)
        try few.add(.numeric(NumericColumn([1, 2, 2, 3, .nan])))
        #expect(few.categories?.valueCounts().counts == [2, 1, 1])
        try few.add(.numeric(NumericColumn([4])))
        #expect(few.categories == nil && few.tooManyCategories)
    }
}
