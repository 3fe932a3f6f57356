// SavedModelChecks: what `load_model` verifies in a decoded model before anything uses it. A saved
// model is a JSON file anyone can edit; a node index past the array, a tree that loops, a matrix
// whose declared shape overflows, a count near Int.max that a later update would overflow, or a
// non-finite parameter must give an error naming the field, never a crash.

extension Model {
    /// Row counts are kept below 2^53 (exact as numbers, and far from overflow when updates add to them).
    static let maximumCount = 1 << 53

    func checkSaved() throws {
        try SavedField.count(trainingRows, "training_rows")
        switch fitted {
        case .logistic(let model): try model.checkSaved()
        case .linear(let model): try model.checkSaved()
        case .tree(let model): try model.checkSaved()
        case .naiveBayes(let model): try model.checkSaved()
        }
    }
}

/// The field checks, each throwing an error that names the field.
enum SavedField {
    static func count(_ value: Int, _ field: String) throws {
        guard (0...Model.maximumCount).contains(value) else {
            throw DataError("saved model: '\(field)' must be a count from 0 to 2^53, got \(value)")
        }
    }

    static func finite(_ values: some Sequence<Double>, _ field: String) throws {
        guard values.allSatisfy(\.isFinite) else { throw DataError("saved model: '\(field)' holds a number that is not finite") }
    }

    static func nonNegative(_ value: Double, _ field: String) throws {
        guard value.isFinite && value >= 0 else {
            throw DataError("saved model: '\(field)' must be a finite number of at least 0, got \(value)")
        }
    }

    static func length(_ count: Int, _ expected: Int, _ field: String) throws {
        guard count == expected else {
            throw DataError("saved model: '\(field)' has \(count) entries where the model needs \(expected)")
        }
    }
}

extension FeatureEncoder {
    func checkSaved() throws {
        guard !features.isEmpty else { throw DataError("saved model: 'encoder.features' is empty") }
        for feature in features {
            if case .numeric(let name, let fill) = feature { try SavedField.finite([fill], "encoder.features[\(name)].fill") }
        }
    }
}

extension LogisticRegression {
    func checkSaved() throws {
        try encoder.checkSaved()
        try SavedField.count(rowsSeen, "rowsSeen")
        try SavedField.count(sgdSteps, "sgdSteps")
        try SavedField.nonNegative(l2, "l2")
        guard learningRate.isFinite && learningRate > 0 else {
            throw DataError("saved model: 'learningRate' must be a positive number, got \(learningRate)")
        }
        let width = encoder.encodedWidth
        try SavedField.length(coefficients.rows, classes.count == 2 ? 1 : classes.count, "coefficients.rows")
        try SavedField.length(coefficients.columns, width + 1, "coefficients.columns")
        try SavedField.finite(coefficients.values, "coefficients.values")
        try SavedField.length(featureVariances.count, width, "featureVariances")
        guard featureVariances.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw DataError("saved model: 'featureVariances' must hold positive numbers")
        }
    }
}

extension LinearRegression {
    func checkSaved() throws {
        try encoder.checkSaved()
        try SavedField.nonNegative(l2, "l2")
        try SavedField.length(coefficients.count, encoder.encodedWidth, "coefficients")
        try SavedField.finite(coefficients + [intercept], "coefficients")
    }
}

extension DecisionTree {
    /// Every split names an encoded feature and two children after it (so walks end), and every node
    /// holds one value per class (one for regression).
    func checkSaved() throws {
        try encoder.checkSaved()
        guard maxDepth >= 0 && minSamplesLeaf >= 1 else {
            throw DataError("saved model: 'maxDepth' must be at least 0 and 'minSamplesLeaf' at least 1")
        }
        if nodes.isEmpty { throw DataError("saved model: 'nodes' is empty") }
        if (task == .classification) != (classes != nil) {
            throw DataError("saved model: a \(task.rawValue) tree \(classes == nil ? "needs" : "has no use for") 'classes'")
        }
        let width = encoder.encodedWidth, valueCount = classes?.count ?? 1
        for (i, node) in nodes.enumerated() {
            let isLeaf = node.feature < 0
            let isSplit = node.feature < width && (i + 1..<nodes.count).contains(node.left)
                && (i + 1..<nodes.count).contains(node.right)
            guard isLeaf || isSplit else {
                throw DataError("saved model: node \(i) must be a leaf (feature -1) or split on a feature below \(width) into two later nodes")
            }
            try SavedField.length(node.value.count, valueCount, "nodes[\(i)].value")
            try SavedField.finite(node.value + [node.threshold], "nodes[\(i)]")
            try SavedField.count(node.samples, "nodes[\(i)].samples")
        }
    }
}

extension NaiveBayes {
    func checkSaved() throws {
        try SavedField.nonNegative(varianceSmoothing, "varianceSmoothing")
        try SavedField.nonNegative(alpha, "alpha")
        try SavedField.length(classCounts.count, classes.count, "classCounts")
        guard classCounts.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw DataError("saved model: 'classCounts' must hold counts of at least 0")
        }
        guard !features.isEmpty else { throw DataError("saved model: 'features' is empty") }
        for feature in features {
            switch feature {
            case .gaussian(let name, let perClass, let overall):
                try SavedField.length(perClass.count, classes.count, "features[\(name)].perClass")
                for moments in perClass + [overall] {
                    try SavedField.finite([moments.mean, moments.m2], "features[\(name)].perClass")
                    try SavedField.nonNegative(moments.count, "features[\(name)].count")
                }
            case .categorical(let name, _, let categories, let counts):
                try SavedField.length(counts.count, classes.count, "features[\(name)].counts")
                for row in counts {
                    try SavedField.length(row.count, categories.count, "features[\(name)].counts")
                    guard row.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                        throw DataError("saved model: 'features[\(name)].counts' must hold counts of at least 0")
                    }
                }
            }
        }
    }
}
