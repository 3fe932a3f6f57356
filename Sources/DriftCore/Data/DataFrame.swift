// DataFrame: named columns of equal length; the table every data operation works on.

public struct DataFrame: Sendable, Equatable {
    public internal(set) var names: [String]
    public internal(set) var columns: [Column]

    /// Builds a frame; names must be unique and non-empty, and every column the same length.
    public init(_ columns: [(name: String, column: Column)]) throws {
        var seen = Set<String>()
        for (position, entry) in columns.enumerated() {
            if entry.name.isEmpty { throw DataError("column \(position + 1) has an empty name") }
            if !seen.insert(entry.name).inserted { throw DataError("duplicate column name '\(entry.name)'") }
        }
        if let first = columns.first, let other = columns.first(where: { $0.column.count != first.column.count }) {
            throw DataError(
                "columns differ in length: '\(first.name)' has \(first.column.count) rows, '\(other.name)' has \(other.column.count)")
        }
        self.names = columns.map(\.name)
        self.columns = columns.map(\.column)
    }

    /// Wraps names and columns as they are, for operations that keep the frame valid by construction:
    /// callers guarantee unique non-empty names and columns of equal length.
    public init(validNames names: [String], columns: [Column]) {
        self.names = names
        self.columns = columns
    }

    public var rowCount: Int { columns.first?.count ?? 0 }
    public var columnCount: Int { columns.count }

    public func column(named name: String) -> Column? {
        names.firstIndex(of: name).map { columns[$0] }
    }

    /// Every column by its name, for code that looks up many (a scan of `names` per lookup would be
    /// quadratic in a frame of 100,000 columns).
    public var columnsByName: [String: Column] {
        Dictionary(zip(names, columns), uniquingKeysWith: { first, _ in first })
    }

    /// The position of `name`, or a DataError that lists the available names.
    func index(of name: String) throws -> Int {
        guard let index = names.firstIndex(of: name) else {
            throw DataError("no column named '\(name)'; available: \(names.joined(separator: ", "))")
        }
        return index
    }

    /// Applies the same row operation to every column.
    func mapColumns(_ transform: (Column) throws -> Column) rethrows -> DataFrame {
        DataFrame(validNames: names, columns: try columns.map(transform))
    }
}
