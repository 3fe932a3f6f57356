// WeightedCDF: the distribution functions of two weighted samples (a quantile sketch's held values, or a grid
// histogram's bin midpoints) walked together, for the approximate KS statistic and Wasserstein distance.

/// Values with weights, ascending; the distribution function jumps by weight / total at each value.
struct WeightedSample {
    var points: [(value: Double, weight: Int)]
    var total: Int { points.reduce(0) { $0 + $1.weight } }

    /// The sketch's held values and weights.
    init(_ sketch: QuantileSketch) { points = sketch.weightedValues() }

    /// The grid's bins at the coarser exponent `exponent` (≥ the grid's own), each as its midpoint.
    init(_ histogram: GridHistogram, exponent: Int) {
        let grid = histogram.binned
        var byIndex: [(index: Int, count: Int)] = []
        for (i, count) in grid.counts.enumerated() where count > 0 {
            let index = (grid.firstIndex + i) >> (exponent - grid.exponent)
            if byIndex.last?.index == index { byIndex[byIndex.count - 1].count += count } else { byIndex.append((index, count)) }
        }
        let width = Double(sign: .plus, exponent: exponent, significand: 1)
        points = byIndex.map { ((Double($0.index) + 0.5) * width, $0.count) }
    }

    /// Calls `body(value, gapBefore, gapAfter)` at every distinct value of either sample in ascending order,
    /// where a gap is F_self − F_other just before and at the value.
    func walk(with other: WeightedSample, _ body: (_ value: Double, _ gapBefore: Double, _ gapAfter: Double) -> Void) {
        let total1 = Double(total), total2 = Double(other.total)
        let a = points, b = other.points
        var i = 0, j = 0, cumulative1 = 0, cumulative2 = 0
        var gap = 0.0
        while i < a.count || j < b.count {
            let value = j >= b.count || (i < a.count && a[i].value <= b[j].value) ? a[i].value : b[j].value
            while i < a.count && a[i].value == value { cumulative1 += a[i].weight; i += 1 }
            while j < b.count && b[j].value == value { cumulative2 += b[j].weight; j += 1 }
            let after = Double(cumulative1) / total1 - Double(cumulative2) / total2
            body(value, gap, after)
            gap = after
        }
    }

    /// sup |F − G| over the walk.
    func kolmogorovDistance(_ other: WeightedSample) -> Double {
        var d = 0.0
        walk(with: other) { _, _, after in d = Swift.max(d, abs(after)) }
        return d
    }

    /// ∫ |F − G| dx over the walk.
    func wassersteinDistance(_ other: WeightedSample) -> Double {
        var sum = CompensatedSum()
        var previous = Double.nan
        walk(with: other) { value, before, _ in
            if !previous.isNaN { sum.add(abs(before) * (value - previous)) }
            previous = value
        }
        return sum.value
    }
}
