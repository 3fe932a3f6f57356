// Access: reading parts of values — `v[i]` (0-based, negative from the end), `v[a:b]`,
// `v[mask]`, `v[[i, j]]`, `r.field`, `df.col`, `df["col"]`, `df[mask]`, `df[a:b]`, `df[i]` (a row as a record), `df[[i, j]]` (rows). Replacing them is in
// Replacement.swift.
import DriftCore

enum Access {
    static func element(of container: Value, key: Value, at location: SourceLocation) throws(Unwind) -> Value {
        switch (container, key) {
        case (.record, .string(let name)), (.frame, .string(let name)), (.object, .string(let name)):
            return try field(of: container, name, at: location)
        case (.vector(let column), .number(let index)):
            return column.element(at: try position(index, count: column.count, at: location))
        case (.list(let items), .number(let index)):
            return items[try position(index, count: items.count, at: location)]
        case (.string(let text), .number(let index)):
            let characters = Array(text)
            return .string(String(characters[try position(index, count: characters.count, at: location)]))
        case (.vector(let column), .vector(.boolean(let mask))):
            try checkMask(mask, count: column.count, at: location)
            return .vector(column.filtered(by: mask))
        case (.list(let items), .vector(.boolean(let mask))):
            try checkMask(mask, count: items.count, at: location)
            return .list(items.indices.filter { mask.values[$0] == 1 }.map { items[$0] })
        case (.frame(let frame), .vector(.boolean(let mask))):
            try checkMask(mask, count: frame.rowCount, at: location)
            return .frame(try core(at: location) { try frame.filtered(by: mask) })
        case (.vector(let column), .vector(.numeric(let indices))):
            let positions = try indices.values.map { (index) throws(Unwind) -> Int in try position(index, count: column.count, at: location) }
            return .vector(column.gathering(positions))
        case (.frame(let frame), .number(let index)):
            return .record(frame.record(at: try position(index, count: frame.rowCount, at: location)))
        case (.frame(let frame), .vector(.numeric(let indices))):
            let positions = try indices.values.map { (index) throws(Unwind) -> Int in try position(index, count: frame.rowCount, at: location) }
            return .frame(frame.gathering(positions))
        case (.frame(let frame), .vector(.text(let names))):
            let wanted = (0..<names.codes.count).compactMap { names[$0] }
            return .frame(try core(at: location) { try frame.selecting(wanted) })
        default:
            throw RuntimeError.at(location, "cannot index \(container.kindName) with \(key.kindName)")
        }
    }

    static func field(of container: Value, _ name: String, at location: SourceLocation) throws(Unwind) -> Value {
        switch container {
        case .record(let record):
            if let value = record[name] { return value }
            throw RuntimeError.at(location, "record has no field '\(name)'\(Suggestion.hint(for: name, among: record.keys))")
        case .frame(let frame):
            if let column = frame.column(named: name) { return .vector(column) }
            throw RuntimeError.at(location, "dataframe has no column '\(name)'\(Suggestion.hint(for: name, among: frame.names))")
        case .object(let object):
            if let value = object.field(name) { return value }
            throw RuntimeError.at(location, "\(object.kindName) has no field '\(name)'\(Suggestion.hint(for: name, among: object.fieldNames))")
        default:
            throw RuntimeError.at(location, "\(container.kindName) has no fields (tried '.\(name)')")
        }
    }

    static func slice(of container: Value, from: Value, to: Value, at location: SourceLocation) throws(Unwind) -> Value {
        let count: Int
        switch container {
        case .vector(let column): count = column.count
        case .list(let items): count = items.count
        case .frame(let frame): count = frame.rowCount
        case .string(let text): count = text.count
        default: throw RuntimeError.at(location, "cannot slice \(container.kindName)")
        }
        let start = try bound(from, count: count, default: 0, at: location)
        let end = max(start, try bound(to, count: count, default: count, at: location))
        switch container {
        case .vector(let column): return .vector(column.slice(start..<end))
        case .list(let items): return .list(Array(items[start..<end]))
        case .frame(let frame): return .frame(frame.rows(start..<end))
        case .string(let text): return .string(String(Array(text)[start..<end]))
        default: throw RuntimeError.at(location, "cannot slice \(container.kindName)")
        }
    }

    /// A 0-based position from a possibly negative index, checked against the length.
    static func position(_ index: Double, count: Int, at location: SourceLocation) throws(Unwind) -> Int {
        guard index.rounded() == index, abs(index) < 1e15 else {
            throw RuntimeError.at(location, "index must be a whole number, got \(NumberFormat.shortest(index))")
        }
        let position = index < 0 ? count + Int(index) : Int(index)
        guard position >= 0, position < count else {
            throw RuntimeError.at(location, "index \(NumberFormat.shortest(index)) is out of range for length \(count)")
        }
        return position
    }

    /// A slice bound: clamped to the length like Python's, negative counting from the end.
    static func bound(_ value: Value, count: Int, default fallback: Int, at location: SourceLocation) throws(Unwind) -> Int {
        switch value {
        case .null: return fallback
        case .number(let index) where index.rounded() == index && abs(index) < 1e15:
            let position = index < 0 ? count + Int(index) : Int(index)
            return min(max(position, 0), count)
        default: throw RuntimeError.at(location, "slice bounds must be whole numbers, got \(value.kindName)")
        }
    }

    static func checkMask(_ mask: BoolColumn, count: Int, at location: SourceLocation) throws(Unwind) {
        guard mask.values.count == count else {
            throw RuntimeError.at(location, "boolean mask has \(counted(mask.values.count, "value")) but the data has \(count)")
        }
    }

    /// Runs a DriftCore operation, turning its error into a runtime error at this place.
    static func core<T>(at location: SourceLocation, _ body: () throws -> T) throws(Unwind) -> T {
        do {
            return try body()
        } catch {
            throw RuntimeError.at(location, BuiltinError.describe(error))
        }
    }
}
