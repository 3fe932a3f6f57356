// Arguments: the evaluated arguments of one call, and the typed accessors builtins use to read them.
// Every accessor names the function, the argument and what was expected when the value does not fit.
import DriftCore

struct Arguments {
    var positional: [Value]
    var named: [(label: String, value: Value)]
    /// Where the call is, for builtins that call back into Drift code (`map`).
    let location: SourceLocation

    init(positional: [Value], named: [(label: String, value: Value)] = [], at location: SourceLocation) {
        self.positional = positional
        self.named = named
        self.location = location
    }

    /// The argument at `index`, or the one labelled `name`; nil when neither was given.
    func optional(_ index: Int?, _ name: String) -> Value? {
        if let label = named.first(where: { $0.label == name }) { return label.value }
        if let index, index < positional.count { return positional[index] }
        return nil
    }

    func required(_ index: Int?, _ name: String) throws -> Value {
        guard let value = optional(index, name) else { throw BuiltinError("missing argument '\(name)'") }
        return value
    }

    func mismatch(_ name: String, expected: String, got value: Value) -> BuiltinError {
        BuiltinError("argument '\(name)' must be \(expected), got \(value.kindName)")
    }

    func number(_ index: Int?, _ name: String, default fallback: Double? = nil) throws -> Double {
        guard let value = optional(index, name) else {
            if let fallback { return fallback }
            throw BuiltinError("missing argument '\(name)'")
        }
        guard case .number(let number) = value else { throw mismatch(name, expected: "a number", got: value) }
        return number
    }

    /// A whole number within `range`.
    func integer(_ index: Int?, _ name: String, default fallback: Int? = nil, in range: ClosedRange<Int> = 0...Int(Int32.max)) throws -> Int {
        let number = try number(index, name, default: fallback.map(Double.init))
        guard number.rounded() == number, number >= Double(range.lowerBound), number <= Double(range.upperBound) else {
            throw BuiltinError("argument '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound), got \(NumberFormat.shortest(number))")
        }
        return Int(number)
    }

    func string(_ index: Int?, _ name: String, default fallback: String? = nil) throws -> String {
        guard let value = optional(index, name) else {
            if let fallback { return fallback }
            throw BuiltinError("missing argument '\(name)'")
        }
        guard case .string(let text) = value else { throw mismatch(name, expected: "a string", got: value) }
        return text
    }

    func bool(_ index: Int?, _ name: String, default fallback: Bool) throws -> Bool {
        guard let value = optional(index, name) else { return fallback }
        guard case .bool(let flag) = value else { throw mismatch(name, expected: "true or false", got: value) }
        return flag
    }

    func frame(_ index: Int?, _ name: String) throws -> DataFrame {
        let value = try required(index, name)
        guard case .frame(let frame) = value else { throw mismatch(name, expected: "a dataframe", got: value) }
        return frame
    }

    func function(_ index: Int?, _ name: String) throws -> Function {
        let value = try required(index, name)
        guard case .function(let function) = value else { throw mismatch(name, expected: "a function", got: value) }
        return function
    }

    /// Numbers as a contiguous buffer: a numeric vector, a boolean one as 0/1, a single number, or a list of nulls.
    func numbers(_ index: Int?, _ name: String) throws -> [Double] {
        let value = try required(index, name)
        switch value {
        case .vector(.numeric(let column)): return column.values
        case .vector(.boolean(let column)): return column.values.map { $0 < 0 ? .nan : Double($0) }
        case .number(let number): return [number]
        default:
            // An empty list, or one of nulls only, is an empty or all-missing numeric vector.
            if case .numeric(let column)? = value.asColumn { return column.values }
            throw mismatch(name, expected: "a numeric vector", got: value)
        }
    }

    /// Any column-like argument: a vector, or a scalar/list that converts to one.
    func column(_ index: Int?, _ name: String) throws -> Column {
        let value = try required(index, name)
        if let column = value.asColumn { return column }
        throw mismatch(name, expected: "a vector", got: value)
    }

    func strings(_ index: Int?, _ name: String) throws -> [String] {
        let value = try required(index, name)
        switch value {
        case .vector(.text(let column)):
            return try (0..<column.codes.count).map { row in
                guard let text = column[row] else { throw BuiltinError("argument '\(name)' has a missing value") }
                return text
            }
        case .string(let text): return [text]
        case .list(let items) where items.isEmpty: return []
        default: throw mismatch(name, expected: "a list of strings", got: value)
        }
    }
}
