// DecisionTree: CART (Breiman, Friedman, Olshen & Stone 1984) — binary splits "x ≤ threshold" on the
// encoded features (thresholds halfway between consecutive distinct values), chosen greedily to minimise
// the weighted Gini impurity (classification) or squared error (regression), as scikit-learn's
// DecisionTreeClassifier / DecisionTreeRegressor with max_depth 5 and min_samples_leaf 1 by default.
// Ties between equally good splits go to the first feature, where scikit-learn picks at random.
// Hand-written: the core has no dependencies, and the tree must be Codable for save/load.

public struct DecisionTree: Sendable, Equatable, Codable {
    public enum Task: String, Sendable, Codable {
        case classification, regression
    }

    public struct Node: Sendable, Equatable, Codable {
        /// Encoded feature index, or -1 for a leaf.
        public var feature: Int
        public var threshold: Double
        public var left: Int
        public var right: Int
        /// Class proportions (classification) or the mean target (regression) of the node's rows.
        public var value: [Double]
        public var samples: Int
    }

    public let target: String
    public let task: Task
    public let encoder: FeatureEncoder
    /// The classes of a classification tree (nil for regression).
    public let classes: ClassLabels?
    public let maxDepth: Int
    public let minSamplesLeaf: Int
    /// Node 0 is the root.
    public private(set) var nodes: [Node] = []

    /// Fits a tree; the task defaults to regression for a numeric target and classification otherwise.
    public init(fitting frame: DataFrame, target: String, features: [String]? = nil, task: Task? = nil,
                maxDepth: Int = 5, minSamplesLeaf: Int = 1) throws {
        guard maxDepth >= 0 else { throw DataError("max depth must not be negative") }
        guard minSamplesLeaf >= 1 else { throw DataError("min samples per leaf must be at least 1") }
        guard frame.rowCount > 0 else { throw DataError("cannot fit a model on an empty frame") }
        let targetColumn = try frame.requiredColumn(target)
        let task = task ?? (targetColumn.type == .numeric ? .regression : .classification)
        self.target = target
        self.task = task
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
        self.encoder = try FeatureEncoder(fitting: frame, columns: features ?? frame.featureNames(excluding: target))
        let x = try encoder.encode(frame)
        var builder: TreeBuilder
        switch task {
        case .classification:
            let classes = try ClassLabels(fitting: targetColumn, name: target)
            self.classes = classes
            builder = TreeBuilder(x: x, labels: try classes.indices(of: targetColumn, name: target).map(Double.init),
                                  classCount: classes.count, maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf)
        case .regression:
            self.classes = nil
            builder = TreeBuilder(x: x, labels: try regressionTarget(frame, target), classCount: 0,
                                  maxDepth: maxDepth, minSamplesLeaf: minSamplesLeaf)
        }
        try builder.grow(Array(0..<x.rows), depth: 0)
        self.nodes = builder.nodes
    }

    /// The longest path from the root to a leaf, in one pass: children always come after their parent.
    public var depth: Int {
        var depths = [Int](repeating: 0, count: nodes.count)
        for (i, node) in nodes.enumerated() where node.feature >= 0 {
            for child in [node.left, node.right] where child > i && child < nodes.count { depths[child] = depths[i] + 1 }
        }
        return depths.max() ?? 0
    }

    /// The leaf each row reaches. The nodes are checked first: a tree decoded on its own (not through
    /// `load_model`) may be damaged, and a walk must end.
    private func leaves(_ x: Matrix) throws -> [Int] {
        try checkSaved()
        return (0..<x.rows).map { i in
            var node = 0
            while nodes[node].feature >= 0 {
                node = x[i, nodes[node].feature] <= nodes[node].threshold ? nodes[node].left : nodes[node].right
            }
            return node
        }
    }

    /// Predicted classes (a column of the target's type) or predicted values (numeric).
    public func predict(_ frame: DataFrame) throws -> Column {
        let leaves = try leaves(try encoder.encode(frame))
        if let classes {
            return classes.column(for: leaves.map { leaf in
                let value = nodes[leaf].value
                var best = 0
                for k in value.indices where value[k] > value[best] { best = k }
                return best
            })
        }
        return .numeric(NumericColumn(leaves.map { nodes[$0].value[0] }))
    }

