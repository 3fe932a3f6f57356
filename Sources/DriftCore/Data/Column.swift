// Column: one typed column of a data frame (numbers, dictionary-encoded text, booleans or times) and its row
// operations.

public enum Column: Sendable, Equatable {
    /// Doubles; NaN is missing.
    case numeric(NumericColumn)
    /// Dictionary-encoded strings; code -1 is missing.
    case text(TextColumn)
    /// 1/0 flags; -1 is missing.
    case boolean(BoolColumn)
    /// Microsecond counts of one time kind; Int64.min is missing.
    case time(TimeColumn)

    public var count: Int {
        switch self {
        case .numeric(let column): column.count
        case .text(let column): column.count
        case .boolean(let column): column.count
        case .time(let column): column.count
        }
    }

    public var missingCount: Int {
        switch self {
        case .numeric(let column): column.missingCount
        case .text(let column): column.missingCount
        case .boolean(let column): column.missingCount
        case .time(let column): column.missingCount
        }
    }

    public var type: ColumnType {
        switch self {
        case .numeric: .numeric
        case .text: .text
        case .boolean: .boolean
        case .time(let column): ColumnType(column.kind)
        }
    }

    /// The type name the language shows: "num", "str", "bool", "datetime", "date" or "duration".
    public var typeName: String { type.rawValue }

    public func isMissing(at index: Int) -> Bool {
        switch self {
        case .numeric(let column): column.values[index].isNaN
        case .text(let column): column.codes[index] < 0
        case .boolean(let column): column.values[index] < 0
        case .time(let column): column.values[index] == TimeValue.missing
        }
    }

    /// The rows at `indices`, in that order. Indices are assumed valid.
    public func gathering(_ indices: [Int]) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(column.values.gathering(indices)))
        case .text(let column): .text(TextColumn(codes: column.codes.gathering(indices), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: column.values.gathering(indices)))
        case .time(let column): .time(TimeColumn(column.values.gathering(indices), kind: column.kind))
        }
    }

    /// The rows where `mask` is true (missing counts as false). `mask.count == count` is assumed.
    public func filtered(by mask: BoolColumn) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(column.values.filtered(by: mask.values)))
        case .text(let column): .text(TextColumn(codes: column.codes.filtered(by: mask.values), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: column.values.filtered(by: mask.values)))
        case .time(let column): .time(TimeColumn(column.values.filtered(by: mask.values), kind: column.kind))
        }
    }

    /// The rows in `range`, which is assumed to lie within `0..<count`.
    public func slice(_ range: Range<Int>) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(Array(column.values[range])))
        case .text(let column): .text(TextColumn(codes: Array(column.codes[range]), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: Array(column.values[range])))
        case .time(let column): .time(TimeColumn(Array(column.values[range]), kind: column.kind))
        }
    }

    /// The rows of `b` after the rows of `a`. Both must be of the same kind.
    public static func concatenating(_ a: Column, _ b: Column) throws -> Column {
        try concatenating([a, b])
    }

    /// The rows of every part, one part after another, copied once (so joining many parts is linear).
    /// All parts must be of the same kind; there must be at least one.
    public static func concatenating(_ parts: [Column]) throws -> Column {
        guard let first = parts.first else { throw DataError("there is nothing to concatenate") }
        if let other = parts.first(where: { $0.type != first.type }) {
            throw DataError("cannot concatenate a \(first.typeName) column with a \(other.typeName) column")
        }
        let total = parts.reduce(0.0) { $0 + Double($1.count) }
        try MemoryLimit.reserve(total * Double(first.type.bytesPerRow), for: "joining \(Int(total)) values")
        switch first {
        case .numeric(var merged):
            merged.values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for case .numeric(let part) in parts.dropFirst() { merged.values += part.values }
            return .numeric(merged)
        case .boolean(var merged):
            merged.values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for case .boolean(let part) in parts.dropFirst() { merged.values += part.values }
            return .boolean(merged)
        case .time(var merged):
            merged.values.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for case .time(let part) in parts.dropFirst() { merged.values += part.values }
            return .time(merged)
        case .text(var merged):
            merged.append(parts.dropFirst().compactMap { if case .text(let part) = $0 { part } else { nil } })
            return .text(merged)
        }
    }
}

extension Column {
    /// A column of the same kind holding `count` missing values.
    func allMissing(count: Int) -> Column {
        switch self {
        case .numeric: .numeric(NumericColumn([Double](repeating: .nan, count: count)))
        case .text(let column): .text(TextColumn(codes: [Int32](repeating: -1, count: count), levels: column.levels))
        case .boolean: .boolean(BoolColumn(raw: [Int8](repeating: -1, count: count)))
        case .time(let column): .time(TimeColumn([Int64](repeating: TimeValue.missing, count: count), kind: column.kind))
        }
    }
}

extension TextColumn {
    /// The rows of `other` after ours, re-coding `other` into a merged level table.
    func appending(_ other: TextColumn) -> TextColumn {
        var merged = self
        merged.append([other])
        return merged
    }

    /// Appends the rows of `others`, one after another, re-coding them into this column's level table
    /// (new levels added; the table's index is built once for all of them).
    mutating func append(_ others: [TextColumn]) {
        var index = Dictionary(levels.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        codes.reserveCapacity(others.reduce(codes.count) { $0 + $1.codes.count })
        for other in others {
            let remap: [Int32] = other.levels.map { level in
                if let code = index[level] { return code }
                let code = Int32(levels.count)
                index[level] = code
                levels.append(level)
                return code
            }
            for code in other.codes { codes.append(code < 0 ? -1 : remap[Int(code)]) }
        }
    }
}

extension Array {
    /// The elements at `indices`, in that order.
    func gathering(_ indices: [Int]) -> [Element] { gathering(indices[...]) }

    func gathering(_ indices: ArraySlice<Int>) -> [Element] {
        withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { indices in
                [Element](unsafeUninitializedCapacity: indices.count) { result, initialized in
                    HugePages.advise(result)
                    for i in 0..<indices.count { (result.baseAddress! + i).initialize(to: source[indices[i]]) }
                    initialized = indices.count
                }
            }
        }
    }

    /// The elements at `indices`, in that order, with `filler` where an index is −1.
    func gathering(_ indices: [Int], orMissing filler: Element) -> [Element] {
        withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { indices in
                [Element](unsafeUninitializedCapacity: indices.count) { result, initialized in
                    HugePages.advise(result)
                    for i in 0..<indices.count {
                        (result.baseAddress! + i).initialize(to: indices[i] < 0 ? filler : source[indices[i]])
                    }
                    initialized = indices.count
                }
            }
        }
    }

    /// The elements whose mask flag is 1 (0 and -1 drop the element).
    func filtered(by mask: [Int8]) -> [Element] {
        withUnsafeBufferPointer { source in
            mask.withUnsafeBufferPointer { flags in
                var result: [Element] = []
                result.reserveCapacity(source.count)
                for i in 0..<Swift.min(source.count, flags.count) where flags[i] > 0 {
                    result.append(source[i])
                }
                return result
            }
        }
    }
}
