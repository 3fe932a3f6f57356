// SQLDistribution: a numeric column's quantile sketch, grid histogram and exact per-value counts, from the
// groups of a pushed-down GROUP BY (`SQLGroupedPass`). Keyed by value, the groups are the column's distinct
// values: the sketch and grid are made from them exactly as a streaming pass would. Keyed by fine-grid bin,
// the grid is the fine bins merged to the coarse grid a streaming pass settles on (power-of-two grids nest, so
// this is exact), and the sketch holds each bin's count at the bin's smallest value: every rank is then within
// the largest count of a bin holding more than one distinct value (a bin whose values are all equal moves no
// rank), which is the sketch's `rankErrorBound`. Per-value counts come from bins that each hold one value.
import DriftCore

struct SQLDistribution {
    var sketch: QuantileSketch
    var grid: GridHistogram
    /// nil when there are too many distinct values, or the bins cannot tell how many there are.
    var categories: CategoryCounts?

    init(_ key: GroupedKey, _ groups: [ValueGroup], options: ColumnSummary.Options) {
        sketch = QuantileSketch(capacity: options.sketchCapacity)
        grid = GridHistogram(maximumBins: options.gridBins)
        categories = nil
        let distinct = groups.allSatisfy { $0.smallest == $0.largest }
        if distinct, groups.count <= options.numberCategoryLimit {
            categories = CategoryCounts(values: .numeric(NumericColumn(groups.map(\.smallest))), counts: groups.map(\.count))
        }
        switch key {
        case .value, .category:
            var values: [Double] = []
            for group in groups { values += repeatElement(group.key, count: group.count) }
            sketch.add(values)
            grid.add(values)
        case .grid(let fine):
            guard let low = groups.map(\.smallest).min(), let high = groups.map(\.largest).max() else { return }
            let exponent = Swift.max(GridHistogram.exponent(low: low, high: high, maximumBins: options.gridBins), fine)
            grid = GridHistogram(maximumBins: options.gridBins, exponent: exponent,
                                 indexCounts: groups.map { (Int($0.key) >> (exponent - fine), $0.count) })
            let mixed = groups.filter { $0.smallest < $0.largest }.map(\.count).max() ?? 0
            sketch = QuantileSketch(capacity: options.sketchCapacity, groups: groups.map { ($0.smallest, $0.count) }, rankErrorBound: mixed)
        }
    }
}
