// Operator nodes. Number-with-number is handled inline (the common case in loops); everything else
// goes through Arithmetic, which broadcasts over vectors.
import DriftCore

final class BinaryNode: Node {
    let op: BinaryOperator
    let left: Node
    let right: Node
    /// Whether `op` is `+`: two numbers then add in one branch, not through the operator switch's jump table.
    private let isSum: Bool
    init(_ op: BinaryOperator, _ left: Node, _ right: Node, at location: SourceLocation) {
        self.op = op
        self.left = left
        self.right = right
        isSum = op == .add
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let a = try left.evaluate(frame, interpreter)
        let b = try right.evaluate(frame, interpreter)
        if isSum, case .number(let x) = a, case .number(let y) = b { return .number(x + y) }
        return try combine(op, a, b, at: location)
    }
    override func test(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        let a = try left.evaluate(frame, interpreter)
        return try holds(op, a, try right.evaluate(frame, interpreter), in: self)
    }
}

/// `a op b` for evaluated operands.
@inline(__always)
func combine(_ op: BinaryOperator, _ a: Value, _ b: Value, at location: SourceLocation) throws(Unwind) -> Value {
    if case .number(let x) = a, case .number(let y) = b { return Arithmetic.scalar(op, x, y) }
    do {
        return try Arithmetic.apply(op, a, b)
    } catch {
        throw RuntimeError.at(location, error.description)
    }
}

/// `combine` kept out of line, for the nodes whose number path is a few instructions: with the general
/// case inlined, every run of them saved and restored the registers that case needs.
@inline(never)
func combineInGeneral(_ op: BinaryOperator, _ a: Value, _ b: Value, at location: SourceLocation) throws(Unwind) -> Value {
    try combine(op, a, b, at: location)
}

/// `a op b` as the condition of an `if` or `while`: a comparison of two numbers answers directly.
@inline(__always)
func holds(_ op: BinaryOperator, _ a: Value, _ b: Value, in node: Node) throws(Unwind) -> Bool {
    if Arithmetic.isComparison(op), case .number(let x) = a, case .number(let y) = b { return Arithmetic.holds(op, x, y) }
    return try node.truth(of: combine(op, a, b, at: node.location))
}

/// `-x` and `not x`, element-wise on vectors; missing stays missing.
final class UnaryNode: Node {
    let op: UnaryOperator
    let operand: Node
    init(_ op: UnaryOperator, _ operand: Node, at location: SourceLocation) {
        self.op = op
        self.operand = operand
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        switch (op, try operand.evaluate(frame, interpreter)) {
        case (.negate, .number(let x)): return .number(-x)
        case (.negate, .vector(.numeric(let column))): return .vector(.numeric(NumericColumn(column.values.map { -$0 })))
        case (.negate, .time(let time)) where time.kind == .duration: return .time(TimeValue(micros: -time.micros, kind: .duration))
        case (.negate, .vector(.time(let column))) where column.kind == .duration:
            return .vector(.time(TimeColumn(column.values.map { $0 == TimeValue.missing ? $0 : -$0 }, kind: .duration)))
        case (.not, .bool(let flag)): return .bool(!flag)
        case (.not, .vector(.boolean(let column))): return .vector(.boolean(BoolColumn(raw: column.values.map { $0 < 0 ? -1 : 1 - $0 })))
        case (_, .null): return .null
        case (.negate, let other): throw RuntimeError.at(location, "cannot negate \(other.kindName)")
        case (.not, let other): throw RuntimeError.at(location, "'not' needs a boolean, got \(other.kindName)")
        }
    }
}

/// `and` / `or`: three-valued (Kleene) logic on booleans, null and boolean vectors, a scalar broadcast
/// against a vector, so masks combine: `df.x > 0 and df.y < 3`, `true and v > 1`. A scalar `false and …`
/// or `true or …` settles the result without evaluating the right side (`x != null and x > 0`).
final class LogicalNode: Node {
    let op: LogicalOperator
    let left: Node
    let right: Node
    init(_ op: LogicalOperator, _ left: Node, _ right: Node, at location: SourceLocation) {
        self.op = op
        self.left = left
        self.right = right
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let a = try left.evaluate(frame, interpreter)
        if case .bool(let flag) = a {
            if op == .and, !flag { return .bool(false) }
            if op == .or, flag { return .bool(true) }
        }
        let b = try right.evaluate(frame, interpreter)
        switch (a, b) {
        case (.bool, .bool):
            return b  // `true and b`, `false or b`
        case (.vector(.boolean(let x)), .vector(.boolean(let y))):
            guard x.values.count == y.values.count else {
                throw RuntimeError.at(location, "'\(op.rawValue)' of boolean vectors of different lengths (\(x.values.count) and \(y.values.count))")
            }
            return .vector(.boolean(BoolColumn(raw: zip(x.values, y.values).map(combine))))
        case (.vector(.boolean(let x)), _):
            let flag = try code(b)
            return .vector(.boolean(BoolColumn(raw: x.values.map { combine($0, flag) })))
        case (_, .vector(.boolean(let y))):
            let flag = try code(a)
            return .vector(.boolean(BoolColumn(raw: y.values.map { combine(flag, $0) })))
        default:
            let flag = combine(try code(a), try code(b))
            return flag < 0 ? .null : .bool(flag == 1)
        }
    }

    /// A scalar operand as 1 (true), 0 (false) or −1 (missing), the coding of boolean vectors.
    private func code(_ value: Value) throws(Unwind) -> Int8 {
        switch value {
        case .bool(let flag): return flag ? 1 : 0
        case .null: return -1
        default: throw RuntimeError.at(location, "'\(op.rawValue)' needs booleans or boolean vectors, got \(value.kindName)")
        }
    }

    /// Kleene logic: false and missing is false, true or missing is true, otherwise missing stays.
    private func combine(_ a: Int8, _ b: Int8) -> Int8 {
        switch op {
        case .and: return a == 0 || b == 0 ? 0 : (a < 0 || b < 0 ? -1 : 1)
        case .or: return a == 1 || b == 1 ? 1 : (a < 0 || b < 0 ? -1 : 0)
        }
    }
}

/// `x in values`: whether x is among the values, element-wise when x is a vector (Runtime/Membership.swift).
final class MembershipNode: Node {
    let element: Node
    let values: Node
    init(_ element: Node, in values: Node, at location: SourceLocation) {
        self.element = element
        self.values = values
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let x = try element.evaluate(frame, interpreter)
        let set = try values.evaluate(frame, interpreter)
        do {
            return try Membership.test(x, in: set)
        } catch {
            throw RuntimeError.at(location, "'in': \(error.description)")
        }
    }
}
