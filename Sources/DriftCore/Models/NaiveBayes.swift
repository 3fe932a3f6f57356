// NaiveBayes: naive Bayes over mixed columns — Gaussian likelihoods for numeric features (as scikit-learn's
// GaussianNB: per-class mean and population variance, plus var_smoothing 1e-9 × the largest feature
// variance) and Laplace-smoothed categorical likelihoods for text and boolean features (as CategoricalNB
// with alpha = 1). Priors are the class frequencies. Everything is kept as running counts, means and sums
// of squares (Welford / Chan et al.), so `update(with:)` is exact: updating equals refitting on all rows.
// A missing feature value, or a category first seen at prediction time, leaves that feature out of the
// row's likelihood (scikit-learn would refuse the row).
import Foundation

public struct NaiveBayes: Sendable, Equatable, Codable {
    /// Welford running moments of one numeric feature within one class (or overall).
    struct Moments: Sendable, Equatable, Codable {
        var count = 0.0
        var mean = 0.0
        var m2 = 0.0

        mutating func add(_ x: Double) {
            count += 1
            let delta = x - mean
            mean += delta / count
            m2 += delta * (x - mean)
        }

        /// Population variance (ddof 0), as GaussianNB uses.
        var variance: Double { count > 0 ? m2 / count : 0 }
    }

    enum Feature: Sendable, Equatable, Codable {
        /// Per-class moments and the overall moments (for var_smoothing).
        case gaussian(name: String, perClass: [Moments], overall: Moments)
        /// Categories (first-seen order), and counts[class][category].
        case categorical(name: String, isBoolean: Bool, categories: [String], counts: [[Double]])
    }

    public let target: String
    public let classes: ClassLabels
    public let varianceSmoothing: Double
    /// Laplace (additive) smoothing of categorical counts.
    public let alpha: Double
    var features: [Feature]
    public private(set) var classCounts: [Double]

    public var featureNames: [String] {
        features.map { feature in
            switch feature {
            case .gaussian(let name, _, _), .categorical(let name, _, _, _): name
            }
        }
    }

    public init(fitting frame: DataFrame, target: String, features: [String]? = nil,
                varianceSmoothing: Double = 1e-9, alpha: Double = 1) throws {
        guard varianceSmoothing >= 0 else { throw DataError("variance smoothing must not be negative") }
        guard alpha > 0 else { throw DataError("alpha must be positive") }
        guard frame.rowCount > 0 else { throw DataError("cannot fit a model on an empty frame") }
        let classes = try ClassLabels(fitting: try frame.requiredColumn(target), name: target)
        let names = features ?? frame.featureNames(excluding: target)
        guard !names.isEmpty else { throw DataError("a model needs at least one feature column") }
        self.target = target
        self.classes = classes
        self.varianceSmoothing = varianceSmoothing
        self.alpha = alpha
        self.classCounts = [Double](repeating: 0, count: classes.count)
        self.features = try names.map { name in
            switch try frame.requiredColumn(name) {
            case .numeric:
                return .gaussian(name: name, perClass: [Moments](repeating: Moments(), count: classes.count), overall: Moments())
            case .text:
                return .categorical(name: name, isBoolean: false, categories: [], counts: [[Double]](repeating: [], count: classes.count))
            case .boolean:
                return .categorical(name: name, isBoolean: true, categories: [], counts: [[Double]](repeating: [], count: classes.count))
            case .time(let column):
                throw DataError.timeFeature(name, column.kind)
            }
        }
        try update(with: frame)
    }

    /// Adds the rows of `frame` to the running statistics (exact: same as refitting on all rows seen).
    public mutating func update(with frame: DataFrame) throws {
        try checkShape(trained: false)
        let labels = try classes.indices(of: try frame.requiredColumn(target), name: target)
        for label in labels { classCounts[label] += 1 }
        for f in features.indices {
            switch features[f] {
            case .gaussian(let name, var perClass, var overall):
                guard case .numeric(let column) = try frame.requiredColumn(name) else {
                    throw DataError("column '\(name)' must be numeric, as when the model was trained")
                }
                for (i, value) in column.values.enumerated() where !value.isNaN {
                    perClass[labels[i]].add(value)
                    overall.add(value)
                }
                features[f] = .gaussian(name: name, perClass: perClass, overall: overall)
            case .categorical(let name, let isBoolean, var categories, var counts):
                let strings = try categoryStrings(frame, name, isBoolean: isBoolean)
                var index = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                for (i, value) in strings.enumerated() {
                    guard let value else { continue }
                    let slot: Int
                    if let known = index[value] {
                        slot = known
                    } else {
                        slot = categories.count
                        index[value] = slot
                        categories.append(value)
                        for c in counts.indices { counts[c].append(0) }
                    }
                    counts[labels[i]][slot] += 1
                }
                features[f] = .categorical(name: name, isBoolean: isBoolean, categories: categories, counts: counts)
            }
            try Cancellation.check()
        }
    }

