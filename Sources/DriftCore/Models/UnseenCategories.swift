// UnseenCategories: the values of a model's categorical features that new data holds but training never
// saw — a medication launched after the model was trained, a region the lender just entered. A model can
// only treat such a value as none of the categories it knows (all zeros in the one-hot encoding, or, for
// naive Bayes, no evidence), so `predict` and `score` report them rather than extrapolate silently.

public struct UnseenCategories: Sendable, Equatable {
    /// The feature column.
    public let column: String
    /// The values training never saw, in order of first appearance in the data.
    public let values: [String]
    /// The rows that hold one of them.
    public let rows: Int

    public init(column: String, values: [String], rows: Int) {
        self.column = column
        self.values = values
        self.rows = rows
    }

    /// For each categorical feature (its column and the categories training saw), the values of `frame`'s
    /// column that are not among them; features with none are left out, and so are columns that are
    /// absent or of another type (predicting on them is the error to report).
    static func find(in frame: DataFrame, known: [(column: String, categories: [String])]) throws -> [UnseenCategories] {
        try known.compactMap { feature in
            let tally: [(level: String, rows: Int)]
            switch frame.column(named: feature.column) {
            case .text(let column)?: tally = try levelTally(levels: column.levels, codes: column.codes)
            case .boolean(let column)?: tally = try levelTally(levels: ["false", "true"], codes: column.values)
            default: return nil
            }
            let seen = Set(feature.categories)
            let unseen = tally.filter { !seen.contains($0.level) }
            guard !unseen.isEmpty else { return nil }
            return UnseenCategories(column: feature.column, values: unseen.map(\.level), rows: unseen.reduce(0) { $0 + $1.rows })
        }
    }

    /// The levels present in `codes` (negative codes are missing), in order of first appearance, with
    /// how many rows hold each.
    private static func levelTally<Code: BinaryInteger>(levels: [String], codes: [Code]) throws -> [(level: String, rows: Int)] {
        var rows = [Int](repeating: 0, count: levels.count)
        var order: [Int] = []
        for (index, code) in codes.enumerated() where code >= 0 {
            if rows[Int(code)] == 0 { order.append(Int(code)) }
            rows[Int(code)] += 1
            if index % 65_536 == 65_535 { try Cancellation.check() }
        }
        return order.map { (levels[$0], rows[$0]) }
    }
}

extension Model {
    /// The categories of `frame`'s categorical features that the model never saw in training.
    public func unseenCategories(in frame: DataFrame) throws -> [UnseenCategories] {
        try UnseenCategories.find(in: frame, known: knownCategories)
    }

    /// Each categorical (text or boolean) feature and the categories the model knows.
    public var knownCategories: [(column: String, categories: [String])] {
        switch fitted {
        case .logistic(let model): model.encoder.knownCategories
        case .linear(let model): model.encoder.knownCategories
        case .tree(let model): model.encoder.knownCategories
        case .naiveBayes(let model): model.knownCategories
        }
    }
}

extension FeatureEncoder {
    /// Each text or boolean feature and the categories seen in training.
    var knownCategories: [(column: String, categories: [String])] {
        features.compactMap { feature in
            switch feature {
            case .numeric: nil
            case .text(let name, let categories), .boolean(let name, let categories): (name, categories)
            }
        }
    }
}

extension NaiveBayes {
    /// Each categorical feature and the categories learnt so far (training and updates).
    var knownCategories: [(column: String, categories: [String])] {
        features.compactMap { feature in
            switch feature {
            case .gaussian: nil
            case .categorical(let name, _, let categories, _): (name, categories)
            }
        }
    }
}
