// TreeGrowth: grows one tree of gradient boosting best-first, as LightGBM does: the leaf whose best split gains
// most splits next, until the tree has its leaves or no split gains. A leaf's split candidates come from its
// histogram — the sums of gradients and hessians and the row count per bin of each feature; the larger child's
// histogram is its parent's less the smaller child's. A numeric feature splits at a cut (the bins up to it go
// left); a categorical one sends one category left when it has at most 4, otherwise a run of up to 32 categories
// ordered by gradient / (hessian + 10), each side holding 100 rows at least, with 10 added to the hessians of both
// sides' gains and steps (LightGBM's max_cat_to_onehot, max_cat_threshold, min_data_per_group, cat_smooth, cat_l2).
// A leaf's step is −(its gradients) / (its hessians + that penalty), times the learning rate.

struct TreeGrowth {
    private static let bins = 256
    private static let oneHotCategories = 4, maximumRunCategories = 32, minimumGroupRows = 100
    private static let categorySmoothing = 10.0, categoryPenalty = 10.0

    /// The fitted rows only, so a row's position is its index.
    let data: BinnedRows
    let settings: GradientBoostedTrees.Settings

    init(data: BinnedRows, rows: [Int], settings: GradientBoostedTrees.Settings) {
        self.data = data.gathering(rows)
        self.settings = settings
    }

    private struct Split {
        var gain = 0.0
        var feature = -1
        var goesLeft = BinSet()
        /// The hessian penalty of the children's steps.
        var penalty = 0.0
    }

    private struct Leaf {
        let node: Int
        let positions: [Int]
        let histogram: Histogram
        let penalty: Double
        var best: Split?
    }

    /// Per feature and bin: the gradient sum, the hessian sum and the row count, at 3 × (feature × 256 + bin).
    private struct Histogram {
        var sums: [Double]

        init(features: Int) { sums = [Double](repeating: 0, count: 3 * features * TreeGrowth.bins) }

        /// The leaf's gradient and hessian sums (over the bins of its first feature).
        var totals: (gradient: Double, hessian: Double) {
            sums.withUnsafeBufferPointer { sums in
                var g = 0.0, h = 0.0
                for bin in 0..<TreeGrowth.bins { g += sums[3 * bin]; h += sums[3 * bin + 1] }
                return (g, h)
            }
        }

        func subtracting(_ other: Histogram) -> Histogram {
            var result = self
            result.sums.withUnsafeMutableBufferPointer { result in
                other.sums.withUnsafeBufferPointer { other in
                    for i in result.indices { result[i] -= other[i] }
                }
            }
            return result
        }
    }

    /// The tree and each leaf's node with the positions of its rows.
    func grow(gradients: [Double], hessians: [Double]) -> (tree: BoostedTree, leaves: [(node: Int, positions: [Int])]) {
        var tree = BoostedTree()
        let all = Array(0..<data.rowCount)
        var leaves = [leaf(node: tree.addNode(value: 0), all, histogram(all, gradients, hessians), penalty: 0)]
        while leaves.count < settings.maximumLeaves {
            guard let index = leaves.indices.filter({ leaves[$0].best != nil }).max(by: { leaves[$0].best!.gain < leaves[$1].best!.gain }),
                  let split = leaves[index].best else { break }
            let parent = leaves[index]
            let column = data.columns[split.feature]
            var left: [Int] = [], right: [Int] = []
            column.withUnsafeBufferPointer { column in
                for position in parent.positions {
                    if split.goesLeft.contains(column[position]) { left.append(position) } else { right.append(position) }
                }
            }
            let smaller = histogram(left.count <= right.count ? left : right, gradients, hessians)
            let larger = parent.histogram.subtracting(smaller)
            let (leftHistogram, rightHistogram) = left.count <= right.count ? (smaller, larger) : (larger, smaller)
            tree.feature[parent.node] = split.feature
            tree.goesLeft[parent.node] = split.goesLeft
            tree.left[parent.node] = tree.addNode(value: 0)
            tree.right[parent.node] = tree.addNode(value: 0)
            leaves[index] = leaf(node: tree.left[parent.node], left, leftHistogram, penalty: split.penalty)
            leaves.append(leaf(node: tree.right[parent.node], right, rightHistogram, penalty: split.penalty))
        }
        for leaf in leaves {
            let (g, h) = leaf.histogram.totals
            tree.value[leaf.node] = -g / (h + leaf.penalty) * settings.learningRate
        }
        return (tree, leaves.map { ($0.node, $0.positions) })
    }

