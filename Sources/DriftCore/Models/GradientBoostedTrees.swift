// GradientBoostedTrees: gradient boosting of small regression trees on binned features (Friedman 2001), with the
// settings of LightGBM's defaults that NannyML's domain classifier and direct loss estimation use: 100 trees,
// learning rate 0.1, trees grown best-first to at most 31 leaves, at least 20 rows and a hessian sum of 1e-3 in
// each leaf, no regularisation, and a start from the mean (the log-odds of the mean label for a classifier). Each
// tree fits a Newton step of the loss — logistic for a 0/1 label (the prediction is a probability), squared error
// for a number. TreeGrowth.swift grows one tree. It is not LightGBM: the bins, the handling of missing values (they
// sit with the smallest values) and the categorical splits are simpler, so predictions are close, not equal.
import Foundation

public struct GradientBoostedTrees: Sendable {
    public enum Loss: Sendable {
        /// A 0/1 label; predictions are probabilities of 1.
        case logistic
        /// A number; predictions are values.
        case squaredError
    }

    public struct Settings: Sendable {
        public var trees = 100
        public var learningRate = 0.1
        public var maximumLeaves = 31
        public var minimumLeafRows = 20
        public var minimumLeafHessian = 1e-3

        /// LightGBM's defaults.
        public static let lightGBM = Settings()
    }

    public let loss: Loss
    /// The score every tree adds to.
    public let base: Double
    let trees: [BoostedTree]

    /// Fits on the rows `rows` of `data`, with `targets[i]` the target of `rows[i]`.
    public init(fitting data: BinnedRows, rows: [Int], targets: [Double], loss: Loss, settings: Settings = .lightGBM) throws {
        guard !rows.isEmpty, rows.count == targets.count else { throw DataError("cannot fit boosted trees on \(rows.count) rows and \(targets.count) targets") }
        guard targets.allSatisfy(\.isFinite) else { throw DataError("boosted trees need a target on every row") }
        let mean = targets.reduce(0, +) / Double(targets.count)
        switch loss {
        case .logistic:
            guard mean > 0, mean < 1 else { throw DataError("a classifier needs rows of both classes") }
            base = log(mean / (1 - mean))
        case .squaredError:
            base = mean
        }
        self.loss = loss
        var scores = [Double](repeating: base, count: rows.count)
        var gradients = scores, hessians = scores
        let growth = TreeGrowth(data: data, rows: rows, settings: settings)
        var trees: [BoostedTree] = []
        for _ in 0..<settings.trees {
            try Cancellation.check()
            for i in scores.indices {
                switch loss {
                case .logistic:
                    let p = 1 / (1 + exp(-scores[i]))
                    (gradients[i], hessians[i]) = (p - targets[i], p * (1 - p))
                case .squaredError:
                    (gradients[i], hessians[i]) = (scores[i] - targets[i], 1)
                }
            }
            let (tree, leaves) = growth.grow(gradients: gradients, hessians: hessians)
            for (node, positions) in leaves {
                let step = tree.value[node]
                for i in positions { scores[i] += step }
            }
            trees.append(tree)
        }
        self.trees = trees
    }

    /// The predictions for every row of `data`: probabilities of 1 (logistic) or values.
    public func predict(_ data: BinnedRows) -> [Double] {
        (0..<data.rowCount).map { row in
            let score = trees.reduce(base) { $0 + $1.leafValue(data, row) }
            switch loss {
            case .logistic: return 1 / (1 + exp(-score))
            case .squaredError: return score
            }
        }
    }
}

/// One fitted tree: node 0 is the root; a node with `feature[n] < 0` is a leaf whose step is `value[n]`.
struct BoostedTree: Sendable {
    var feature: [Int] = []
    var left: [Int] = []
    var right: [Int] = []
    var goesLeft: [BinSet] = []
    var value: [Double] = []

    mutating func addNode(value: Double) -> Int {
        feature.append(-1); left.append(-1); right.append(-1); goesLeft.append(BinSet()); self.value.append(value)
        return feature.count - 1
    }

    func leafValue(_ data: BinnedRows, _ row: Int) -> Double {
        var node = 0
        while feature[node] >= 0 {
            node = goesLeft[node].contains(data.columns[feature[node]][row]) ? left[node] : right[node]
        }
        return value[node]
    }
}

/// A set of bins (0 to 255).
struct BinSet: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    func contains(_ bin: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(bin & 63)
        switch bin >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    mutating func insert(_ bin: UInt8) {
        let bit = UInt64(1) << UInt64(bin & 63)
        switch bin >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
}