    private func categoryStrings(_ frame: DataFrame, _ name: String, isBoolean: Bool) throws -> [String?] {
        switch try frame.requiredColumn(name) {
        case .text(let column) where !isBoolean:
            return column.codes.map { $0 < 0 ? nil : column.levels[Int($0)] }
        case .boolean(let column) where isBoolean:
            return column.values.map { $0 < 0 ? nil : ($0 == 1 ? "true" : "false") }
        case let other:
            throw DataError("column '\(name)' is \(other.typeName) but the model was trained on a \((isBoolean ? ColumnType.boolean : .text).rawValue) column")
        }
    }

    /// Throws if a decoded model's tables do not fit its classes.
    func checkShape(trained: Bool = true) throws {
        let k = classes.count
        var ok = classCounts.count == k && classCounts.allSatisfy { $0 >= 0 } && (!trained || classCounts.reduce(0, +) > 0)
        for feature in features {
            switch feature {
            case .gaussian(_, let perClass, _): ok = ok && perClass.count == k
            case .categorical(_, _, let categories, let counts):
                ok = ok && counts.count == k && counts.allSatisfy { $0.count == categories.count }
            }
        }
        if !ok { throw DataError("naive Bayes: saved model tables do not match its classes") }
    }

    /// Joint log-likelihoods log P(class) + Σ log P(feature | class), one row per frame row.
    func jointLogLikelihoods(_ frame: DataFrame) throws -> Matrix {
        try checkShape()
        let n = frame.rowCount, k = classes.count
        let total = classCounts.reduce(0, +)
        var result = Matrix(rows: n, columns: k)
        for i in 0..<n { for c in 0..<k { result.values[i * k + c] = log(classCounts[c] / total) } }
        var largestVariance = 0.0
        for case .gaussian(_, _, let overall) in features { largestVariance = max(largestVariance, overall.variance) }
        let epsilon = varianceSmoothing * largestVariance
        for feature in features {
            switch feature {
            case .gaussian(let name, let perClass, _):
                guard case .numeric(let column) = try frame.requiredColumn(name) else {
                    throw DataError("column '\(name)' must be numeric, as when the model was trained")
                }
                for c in 0..<k where perClass[c].count > 0 {
                    let variance = perClass[c].variance + epsilon
                    guard variance > 0 else { continue }
                    let normaliser = -0.5 * log(2 * Double.pi * variance)
                    for i in 0..<n where !column.values[i].isNaN {
                        let d = column.values[i] - perClass[c].mean
                        result.values[i * k + c] += normaliser - 0.5 * d * d / variance
                    }
                }
            case .categorical(let name, let isBoolean, let categories, let counts):
                let strings = try categoryStrings(frame, name, isBoolean: isBoolean)
                let index = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                let width = Double(categories.count)
                for c in 0..<k {
                    let classTotal = counts[c].reduce(0, +)
                    for i in 0..<n {
                        guard let value = strings[i], let slot = index[value] else { continue }
                        result.values[i * k + c] += log((counts[c][slot] + alpha) / (classTotal + alpha * width))
                    }
                }
            }
        }
        return result
    }

    func probabilities(_ frame: DataFrame) throws -> Matrix {
        var table = try jointLogLikelihoods(frame)
        let k = table.columns
        for i in 0..<table.rows {
            var top = -Double.infinity
            for c in 0..<k { top = max(top, table.values[i * k + c]) }
            var sum = 0.0
            for c in 0..<k { let e = exp(table.values[i * k + c] - top); table.values[i * k + c] = e; sum += e }
            for c in 0..<k { table.values[i * k + c] /= sum }
        }
        return table
    }

    public func predictProbabilities(_ frame: DataFrame) throws -> DataFrame {
        try probabilityFrame(probabilities(frame), classes: classes)
    }

    public func predict(_ frame: DataFrame) throws -> Column {
        classes.column(for: argmaxRows(try jointLogLikelihoods(frame)))
    }
}
