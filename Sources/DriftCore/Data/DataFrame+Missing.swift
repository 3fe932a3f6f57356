// DataFrame+Missing: dropping the rows with missing values and filling missing values column by column
// (behind `drop_missing` and `fill_missing` on dataframes).

extension DataFrame {
    /// The rows with no missing value in the named columns (every column when `names` is nil).
    public func droppingMissing(in names: [String]? = nil) throws -> DataFrame {
        let checked = try names.map { try $0.map { try columns[index(of: $0)] } } ?? columns
        var keep = [Int8](repeating: 1, count: rowCount)
        for column in checked {
            for row in 0..<rowCount where column.isMissing(at: row) { keep[row] = 0 }
        }
        return try filtered(by: BoolColumn(raw: keep))
    }

    /// Every column filled by `method`; the mean and median fill the numeric columns and leave the others.
    public func fillingMissing(_ method: FillMethod) throws -> DataFrame {
        try mapColumns { column in
            if method == .mean || method == .median, column.type != .numeric { return column }
            return try column.fillingMissing(method)
        }
    }

    /// The named columns filled from their values (see `Column.fillingMissing(from:)`); the others unchanged.
    public func fillingMissing(from values: [(name: String, values: Column)]) throws -> DataFrame {
        var result = self
        for (name, fill) in values {
            let position = try index(of: name)
            do {
                result.columns[position] = try columns[position].fillingMissing(from: fill)
            } catch let error as DataError {
                throw DataError("column '\(name)': \(error.message)")
            }
        }
        return result
    }
}
