// ClassLabels: the classes of a classification target, sorted as scikit-learn sorts them (numbers by value,
// strings lexicographically, false before true), mapping target columns to class indices and back.

public struct ClassLabels: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case numeric, text, boolean
    }

    public let kind: Kind
    /// The classes as text ("0", "1.5", "red", "true"), in sorted order.
    public let labels: [String]
    /// The class values of a numeric target, parallel to `labels`.
    let numbers: [Double]

    public var count: Int { labels.count }

    /// The classes present in `column`, which must have no missing values and at least two classes.
    public init(fitting column: Column, name: String) throws {
        if column.missingCount > 0 {
            throw DataError("target '\(name)' has \(column.missingCount) missing values; drop those rows first")
        }
        switch column {
        case .numeric(let values):
            kind = .numeric
            numbers = Array(Set(values.values)).sorted()
            labels = numbers.map(ClassLabels.format)
        case .text(let values):
            kind = .text
            let used = Set(values.codes)
            labels = used.map { values.levels[Int($0)] }.sorted()
            numbers = []
        case .boolean(let values):
            kind = .boolean
            let used = Set(values.values)
            labels = [Int8(0), 1].filter { used.contains($0) }.map { $0 == 1 ? "true" : "false" }
            numbers = []
        case .time:
            throw DataError("target '\(name)' is a \(column.typeName) column; a classifier's classes are numbers, strings or booleans")
        }
        if labels.count < 2 {
            throw DataError("target '\(name)' has \(labels.count) class; a classifier needs at least two")
        }
    }

    /// Decoding checks that a saved table is usable.
    public init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case kind, labels, numbers }
        let container = try decoder.container(keyedBy: Keys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        labels = try container.decode([String].self, forKey: .labels)
        numbers = try container.decode([Double].self, forKey: .numbers)
        guard labels.count >= 2, kind != .numeric || numbers.count == labels.count else {
            throw DataError("saved class labels are malformed")
        }
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// The class index of every row of `column`; throws for a missing value or a class not seen in training.
    public func indices(of column: Column, name: String) throws -> [Int] {
        func unknown(_ row: Int, _ label: String) -> DataError {
            DataError("target '\(name)' row \(row + 1) has class '\(label)', which the model was not trained on")
        }
        func missing(_ row: Int) -> DataError { DataError("target '\(name)' row \(row + 1) is missing") }
        switch (kind, column) {
        case (.numeric, .numeric(let values)):
            let index = Dictionary(numbers.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            return try values.values.enumerated().map { row, value in
                if value.isNaN { throw missing(row) }
                guard let k = index[value] else { throw unknown(row, ClassLabels.format(value)) }
                return k
            }
        case (.text, .text(let values)):
            let index = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let map = values.levels.map { index[$0] }
            return try values.codes.enumerated().map { row, code in
                if code < 0 { throw missing(row) }
                guard let k = map[Int(code)] else { throw unknown(row, values.levels[Int(code)]) }
                return k
            }
        case (.boolean, .boolean(let values)):
            return try values.values.enumerated().map { row, flag in
                if flag < 0 { throw missing(row) }
                let label = flag == 1 ? "true" : "false"
                guard let k = labels.firstIndex(of: label) else { throw unknown(row, label) }
                return k
            }
        default:
            throw DataError("target '\(name)' is \(column.typeName) but the model was trained on a \(kind.columnType.rawValue) target")
        }
    }

    /// A column of the target's type holding the classes at `indices`.
    public func column(for indices: [Int]) -> Column {
        switch kind {
        case .numeric: .numeric(NumericColumn(indices.map { numbers[$0] }))
        case .text: .text(TextColumn(codes: indices.map { Int32($0) }, levels: labels))
        case .boolean: .boolean(BoolColumn(raw: indices.map { labels[$0] == "true" ? 1 : 0 }))
        }
    }
}

extension ClassLabels.Kind {
    /// The column type of the target (the kind itself is saved by its own names, "numeric", "text", "boolean").
    var columnType: ColumnType {
        switch self {
        case .numeric: .numeric
        case .text: .text
        case .boolean: .boolean
        }
    }
}

/// The values of a numeric regression target; throws for another type or missing values.
func regressionTarget(_ frame: DataFrame, _ name: String) throws -> [Double] {
    guard case .numeric(let column) = try frame.requiredColumn(name) else {
        throw DataError("target '\(name)' must be numeric for regression")
    }
    if let row = column.values.firstIndex(where: \.isNaN) {
        throw DataError("target '\(name)' row \(row + 1) is missing; drop rows with a missing target first")
    }
    return column.values
}

/// A probability table as a frame with one numeric column per class.
func probabilityFrame(_ probabilities: Matrix, classes: ClassLabels) throws -> DataFrame {
    var columns: [(name: String, column: Column)] = []
    for k in 0..<classes.count {
        let values = (0..<probabilities.rows).map { probabilities[$0, k] }
        columns.append((classes.labels[k], .numeric(NumericColumn(values))))
    }
    return try DataFrame(columns)
}
