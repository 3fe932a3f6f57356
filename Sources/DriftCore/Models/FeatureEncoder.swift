// FeatureEncoder: turns the feature columns of a DataFrame into a numeric design matrix, learning its
// encoding from the training frame: numeric columns as they are with missing values replaced by the
// training mean; text and boolean columns one-hot encoded over the categories seen in training (a
// category unseen at training time, or a missing one, encodes as all zeros).

public struct FeatureEncoder: Sendable, Equatable, Codable {
    public enum Feature: Sendable, Equatable, Codable {
        /// A numeric column and the training mean that fills its missing values.
        case numeric(name: String, fill: Double)
        /// A text column and its training categories, in order of first appearance.
        case text(name: String, categories: [String])
        /// A boolean column and the values seen at training ("false", "true"), one indicator each.
        case boolean(name: String, categories: [String])

        public var name: String {
            switch self {
            case .numeric(let name, _), .text(let name, _), .boolean(let name, _): name
            }
        }
    }

    public let features: [Feature]

    /// Learns the encoding of `columns` of `frame`.
    public init(fitting frame: DataFrame, columns: [String]) throws {
        guard !columns.isEmpty else { throw DataError("a model needs at least one feature column") }
        features = try columns.map { name in
            switch try frame.requiredColumn(name) {
            case .numeric(let column):
                var sum = 0.0, count = 0
                for value in column.values where !value.isNaN {
                    sum += value
                    count += 1
                }
                return .numeric(name: name, fill: count > 0 ? sum / Double(count) : 0)
            case .text(let column):
                var used = [Bool](repeating: false, count: column.levels.count)
                var order: [Int] = []
                for code in column.codes where code >= 0 && !used[Int(code)] {
                    used[Int(code)] = true
                    order.append(Int(code))
                }
                return .text(name: name, categories: order.map { column.levels[$0] })
            case .boolean(let column):
                let seen = Set(column.values.filter { $0 >= 0 })
                return .boolean(name: name, categories: [0, 1].filter { seen.contains(Int8($0)) }.map { $0 == 1 ? "true" : "false" })
            case .time(let column):
                throw DataError.timeFeature(name, column.kind)
            }
        }
    }

    /// Names of the encoded columns: a numeric column keeps its name, a category becomes "column=category".
    public var encodedNames: [String] {
        features.flatMap { feature -> [String] in
            switch feature {
            case .numeric(let name, _): [name]
            case .text(let name, let categories), .boolean(let name, let categories): categories.map { "\(name)=\($0)" }
            }
        }
    }

    public var encodedWidth: Int {
        features.reduce(0) { width, feature in
            switch feature {
            case .numeric: width + 1
            case .text(_, let categories), .boolean(_, let categories): width + categories.count
            }
        }
    }

    /// The design matrix of `frame` (one row per row of the frame), without an intercept column.
    public func encode(_ frame: DataFrame) throws -> Matrix {
        let rows = frame.rowCount, width = encodedWidth
        // A text column of many categories makes as many columns: checked before the matrix is made.
        try MemoryLimit.reserve(Double(rows) * Double(width) * 8, for: "a design matrix of \(rows) rows × \(width) encoded features")
        var matrix = Matrix(rows: rows, columns: width)
        var offset = 0
        for feature in features {
            let column = try frame.requiredColumn(feature.name)
            switch (feature, column) {
            case (.numeric(_, let fill), .numeric(let values)):
                for i in 0..<rows {
                    let value = values.values[i]
                    matrix.values[i * width + offset] = value.isNaN ? fill : value
                }
                offset += 1
            case (.text(_, let categories), .text(let values)):
                let index = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
                let slot = values.levels.map { index[$0] ?? -1 }
                for i in 0..<rows {
                    let code = Int(values.codes[i])
                    if code >= 0 && slot[code] >= 0 { matrix.values[i * width + offset + slot[code]] = 1 }
                }
                offset += categories.count
            case (.boolean(_, let categories), .boolean(let values)):
                let falseSlot = categories.firstIndex(of: "false") ?? -1
                let trueSlot = categories.firstIndex(of: "true") ?? -1
                for i in 0..<rows {
                    let slot = values.values[i] == 1 ? trueSlot : (values.values[i] == 0 ? falseSlot : -1)
                    if slot >= 0 { matrix.values[i * width + offset + slot] = 1 }
                }
                offset += categories.count
            default:
                throw DataError("column '\(feature.name)' is \(column.typeName) but the model was trained on a \(feature.type.rawValue) column")
            }
            if rows > 65_536 { try Cancellation.check() }
        }
        return matrix
    }
}

extension FeatureEncoder.Feature {
    var type: ColumnType {
        switch self {
        case .numeric: .numeric
        case .text: .text
        case .boolean: .boolean
        }
    }
}

extension DataFrame {
    /// The column called `name`, or a DataError naming the available columns.
    func requiredColumn(_ name: String) throws -> Column {
        columns[try index(of: name)]
    }

    /// Every column name except `target`, in frame order (the default feature set of a model).
    func featureNames(excluding target: String) -> [String] {
        names.filter { $0 != target }
    }
}
