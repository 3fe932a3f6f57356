// Arithmetic and comparison over values: scalars, and vectors broadcast against scalars or against
// vectors of the same length. Missing values (NaN in numeric vectors, null scalars) stay missing.
import DriftCore
import Foundation

enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(BuiltinError) -> Value {
        if op == .equal || op == .notEqual, case .null = left { return try equality(op, left, right) }
        if op == .equal || op == .notEqual, case .null = right { return try equality(op, left, right) }
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return scalar(op, a, b)
        case (.vector(.numeric(let a)), .number(let b)):
            return try vector(op, a.values, count: a.values.count) { _ in b }
        case (.number(let a), .vector(.numeric(let b))):
            return try vector(op, b.values, count: b.values.count, scalarOnLeft: a)
        case (.vector(.numeric(let a)), .vector(.numeric(let b))):
            guard a.values.count == b.values.count else { throw lengthMismatch(op, a.values.count, b.values.count) }
            return try vector(op, a.values, count: a.values.count) { b.values[$0] }
        case (.vector(.numeric(let a)), .null):
            return try vector(op, a.values, count: a.values.count) { _ in .nan }
        case (.null, .vector(.numeric(let b))):
            return try vector(op, b.values, count: b.values.count, scalarOnLeft: .nan)
        case (.null, .number), (.number, .null), (.null, .null):
            // Missing in, missing out.
            return .null
        default:
            break
        }
        if let result = try TimeArithmetic.apply(op, left, right) { return result }
        if op == .equal || op == .notEqual { return try equality(op, left, right) }
        if op == .add, let joined = try join(left, right) { return joined }
        if isComparison(op), let compared = try compare(op, left, right) { return compared }
        throw BuiltinError("cannot apply '\(op.rawValue)' to \(left.kindName) and \(right.kindName)")
    }

    @inline(__always)
    static func isComparison(_ op: BinaryOperator) -> Bool {
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        case .add, .subtract, .multiply, .divide, .remainder, .power: return false
        }
    }

    @inline(__always)
    static func number(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .remainder: return a - b * (a / b).rounded(.down)
        case .power: return pow(a, b)
        default: return .nan
        }
    }

    /// Whether the comparison `op` holds between a and b (numbers, or times' microsecond counts).
    @inline(__always)
    static func holds<T: Comparable>(_ op: BinaryOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .less: return a < b
        case .lessEqual: return a <= b
        case .greater: return a > b
        case .greaterEqual: return a >= b
        case .equal: return a == b
        default: return a != b
        }
    }

    /// Number with number, the operation inside every loop: one switch, inlined into the nodes.
    @inline(__always)
    static func scalar(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Value {
        switch op {
        case .add: return .number(a + b)
        case .subtract: return .number(a - b)
        case .multiply: return .number(a * b)
        case .less: return .bool(a < b)
        case .lessEqual: return .bool(a <= b)
        case .greater: return .bool(a > b)
        case .greaterEqual: return .bool(a >= b)
        case .equal: return .bool(a == b)
        case .notEqual: return .bool(a != b)
        case .divide, .remainder, .power: return .number(number(op, a, b))
        }
    }

    /// Element-wise over a numeric buffer; `other(i)` gives the right operand of element i.
    private static func vector(_ op: BinaryOperator, _ values: [Double], count: Int, other: (Int) -> Double) throws(BuiltinError) -> Value {
        if isComparison(op) {
            var flags = [Int8](repeating: 0, count: count)
            for i in 0..<count {
                let a = values[i], b = other(i)
                flags[i] = a.isNaN || b.isNaN ? -1 : (holds(op, a, b) ? 1 : 0)
            }
            return .vector(.boolean(BoolColumn(raw: flags)))
        }
        var result = [Double](repeating: 0, count: count)
        for i in 0..<count { result[i] = number(op, values[i], other(i)) }
        return .vector(.numeric(NumericColumn(result)))
    }

    private static func vector(_ op: BinaryOperator, _ values: [Double], count: Int, scalarOnLeft a: Double) throws(BuiltinError) -> Value {
        if isComparison(op) {
            let flipped: BinaryOperator
            switch op {
            case .less: flipped = .greater
            case .lessEqual: flipped = .greaterEqual
            case .greater: flipped = .less
            case .greaterEqual: flipped = .lessEqual
            default: flipped = op
            }
            return try vector(flipped, values, count: count) { _ in a }
        }
        var result = [Double](repeating: 0, count: count)
        for i in 0..<count { result[i] = number(op, a, values[i]) }
        return .vector(.numeric(NumericColumn(result)))
    }

    private static func lengthMismatch(_ op: BinaryOperator, _ a: Int, _ b: Int) -> BuiltinError {
        BuiltinError("cannot apply '\(op.rawValue)' to vectors of different lengths (\(a) and \(b))")
    }

    /// `+` with a string on either side joins text; string vectors join element-wise (with a string or
    /// another vector, whose elements print as text); missing stays missing.
    private static func join(_ left: Value, _ right: Value) throws(BuiltinError) -> Value? {
        switch (left, right) {
        case (.string(let a), _) where right.isScalar: return .string(a + Renderer.plainText(right))
        case (_, .string(let b)) where left.isScalar: return .string(Renderer.plainText(left) + b)
        case (.vector(.text(let a)), .string(let b)): return try joinLevels(of: a, to: b) { $0 + b }
        case (.string(let a), .vector(.text(let b))): return try joinLevels(of: b, to: a) { a + $0 }
        case (.vector(let a), .vector(let b)) where a.type == .text || b.type == .text:
            guard a.count == b.count else { throw lengthMismatch(.add, a.count, b.count) }
            // Row by row, each row's string a new one: polled, so Ctrl-C and the memory watchdog stop it.
            var joined = TextColumnBuilder(capacity: a.count)
            for i in 0..<a.count {
                if i & 0xFFF == 0xFFF, Cancellation.isRequested { throw BuiltinError(Cancellation.message) }
                let x = a.element(at: i), y = b.element(at: i)
                joined.append(x.isNull || y.isNull ? nil : Renderer.plainText(x) + Renderer.plainText(y))
            }
            return .vector(.text(joined.column))
        default: return nil
        }
    }

    /// A string joined to each distinct level of a text vector once, not to each row (the rows keep
    /// their codes); the longer levels are checked against the memory limit before they are made.
    private static func joinLevels(of text: TextColumn, to string: String, _ join: (String) -> String) throws(BuiltinError) -> Value {
        do {
            try MemoryLimit.reserve(Double(text.levels.count) * Double(string.utf8.count + 16),
                                    for: "joining a string to \(text.levels.count) distinct strings")
        } catch {
            throw BuiltinError(error.description)
        }
        return .vector(.text(TextColumn(codes: text.codes, levels: text.levels.map(join))))
    }

    /// Ordering of strings (and string vectors against a string); `==` and `!=` never reach here.
    private static func compare(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(BuiltinError) -> Value? {
        switch (left, right) {
        case (.string(let a), .string(let b)): return .bool(holds(op, a, b))
        case (.vector(.text(let a)), .string(let b)):
            return .vector(.boolean(BoolColumn((0..<a.codes.count).map { a[$0].map { holds(op, $0, b) } })))
        default: return nil
        }
    }

    /// `==` and `!=`: element-wise for vectors against a scalar or a vector, structural otherwise.
    /// A missing element compares as missing, whatever the vector's type; comparing with `null` itself
    /// tests for missing values (`v == null` marks them).
    static func equality(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(BuiltinError) -> Value {
        let wantEqual = op == .equal
        switch (left, right) {
        case (.vector(let column), .null), (.null, .vector(let column)):
            return .vector(.boolean(BoolColumn(raw: (0..<column.count).map { column.isMissing(at: $0) == wantEqual ? 1 : 0 })))
        case (.vector(.text(let text)), .string(let string)), (.string(let string), .vector(.text(let text))):
            // `df.region != "north"`: each level is compared once, then each row looks its level up.
            let answers = text.levels.map { ($0 == string) == wantEqual ? Int8(1) : 0 }
            return .vector(.boolean(BoolColumn(raw: text.codes.map { $0 < 0 ? -1 : answers[Int($0)] })))
        case (.vector(let column), _) where right.isScalar:
            return .vector(.boolean(elementwiseEquality(column, count: column.count, wantEqual) { _ in right }))
        case (_, .vector(let column)) where left.isScalar:
            return .vector(.boolean(elementwiseEquality(column, count: column.count, wantEqual) { _ in left }))
        case (.vector(let a), .vector(let b)):
            guard a.count == b.count else { throw lengthMismatch(op, a.count, b.count) }
            return .vector(.boolean(elementwiseEquality(a, count: a.count, wantEqual) { b.element(at: $0) }))
        default:
            return .bool(Equality.equal(left, right) == wantEqual)
        }
    }

    /// Element i of `column` against `other(i)`: missing (−1) when either is missing.
    private static func elementwiseEquality(_ column: Column, count: Int, _ wantEqual: Bool, other: (Int) -> Value) -> BoolColumn {
        BoolColumn(raw: (0..<count).map { i in
            let a = column.element(at: i), b = other(i)
            if a.isNull || b.isNull { return -1 }
            return Equality.equal(a, b) == wantEqual ? 1 : 0
        })
    }
}

extension Value {
    var isScalar: Bool {
        switch self {
        case .null, .bool, .number, .string, .time: return true
        default: return false
        }
    }
}
