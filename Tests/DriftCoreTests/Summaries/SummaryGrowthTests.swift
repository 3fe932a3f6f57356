// SummaryGrowthTests: summaries that keep their values while few (the grid's held values, numbers counted from
// the exact sketch) give exactly what binning and counting every chunk as it comes gives, whatever the data,
// the chunking and the order of merges — small with small, small with binned, binned with binned.
import Foundation
import Testing
@testable import DriftCore

@Suite struct SummaryGrowthTests {
    /// Random values of a random kind: few distinct, wide ranges, ties, zeros of both signs, NaN and ±∞.
    static func values(_ count: Int, using generator: inout SeededGenerator) -> [Double] {
        let kind = Int.random(in: 0..<4, using: &generator)
        return (0..<count).map { _ in
            let u = Double.random(in: 0..<1, using: &generator)
            switch Int.random(in: 0..<40, using: &generator) {
            case 0: return .nan
            case 1: return u < 0.5 ? .infinity : -.infinity
            case 2: return u < 0.5 ? 0.0 : -0.0
            default: break
            }
            switch kind {
            case 0: return Double(Int(u * 6))                  // few distinct values
            case 1: return (u - 0.5) * 1e6                      // a wide range
            case 2: return 1000 + u * 1e-6                      // a narrow range far from zero
            default: return u < 0.5 ? -log(1 - u) : u * 1e12    // two scales at once
            }
        }
    }

    /// Splits `values` into chunks of random sizes (some empty, some over the histogram's held-value limit).
    static func chunks(_ values: [Double], using generator: inout SeededGenerator) -> [[Double]] {
        var chunks: [[Double]] = [], start = 0
        while start < values.count {
            let end = min(values.count, start + Int.random(in: 0...80, using: &generator))
            chunks.append(Array(values[start..<end]))
            start = end
        }
        return chunks
    }

    /// Merges `parts` pairwise in a random order, as partitions of a source would be.
    static func mergedInRandomOrder<T>(_ parts: [T], using generator: inout SeededGenerator, _ merge: (inout T, T) throws -> Void) rethrows -> T? {
        var parts = parts
        while parts.count > 1 {
            let i = Int.random(in: 0..<(parts.count - 1), using: &generator)
            var left = parts[i]
            try merge(&left, parts.remove(at: i + 1))
            parts[i] = left
        }
        return parts.first
    }

    @Test(arguments: 0..<60)
    func gridHistogramsGiveTheBinnedHistogram(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed))
        let values = Self.values(Int.random(in: 0...400, using: &generator), using: &generator)
        let chunks = Self.chunks(values, using: &generator)
        // Today's dense path: every chunk binned as it comes.
        var binned = GridHistogram(maximumBins: 64, exactValueLimit: 0)
        for chunk in chunks { binned.add(chunk) }
        // Each chunk summarised apart (held while at most 32 values), then merged in a random order.
        let parts = chunks.map { chunk in
            var part = GridHistogram(maximumBins: 64)
            part.add(chunk)
            return part
        }
        let merged = Self.mergedInRandomOrder(parts, using: &generator) { $0.merge($1) } ?? GridHistogram(maximumBins: 64)
        #expect(merged.counts == binned.counts && merged.infiniteCount == binned.infiniteCount)
        #expect(merged.counts.isEmpty || merged.exponent == binned.exponent && merged.firstIndex == binned.firstIndex)
        #expect(merged == binned && merged.binned == binned)
        #expect(binned.counts.reduce(0, +) == values.count { $0.isFinite })
    }

    @Test func mergingCoversEveryPairOfForms() {
        var generator = SeededGenerator(seed: 99)
        let small = Self.values(10, using: &generator).map { $0.isFinite ? $0 : 1 }
        let large = (0..<200).map { Double($0) * 3.5 - 90 }
        func histogram(_ values: [Double]) -> GridHistogram {
            var histogram = GridHistogram(maximumBins: 64)
            histogram.add(values)
            return histogram
        }
        for (a, b) in [(small, small), (small, large), (large, small), (large, large)] {
            var merged = histogram(a)
            merged.merge(histogram(b))
            var dense = GridHistogram(maximumBins: 64, exactValueLimit: 0)
            dense.add(a + b)
            #expect(merged.counts == dense.counts && merged.exponent == dense.exponent && merged.firstIndex == dense.firstIndex)
        }
    }

    @Test(arguments: 0..<40)
    func numberCountsFromTheSketchEqualCountingEveryChunk(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(1000 + seed))
        var options = ColumnSummary.Options()
        options.sketchCapacity = 64  // the sketch stops holding every value part way
        options.numberCategoryLimit = Int.random(in: 3...12, using: &generator)
        options.gridBins = 64
        let values = Self.values(Int.random(in: 0...300, using: &generator), using: &generator)
        let chunks = Self.chunks(values, using: &generator)
        let parts = try chunks.map { chunk in
            var summary = ColumnSummary(options: options)
            try summary.add(.numeric(NumericColumn(chunk)))
            return summary
        }
        let merged = try Self.mergedInRandomOrder(parts, using: &generator) { try $0.merge($1) } ?? ColumnSummary(options: options)
        var streamed = ColumnSummary(options: options)
        for chunk in chunks { try streamed.add(.numeric(NumericColumn(chunk))) }
        // Counting every value in order, as summaries did before they held them.
        var whole = CategoryCounts(type: .numeric)
        let expected = whole.add(numbers: values, limit: options.numberCategoryLimit) ? whole : nil
        for summary in [merged, streamed] {
            #expect(summary.categories == expected)
            #expect(summary.categories?.valueCounts().values.numbers?.map(\.sign) == expected?.valueCounts().values.numbers?.map(\.sign))
            #expect(summary.tooManyCategories == (expected == nil && values.contains { !$0.isNaN }))
            #expect(summary.grid == streamed.grid && summary.count == values.count { !$0.isNaN })
        }
    }
}
