// Model: one trained model of any kind behind one interface — train, predict, probabilities, score,
// incremental update, and a Codable form tagged with its kind — so the language, the replay of a
// stream and saved files deal with "a model", not four types.

public enum ModelKind: String, CaseIterable, Sendable, Codable {
    case logistic, linear, tree
    case naiveBayes = "naive_bayes"
}

public struct TrainingOptions: Sendable, Equatable {
    /// L2 penalty strength: logistic (default 1, scikit-learn's 1/C) and linear (default 0, ridge above).
    public var l2: Double?
    public var maxDepth = 5
    public var minSamplesLeaf = 1
    /// Trees only: force classification or regression (default: see `Model.init`).
    public var treeTask: DecisionTree.Task?

    public init(l2: Double? = nil, maxDepth: Int = 5, minSamplesLeaf: Int = 1, treeTask: DecisionTree.Task? = nil) {
        self.l2 = l2
        self.maxDepth = maxDepth
        self.minSamplesLeaf = minSamplesLeaf
        self.treeTask = treeTask
    }
}

public struct Model: Sendable, Equatable {
    public enum Fitted: Sendable, Equatable {
        case logistic(LogisticRegression)
        case linear(LinearRegression)
        case tree(DecisionTree)
        case naiveBayes(NaiveBayes)
    }

    public private(set) var fitted: Fitted
    /// Rows learnt from: the training frame plus every update.
    public private(set) var trainingRows: Int

    /// Trains a model of `kind` to predict `target` from `features` (default: every other column).
    /// A tree predicts classes for a string or boolean target, or a numeric one with two distinct
    /// values, and numbers otherwise, unless `options.treeTask` says.
    public init(training frame: DataFrame, target: String, kind: ModelKind, features: [String]? = nil,
                options: TrainingOptions = .init()) throws {
        switch kind {
        case .logistic:
            fitted = .logistic(try LogisticRegression(fitting: frame, target: target, features: features, l2: options.l2 ?? 1))
        case .linear:
            fitted = .linear(try LinearRegression(fitting: frame, target: target, features: features, l2: options.l2 ?? 0))
        case .tree:
            let task = try options.treeTask ?? Model.defaultTreeTask(frame, target)
            fitted = .tree(try DecisionTree(fitting: frame, target: target, features: features, task: task,
                                            maxDepth: options.maxDepth, minSamplesLeaf: options.minSamplesLeaf))
        case .naiveBayes:
            fitted = .naiveBayes(try NaiveBayes(fitting: frame, target: target, features: features))
        }
        trainingRows = frame.rowCount
    }

    private static func defaultTreeTask(_ frame: DataFrame, _ target: String) throws -> DecisionTree.Task {
        guard let column = frame.column(named: target) else { throw DataError("no target column '\(target)'") }
        guard case .numeric = column else { return .classification }
        return column.distinctCount == 2 ? .classification : .regression
    }

    public var kind: ModelKind {
        switch fitted {
        case .logistic: .logistic
        case .linear: .linear
        case .tree: .tree
        case .naiveBayes: .naiveBayes
        }
    }

    public var target: String {
        switch fitted {
        case .logistic(let model): model.target
        case .linear(let model): model.target
        case .tree(let model): model.target
        case .naiveBayes(let model): model.target
        }
    }

    /// The input columns the model reads.
    public var featureNames: [String] {
        switch fitted {
        case .logistic(let model): model.encoder.features.map(\.name)
        case .linear(let model): model.encoder.features.map(\.name)
        case .tree(let model): model.encoder.features.map(\.name)
        case .naiveBayes(let model): model.featureNames
        }
    }

    /// The classes of a classifier, sorted as scikit-learn sorts them; nil for regression.
    public var classes: ClassLabels? {
        switch fitted {
        case .logistic(let model): model.classes
        case .linear: nil
        case .tree(let model): model.classes
        case .naiveBayes(let model): model.classes
        }
    }

    public var isClassifier: Bool { classes != nil }

    /// Labels (a column of the target's type) or, for regression, numbers.
    public func predict(_ frame: DataFrame) throws -> Column {
        switch fitted {
        case .logistic(let model): try model.predict(frame)
        case .linear(let model): .numeric(NumericColumn(try model.predict(frame)))
        case .tree(let model): try model.predict(frame)
        case .naiveBayes(let model): try model.predict(frame)
        }
    }

    /// One probability column per class, named by the class.
    public func predictProbabilities(_ frame: DataFrame) throws -> DataFrame {
        switch fitted {
        case .logistic(let model): return try model.predictProbabilities(frame)
        case .tree(let model) where model.classes != nil: return try model.predictProbabilities(frame)
        case .naiveBayes(let model): return try model.predictProbabilities(frame)
        case .linear, .tree: throw DataError("a \(kind.rawValue) regression model predicts numbers, not class probabilities")
        }
    }

    /// Learns from new rows: logistic regression by SGD, naive Bayes exactly. Linear models and trees
    /// do not learn incrementally: retrain them.
    public mutating func update(with frame: DataFrame) throws {
        switch fitted {
        case .logistic(var model):
            try model.update(with: frame)
            fitted = .logistic(model)
        case .naiveBayes(var model):
            try model.update(with: frame)
            fitted = .naiveBayes(model)
        case .linear, .tree:
            throw DataError("a \(kind.rawValue) model does not learn incrementally; train a new one on the new data")
        }
        trainingRows += frame.rowCount
    }
}

extension Model: Codable {
    private enum CodingKeys: String, CodingKey { case kind, trainingRows = "training_rows", model }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trainingRows = try container.decode(Int.self, forKey: .trainingRows)
        switch try container.decode(ModelKind.self, forKey: .kind) {
        case .logistic: fitted = .logistic(try container.decode(LogisticRegression.self, forKey: .model))
        case .linear: fitted = .linear(try container.decode(LinearRegression.self, forKey: .model))
        case .tree: fitted = .tree(try container.decode(DecisionTree.self, forKey: .model))
        case .naiveBayes: fitted = .naiveBayes(try container.decode(NaiveBayes.self, forKey: .model))
        }
        try checkSaved()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(trainingRows, forKey: .trainingRows)
        switch fitted {
        case .logistic(let model): try container.encode(model, forKey: .model)
        case .linear(let model): try container.encode(model, forKey: .model)
        case .tree(let model): try container.encode(model, forKey: .model)
        case .naiveBayes(let model): try container.encode(model, forKey: .model)
        }
    }
}
