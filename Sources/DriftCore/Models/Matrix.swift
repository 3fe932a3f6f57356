// Matrix: a dense row-major matrix of Doubles, the design matrices and coefficient tables models use.

public struct Matrix: Sendable, Equatable, Codable {
    public let rows: Int
    public let columns: Int
    /// Row-major: element (i, j) is `values[i * columns + j]`.
    public var values: [Double]

    public init(rows: Int, columns: Int, values: [Double]) throws {
        let (size, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0 && columns >= 0 && !overflow && values.count == size else {
            throw DataError("a \(rows)×\(columns) matrix cannot be made of \(values.count) values")
        }
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A rows×columns matrix filled with `value` (negative sizes count as 0).
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        self.values = [Double](repeating: value, count: self.rows * self.columns)
    }

    /// Decoding checks the shape, so a damaged saved model cannot index out of bounds.
    public init(from decoder: any Decoder) throws {
        enum Keys: String, CodingKey { case rows, columns, values }
        let container = try decoder.container(keyedBy: Keys.self)
        do {
            try self.init(rows: try container.decode(Int.self, forKey: .rows),
                          columns: try container.decode(Int.self, forKey: .columns),
                          values: try container.decode([Double].self, forKey: .values))
        } catch let error as DataError {
            let field = decoder.codingPath.map(\.stringValue).joined(separator: ".")
            throw DataError("saved model: '\(field)': \(error.message)")
        }
    }

    public subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    public func row(_ i: Int) -> ArraySlice<Double> { values[(i * columns)..<((i + 1) * columns)] }
}
