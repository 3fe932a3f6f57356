// QuantileSketch: a mergeable quantile sketch with a deterministic, tracked rank-error bound — the compactor
// hierarchy of KLL (Karnin, Lang & Liberty 2016) with deterministic compaction as in Manku, Rajagopalan &
// Lindsay (1998). Hand-written: no Swift quantile-sketch package is among the machine's packages, and the
// structure is ~100 lines. Deterministic rather than KLL's random compaction so the bound is a guarantee, not
// a probability, and so a result can be reproduced.
//
// Level h holds values that each stand for 2^h inputs. When a level reaches `capacity` values it is sorted
// and every other value moves up one level (alternating which half per level). For any query x, one such
// compaction changes the weighted count of values ≤ x (or < x) by at most 2^h; the sketch adds 2^h to
// `rankErrorBound` at each compaction, so |estimated rank − true rank| ≤ rankErrorBound for every query,
// after any sequence of additions and merges. The bound grows like n·log2(n / capacity) / capacity:
// with the default capacity 8192, about 0.13 % of n at ten million values. Until the first compaction
// (at most `capacity` values) the sketch holds every value and its quantiles are exact.

/// Approximate quantiles and ranks of a stream of numbers, with a guaranteed rank error.
public struct QuantileSketch: Sendable, Equatable {
    public static let defaultCapacity = 8192

    public let capacity: Int
    /// levels[h]: values of weight 2^h (level 0 unsorted until compacted).
    private var levels: [[Double]] = [[]]
    /// Per level, which half the next compaction keeps.
    private var keepOdd: [Bool] = [false]
    /// How many values were added (NaN excluded by the caller).
    public private(set) var count = 0
    /// No estimated rank is further than this from the true rank (in values).
    public private(set) var rankErrorBound = 0

    public init(capacity: Int = QuantileSketch.defaultCapacity) {
        self.capacity = Swift.max(capacity, 2)
    }

    /// A sketch of values known only as groups: `groups` holds one value standing for `count` inputs each (a
    /// histogram bin's smallest value, say), and `rankErrorBound` bounds how far that moves any rank (the
    /// largest group's count, when every group's inputs lie between its value and the next group's). Each count
    /// is stored as its binary digits, one held value per power of two, so the levels keep their meaning.
    public init(capacity: Int = QuantileSketch.defaultCapacity, groups: [(value: Double, count: Int)], rankErrorBound: Int) {
        self.init(capacity: capacity)
        for (value, count) in groups where count > 0 && !value.isNaN {
            var rest = count, h = 0
            while rest > 0 {
                if rest & 1 == 1 {
                    while levels.count <= h {
                        levels.append([])
                        keepOdd.append(false)
                    }
                    levels[h].append(value)
                }
                rest >>= 1
                h += 1
            }
            self.count += count
        }
        self.rankErrorBound = rankErrorBound
    }

    /// The rank error as a share of the count (ε): estimated CDFs are within ε of the true one.
    public var rankError: Double { count > 0 ? Double(rankErrorBound) / Double(count) : 0 }

    /// True while the sketch still holds every value it was given.
    public var isExact: Bool { levels.count == 1 }

    /// Adds the present values of a batch (NaN is skipped).
    public mutating func add(_ values: [Double]) {
        for x in values where !x.isNaN {
            levels[0].append(x)
            count += 1
            if levels[0].count >= capacity { compact(from: 0) }
        }
    }

    /// Adds another sketch's values. Both must have the same capacity.
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.capacity == capacity, "merging quantile sketches of different capacities")
        for (h, values) in other.levels.enumerated() {
            if h == levels.count {
                levels.append([])
                keepOdd.append(false)
            }
            levels[h] += values
        }
        count += other.count
        rankErrorBound += other.rankErrorBound
        compact(from: 0)
    }

    /// Compacts every level, from `level` up, that is at or over capacity.
    private mutating func compact(from level: Int) {
        var h = level
        while h < levels.count {
            if levels[h].count >= capacity {
                var values = levels[h]
                values.sort()
                // An odd value out (the largest) stays at this level with its weight.
                let kept = values.count % 2 == 1 ? [values.removeLast()] : []
                let offset = keepOdd[h] ? 1 : 0
                keepOdd[h].toggle()
                let promoted = stride(from: offset, to: values.count, by: 2).map { values[$0] }
                levels[h] = kept
                if h + 1 == levels.count {
                    levels.append([])
                    keepOdd.append(false)
                }
                levels[h + 1] += promoted
                rankErrorBound += 1 << h
            }
            h += 1
        }
    }

    /// The held values with their weights, ascending (equal values adjacent).
    public func weightedValues() -> [(value: Double, weight: Int)] {
        var points: [(value: Double, weight: Int)] = []
        points.reserveCapacity(levels.reduce(0) { $0 + $1.count })
        for (h, values) in levels.enumerated() {
            for x in values { points.append((x, 1 << h)) }
        }
        points.sort { $0.value < $1.value }
        return points
    }

    /// Every value added, in the order added, while the sketch is exact; nil once it has compacted.
    public var exactValues: [Double]? { isExact ? levels[0] : nil }

    /// The values held at weight 1 when the sketch is exact, ascending; nil once it has compacted.
    public func exactSortedValues() -> [Double]? {
        isExact ? levels[0].sorted() : nil
    }

    /// The q-quantile. Exact (numpy's linear interpolation) while the sketch holds every value; after that
    /// the held value at weighted position q·(n − 1), whose true rank is within `rankErrorBound` + 1 of it.
    public func quantile(_ q: Double) -> Double {
        guard count > 0, q >= 0, q <= 1 else { return .nan }
        if let sorted = exactSortedValues() { return Statistics.quantile(sortedPresent: sorted, q) }
        let target = q * Double(count - 1)
        var cumulative = 0
        let points = weightedValues()
        for point in points {
            cumulative += point.weight
            if Double(cumulative) > target { return point.value }
        }
        return points[points.count - 1].value
    }
}
