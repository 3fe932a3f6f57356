// Replacement: the value with one part replaced, for assignments to a part of a variable: `r.f = x`,
// `items[i] = x`, `df.col = v` (a single value is repeated down the column), and on vectors and lists
// `v[i] = x`, `v[mask] = x`, `v[[i, j]] = x`, `v[a:b] = x`. A vector keeps its type: putting a string
// into a numeric vector is an error naming both, and `null` is a missing value of the vector's type.
import DriftCore

/// What an assignment step names inside its container.
enum PartKey {
    /// A field name, an index, a mask or a vector of indices.
    case key(Value)
    /// `from:to`, either bound omitted (null).
    case slice(from: Value, to: Value)
}

extension Access {
    /// The part `key` names (for an assignment that goes deeper, `v[a:b][0] = x`).
    static func part(of container: Value, _ key: PartKey, at location: SourceLocation) throws(Unwind) -> Value {
        switch key {
        case .key(let key): return try element(of: container, key: key, at: location)
        case .slice(let from, let to): return try slice(of: container, from: from, to: to, at: location)
        }
    }

    /// The container with the part `key` names replaced by `newValue`.
    static func replacing(_ key: PartKey, of container: Value, with newValue: Value, at location: SourceLocation) throws(Unwind) -> Value {
        switch (container, key) {
        case (.record(var record), .key(.string(let name))):
            record[name] = newValue
            return .record(record)
        case (.frame(let frame), .key(.string(let name))):
            guard let column = newValue.column(rows: frame.rowCount) else {
                throw RuntimeError.at(location, "a dataframe column must be a vector or a single value, got \(newValue.kindName)")
            }
            return .frame(try core(at: location) { try frame.withColumn(name, column) })
        case (.list(var items), .key(.number(let index))):
            items[try position(index, count: items.count, at: location)] = newValue
            return .list(items)
        case (.list(var items), _):
            let targets = try positions(key, count: items.count, at: location)
            let values = try sourceItems(newValue, for: targets, count: items.count, at: location)
            for (k, target) in targets.enumerated() { items[target] = values[k] }
            return .list(items)
        case (.vector(let column), _):
            let targets = try positions(key, count: column.count, at: location)
            let values = try sourceColumn(newValue, for: targets, into: column, at: location)
            return .vector(try core(at: location) { try column.replacing(targets, with: values) })
        default:
            throw RuntimeError.at(location, "cannot assign into \(container.kindName) with \(describe(key))")
        }
    }

    /// The 0-based positions a key selects in a vector or list of `count` elements.
    private static func positions(_ key: PartKey, count: Int, at location: SourceLocation) throws(Unwind) -> [Int] {
        switch key {
        case .key(.number(let index)):
            return [try position(index, count: count, at: location)]
        case .key(.vector(.boolean(let mask))):
            try checkMask(mask, count: count, at: location)
            return mask.values.indices.filter { mask.values[$0] == 1 }
        case .key(.vector(.numeric(let indices))):
            return try indices.values.map { (index) throws(Unwind) -> Int in try position(index, count: count, at: location) }
        case .key(.list(let items)) where items.isEmpty:
            return []
        case .slice(let from, let to):
            let start = try bound(from, count: count, default: 0, at: location)
            return Array(start..<max(start, try bound(to, count: count, default: count, at: location)))
        case .key(let other):
            throw RuntimeError.at(location, "an element to assign is chosen by a number, a boolean mask or a vector of indices, got \(other.kindName)")
        }
    }

    /// One new value per target: a single value repeated, one per target, or — for a mask or the
    /// whole length — the new vector's own element at each target (`v[v < 0] = w` takes w's).
    private static func sourcePositions(_ valueCount: Int, for targets: [Int], count: Int, at location: SourceLocation) throws(Unwind) -> [Int] {
        if valueCount == targets.count { return Array(0..<valueCount) }
        if valueCount == count { return targets }
        throw RuntimeError.at(location, "cannot assign \(valueCount) value\(valueCount == 1 ? "" : "s") to \(targets.count) element\(targets.count == 1 ? "" : "s")")
    }

    private static func sourceColumn(_ newValue: Value, for targets: [Int], into column: Column, at location: SourceLocation) throws(Unwind) -> Column {
        if newValue.isScalar {
            guard let single = newValue.isNull ? Column.missing(column.type, count: 1) : newValue.asColumn, single.type == column.type else {
                throw RuntimeError.at(location, "cannot put \(article(newValue.kindName)) into \(article(Value.vector(column).kindName))")
            }
            return single.gathering([Int](repeating: 0, count: targets.count))
        }
        guard var values = newValue.asColumn else {
            throw RuntimeError.at(location, "cannot put \(article(newValue.kindName)) into \(article(Value.vector(column).kindName))")
        }
        if values.type != column.type {
            guard values.missingCount == values.count else {
                throw RuntimeError.at(location, "cannot put \(article(Value.vector(values).kindName)) into \(article(Value.vector(column).kindName))")
            }
            values = Column.missing(column.type, count: values.count)
        }
        return values.gathering(try sourcePositions(values.count, for: targets, count: column.count, at: location))
    }

    private static func sourceItems(_ newValue: Value, for targets: [Int], count: Int, at location: SourceLocation) throws(Unwind) -> [Value] {
        guard !newValue.isScalar, let elements = newValue.elements else { return [Value](repeating: newValue, count: targets.count) }
        return try sourcePositions(elements.count, for: targets, count: count, at: location).map { elements[$0] }
    }

    private static func describe(_ key: PartKey) -> String {
        switch key {
        case .key(let value): return value.kindName
        case .slice: return "a slice"
        }
    }

    /// "a string", "an integer": the kind with its indefinite article.
    private static func article(_ kind: String) -> String {
        ("aeiou".contains(kind.first ?? "x") ? "an " : "a ") + kind
    }
}
