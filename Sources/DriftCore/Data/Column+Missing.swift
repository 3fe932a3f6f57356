// Column+Missing: finding and filling missing values in a column (behind `is_missing` and `fill_missing`).
// A filled column keeps its kind; the fill value must be of that kind.

/// How `fillingMissing(_:)` chooses the value for a missing row.
public enum FillMethod: String, CaseIterable, Sendable {
    /// The last present value before the row (pandas' `ffill`); leading missing values stay missing.
    case forward
    /// The next present value after the row (pandas' `bfill`); trailing missing values stay missing.
    case backward
    /// The mean of the present values (numeric columns only).
    case mean
    /// The median of the present values (numeric columns only).
    case median
}

extension Column {
    /// True where the value is missing, false elsewhere (never missing itself).
    public func missingMask() -> BoolColumn {
        switch self {
        case .numeric(let column): BoolColumn(raw: column.values.map { $0.isNaN ? 1 : 0 })
        case .text(let column): BoolColumn(raw: column.codes.map { $0 < 0 ? 1 : 0 })
        case .boolean(let column): BoolColumn(raw: column.values.map { $0 < 0 ? 1 : 0 })
        case .time(let column): BoolColumn(raw: column.values.map { $0 == TimeValue.missing ? 1 : 0 })
        }
    }

    /// Missing rows take the value of `values` in the same row: `values` holds one value, used for every
    /// row, or as many as the column. Its kind must be the column's.
    public func fillingMissing(from values: Column) throws -> Column {
        guard values.count == 1 || values.count == count else {
            throw DataError("the fill values have \(values.count) elements but the vector has \(count)")
        }
        switch (self, values) {
        case (.numeric(let column), .numeric(let fill)):
            return .numeric(NumericColumn(column.values.filling(from: fill.values) { $0.isNaN }))
        case (.boolean(let column), .boolean(let fill)):
            return .boolean(BoolColumn(raw: column.values.filling(from: fill.values) { $0 < 0 }))
        case (.time(let column), .time(let fill)) where column.kind == fill.kind:
            return .time(TimeColumn(column.values.filling(from: fill.values) { $0 == TimeValue.missing }, kind: column.kind))
        case (.text(let column), .text(let fill)):
            // One level table for both: the fill's codes follow the column's in the merged column.
            let merged = column.appending(fill)
            let codes = Array(merged.codes[0..<count]).filling(from: Array(merged.codes[count...])) { $0 < 0 }
            return .text(TextColumn(codes: codes, levels: merged.levels))
        default:
            throw DataError("cannot fill a \(typeName) vector with \(values.typeName) values")
        }
    }

    /// Missing rows filled by `method`. The mean and median need a numeric column.
    public func fillingMissing(_ method: FillMethod) throws -> Column {
        switch (method, self) {
        case (.forward, .numeric(let column)): return .numeric(NumericColumn(column.values.fillingForward { $0.isNaN }))
        case (.forward, .text(let column)): return .text(TextColumn(codes: column.codes.fillingForward { $0 < 0 }, levels: column.levels))
        case (.forward, .boolean(let column)): return .boolean(BoolColumn(raw: column.values.fillingForward { $0 < 0 }))
        case (.forward, .time(let column)):
            return .time(TimeColumn(column.values.fillingForward { $0 == TimeValue.missing }, kind: column.kind))
        case (.backward, _): return try reversed().fillingMissing(.forward).reversed()
        case (.mean, .numeric(let column)): return try fillingMissing(from: .numeric(NumericColumn([Statistics.mean(column.values)])))
        case (.median, .numeric(let column)): return try fillingMissing(from: .numeric(NumericColumn([Statistics.median(column.values)])))
        case (.mean, _), (.median, _):
            throw DataError("method '\(method.rawValue)' needs a numeric vector, got a \(typeName) one")
        }
    }
}

extension Array {
    /// Missing elements replaced by the element of `values` at the same index (or its only element).
    func filling(from values: [Element], isMissing: (Element) -> Bool) -> [Element] {
        var result = self
        let single = values.count == 1
        for i in result.indices where isMissing(result[i]) { result[i] = values[single ? 0 : i] }
        return result
    }

    /// Missing elements replaced by the last present element before them, if any.
    func fillingForward(isMissing: (Element) -> Bool) -> [Element] {
        var result = self
        var last: Element?
        for i in result.indices {
            if !isMissing(result[i]) {
                last = result[i]
            } else if let last {
                result[i] = last
            }
        }
        return result
    }
}