    private func leaf(node: Int, _ positions: [Int], _ histogram: Histogram, penalty: Double) -> Leaf {
        Leaf(node: node, positions: positions, histogram: histogram, penalty: penalty, best: bestSplit(histogram, rows: positions.count))
    }

    private func histogram(_ positions: [Int], _ gradients: [Double], _ hessians: [Double]) -> Histogram {
        var histogram = Histogram(features: data.columns.count)
        histogram.sums.withUnsafeMutableBufferPointer { sums in
            positions.withUnsafeBufferPointer { positions in
                gradients.withUnsafeBufferPointer { gradients in
                    hessians.withUnsafeBufferPointer { hessians in
                        for (feature, column) in data.columns.enumerated() {
                            column.withUnsafeBufferPointer { column in
                                let offset = feature * Self.bins
                                for position in positions {
                                    let slot = 3 * (offset + Int(column[position]))
                                    sums[slot] += gradients[position]
                                    sums[slot + 1] += hessians[position]
                                    sums[slot + 2] += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return histogram
    }

    /// The split of a leaf that gains most over not splitting, if any gains.
    private func bestSplit(_ histogram: Histogram, rows: Int) -> Split? {
        guard rows >= 2 * settings.minimumLeafRows else { return nil }
        let (g, h) = histogram.totals
        return histogram.sums.withUnsafeBufferPointer { sums -> Split? in
            let parentGain = g * g / h
            var best = Split()
            let minimumRows = Double(settings.minimumLeafRows), minimumHessian = settings.minimumLeafHessian
            /// Considers sending the bins summed in (gl, hl, nl) left.
            func consider(_ gl: Double, _ hl: Double, _ nl: Double, feature: Int, penalty: Double, left: () -> BinSet) {
                let (gr, hr, nr) = (g - gl, h - hl, Double(rows) - nl)
                guard nl >= minimumRows, nr >= minimumRows, hl >= minimumHessian, hr >= minimumHessian else { return }
                let gain = gl * gl / (hl + penalty) + gr * gr / (hr + penalty) - parentGain
                if gain > best.gain { best = Split(gain: gain, feature: feature, goesLeft: left(), penalty: penalty) }
            }
            for feature in data.columns.indices {
                let base = 3 * feature * Self.bins
                func gradient(_ bin: Int) -> Double { sums[base + 3 * bin] }
                func hessian(_ bin: Int) -> Double { sums[base + 3 * bin + 1] }
                func count(_ bin: Int) -> Double { sums[base + 3 * bin + 2] }
                var used: [Int] = []
                for bin in 0..<Self.bins where count(bin) > 0 { used.append(bin) }
                guard used.count > 1 else { continue }
                func set(_ run: ArraySlice<Int>) -> BinSet {
                    var set = BinSet()
                    for bin in run { set.insert(UInt8(bin)) }
                    return set
                }
                if !data.categorical[feature] {
                    var gl = 0.0, hl = 0.0, nl = 0.0
                    for index in 0..<(used.count - 1) {
                        let bin = used[index]
                        gl += gradient(bin); hl += hessian(bin); nl += count(bin)
                        consider(gl, hl, nl, feature: feature, penalty: 0) { set(used[...index]) }
                    }
                } else if used.count <= Self.oneHotCategories {
                    for index in used.indices {
                        let bin = used[index]
                        consider(gradient(bin), hessian(bin), count(bin), feature: feature, penalty: 0) { set(used[index...index]) }
                    }
                } else {
                    let ordered = used.filter { count($0) >= Self.categorySmoothing }.sorted {
                        gradient($0) / (hessian($0) + Self.categorySmoothing) < gradient($1) / (hessian($1) + Self.categorySmoothing)
                    }
                    for run in [ordered, ordered.reversed()] {
                        var gl = 0.0, hl = 0.0, nl = 0.0
                        for length in 1..<Swift.max(1, Swift.min(Self.maximumRunCategories + 1, run.count)) {
                            let bin = run[length - 1]
                            gl += gradient(bin); hl += hessian(bin); nl += count(bin)
                            guard nl >= Double(Self.minimumGroupRows), Double(rows) - nl >= Double(Self.minimumGroupRows) else { continue }
                            consider(gl, hl, nl, feature: feature, penalty: Self.categoryPenalty) { set(run[..<length]) }
                        }
                    }
                }
            }
            return best.feature >= 0 ? best : nil
        }
    }
}