    /// Leaf class proportions, one numeric column per class; throws for a regression tree.
    public func predictProbabilities(_ frame: DataFrame) throws -> DataFrame {
        guard let classes else { throw DataError("a regression tree has no class probabilities") }
        let leaves = try leaves(try encoder.encode(frame))
        let values = leaves.flatMap { nodes[$0].value }
        return try probabilityFrame(try Matrix(rows: leaves.count, columns: classes.count, values: values), classes: classes)
    }
}

/// Grows the node array depth-first.
private struct TreeBuilder {
    let x: Matrix
    let labels: [Double]
    let classCount: Int
    let maxDepth: Int
    let minSamplesLeaf: Int
    var nodes: [DecisionTree.Node] = []
    var work = 0

    init(x: Matrix, labels: [Double], classCount: Int, maxDepth: Int, minSamplesLeaf: Int) {
        self.x = x
        self.labels = labels
        self.classCount = classCount
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
    }

    /// Impurity × count: n − Σ cₖ²/n (Gini) or Σ y² − (Σ y)²/n (squared error).
    private func weightedImpurity(counts: [Double], sum: Double, squares: Double, n: Double) -> Double {
        if classCount > 0 {
            var s = 0.0
            for c in counts { s += c * c }
            return n - s / n
        }
        return squares - sum * sum / n
    }

    private func nodeValue(_ rows: [Int]) -> [Double] {
        if classCount > 0 {
            var counts = [Double](repeating: 0, count: classCount)
            for r in rows { counts[Int(labels[r])] += 1 }
            return counts.map { $0 / Double(rows.count) }
        }
        return [rows.reduce(0) { $0 + labels[$1] } / Double(rows.count)]
    }

    @discardableResult
    mutating func grow(_ rows: [Int], depth: Int) throws -> Int {
        let index = nodes.count
        nodes.append(DecisionTree.Node(feature: -1, threshold: 0, left: -1, right: -1, value: nodeValue(rows), samples: rows.count))
        guard depth < maxDepth, rows.count >= 2 * minSamplesLeaf, let split = try bestSplit(rows) else { return index }
        let left = rows.filter { x[$0, split.feature] <= split.threshold }
        let right = rows.filter { x[$0, split.feature] > split.threshold }
        nodes[index].feature = split.feature
        nodes[index].threshold = split.threshold
        nodes[index].left = try grow(left, depth: depth + 1)
        nodes[index].right = try grow(right, depth: depth + 1)
        return index
    }

    private mutating func bestSplit(_ rows: [Int]) throws -> (feature: Int, threshold: Double)? {
        let n = Double(rows.count)
        var totalCounts = [Double](repeating: 0, count: classCount)
        var totalSum = 0.0, totalSquares = 0.0
        for r in rows {
            if classCount > 0 { totalCounts[Int(labels[r])] += 1 } else { totalSum += labels[r]; totalSquares += labels[r] * labels[r] }
        }
        let parent = weightedImpurity(counts: totalCounts, sum: totalSum, squares: totalSquares, n: n)
        guard parent > 1e-12 * max(n, 1) else { return nil }
        var best: (feature: Int, threshold: Double)?
        var bestImpurity = parent
        for feature in 0..<x.columns {
            work += rows.count
            if work > 65_536 { work = 0; try Cancellation.check() }
            let sorted = rows.sorted { x[$0, feature] < x[$1, feature] }
            var leftCounts = [Double](repeating: 0, count: classCount)
            var leftSum = 0.0, leftSquares = 0.0
            for position in 0..<(sorted.count - 1) {
                let r = sorted[position]
                let y = labels[r]
                if classCount > 0 { leftCounts[Int(y)] += 1 } else { leftSum += y; leftSquares += y * y }
                let nLeft = Double(position + 1), nRight = n - nLeft
                if position + 1 < minSamplesLeaf || sorted.count - position - 1 < minSamplesLeaf { continue }
                let here = x[r, feature], next = x[sorted[position + 1], feature]
                if next <= here { continue }
                let rightCounts = classCount > 0 ? zip(totalCounts, leftCounts).map { $0 - $1 } : []
                let impurity = weightedImpurity(counts: leftCounts, sum: leftSum, squares: leftSquares, n: nLeft)
                    + weightedImpurity(counts: rightCounts, sum: totalSum - leftSum, squares: totalSquares - leftSquares, n: nRight)
                if impurity < bestImpurity - 1e-12 * max(abs(parent), 1) {
                    bestImpurity = impurity
                    var threshold = here / 2 + next / 2
                    if threshold >= next || threshold < here { threshold = here }
                    best = (feature, threshold)
                }
            }
        }
        return best
    }
}
