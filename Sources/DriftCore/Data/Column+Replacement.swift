// Column replacement: a column with some rows set to new values (`v[mask] = 0`, `v[2:5] = [1, 2, 3]`).

extension Column {
    /// This column with row `positions[k]` set to row k of `values`, which has the same type and one row
    /// per position. Positions are assumed valid; a position given twice takes its last value.
    public func replacing(_ positions: [Int], with values: Column) throws -> Column {
        guard values.count == positions.count else {
            throw DataError("\(values.count) values for \(positions.count) positions")
        }
        switch (self, values) {
        case (.numeric(var column), .numeric(let source)):
            for (k, position) in positions.enumerated() { column.values[position] = source.values[k] }
            return .numeric(column)
        case (.boolean(var column), .boolean(let source)):
            for (k, position) in positions.enumerated() { column.values[position] = source.values[k] }
            return .boolean(column)
        case (.time(var column), .time(let source)) where column.kind == source.kind:
            for (k, position) in positions.enumerated() { column.values[position] = source.values[k] }
            return .time(column)
        case (.text(var column), .text(let source)):
            // The source's levels join the column's table; each is looked up once.
            var index = Dictionary(column.levels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
            let translated = source.levels.map { level -> Int32 in
                if let code = index[level] { return code }
                let code = Int32(column.levels.count)
                column.levels.append(level)
                index[level] = code
                return code
            }
            for (k, position) in positions.enumerated() {
                let code = source.codes[k]
                column.codes[position] = code < 0 ? -1 : translated[Int(code)]
            }
            return .text(column)
        default:
            throw DataError("cannot put \(values.typeName) values into a \(typeName) column")
        }
    }

    /// A column of `count` missing values of `type`.
    public static func missing(_ type: ColumnType, count: Int) -> Column {
        switch type {
        case .numeric: .numeric(NumericColumn([Double](repeating: .nan, count: count)))
        case .text: .text(TextColumn(codes: [Int32](repeating: -1, count: count), levels: []))
        case .boolean: .boolean(BoolColumn(raw: [Int8](repeating: -1, count: count)))
        case .datetime, .date, .duration:
            .time(TimeColumn([Int64](repeating: TimeValue.missing, count: count), kind: type.timeKind ?? .datetime))
        }
    }
}
