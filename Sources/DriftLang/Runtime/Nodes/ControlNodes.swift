// Control nodes: blocks, if, loops, break/continue/return.
import DriftCore

/// A sequence of statements; its value is the last statement's value (null when empty).
/// Short blocks (loop and function bodies) are compiled to `SequenceNode`s instead.
final class BlockNode: Node {
    let statements: [Node]
    init(_ statements: [Node], at location: SourceLocation) {
        self.statements = statements
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        guard let last = statements.last else { return .null }
        for index in 0..<statements.count - 1 { try statements[index].execute(frame, interpreter) }
        return try last.evaluate(frame, interpreter)
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        for statement in statements { try statement.execute(frame, interpreter) }
    }
}

/// `first; then`: a short block as a chain of pairs. Calling a node held in a field costs no reference
/// counting, while one fetched from an array is retained and released around the call — a third of
/// the cost of a small loop body.
final class SequenceNode: Node {
    let first: Node
    let then: Node
    init(_ first: Node, then: Node, at location: SourceLocation) {
        self.first = first
        self.then = then
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        try first.execute(frame, interpreter)
        return try then.evaluate(frame, interpreter)
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        try first.execute(frame, interpreter)
        try then.execute(frame, interpreter)
    }
}

/// A loop's body. A block of several statements is a chain of `SequenceNode`s; the loop runs the chain's
/// first pair itself, which saves the call through the sequence on every iteration (a sixth of a small
/// loop's instructions). The pair sits in non-optional fields: a node reached through an optional or
/// through another node is retained and released around each call.
struct LoopBody {
    private let first: Node
    private let second: Node
    private let isPair: Bool

    init(_ node: Node) {
        let sequence = node as? SequenceNode
        first = sequence?.first ?? node
        second = sequence?.then ?? node
        isPair = sequence != nil
    }

    /// Runs one iteration; false when the body said `break`.
    @inline(__always)
    func run(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        do {
            try first.execute(frame, interpreter)
            if isPair { try second.execute(frame, interpreter) }
        } catch {
            switch error {
            case .breakLoop: return false
            case .continueLoop: return true
            default: throw error
            }
        }
        return true
    }
}

/// The condition of an `if` or a `while`. The usual one, a local compared with a literal (`n < 2`,
/// `i < 30000000`), is answered in place when the local holds a number: that saves the condition's
/// call, one of the four or five calls of a small loop's iteration or a small function's call.
/// Anything else (a missing value, a vector, another condition) goes to the node's own `test`, which
/// also explains the errors.
struct Condition {
    let node: Node
    private let comparison: NumberComparison

    init(_ node: Node) {
        self.node = node
        comparison = NumberComparison(node)
    }

    @inline(__always)
    func holds(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        if let answer = comparison.answer(frame) { return answer }
        return try node.test(frame, interpreter)
    }
}

final class IfNode: Node {
    let condition: Condition
    let then: Node
    let otherwise: Node?
    /// The slot a branch that is only a local reads (`if n < 2 { n } …`), -1 for any other branch: when it
    /// holds a number the branch's value is read here, a call fewer per run of the `if`.
    private let thenSlot: Int, otherwiseSlot: Int
    init(condition: Node, then: Node, otherwise: Node?, at location: SourceLocation) {
        self.condition = Condition(condition)
        self.then = then
        self.otherwise = otherwise
        thenSlot = (then as? LocalNode)?.slot ?? -1
        otherwiseSlot = (otherwise as? LocalNode)?.slot ?? -1
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        try evaluateInPlace(frame, interpreter)
    }
    /// `evaluate`'s body, for a call whose function body is this `if` to run without a call to it.
    @inline(__always)
    func evaluateInPlace(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        if try condition.holds(frame, interpreter) {
            if thenSlot >= 0, case .number(let x) = frame.slots[thenSlot] { return .number(x) }
            return try then.evaluate(frame, interpreter)
        }
        if otherwiseSlot >= 0, case .number(let x) = frame.slots[otherwiseSlot] { return .number(x) }
        return try otherwise?.evaluate(frame, interpreter) ?? .null
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        if try condition.holds(frame, interpreter) { return try then.execute(frame, interpreter) }
        try otherwise?.execute(frame, interpreter)
    }
}

final class WhileNode: Node {
    let condition: Condition
    let body: LoopBody
    init(condition: Node, body: Node, at location: SourceLocation) {
        self.condition = Condition(condition)
        self.body = LoopBody(body)
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        while try condition.holds(frame, interpreter) {
            try interpreter.checkInterrupt(at: location)
            if !(try body.run(frame, interpreter)) { break }
        }
        return .null
    }
}

final class ForNode: Node {
    let variable: VariableReference
    let sequence: Node
    let body: LoopBody
    init(variable: VariableReference, sequence: Node, body: Node, at location: SourceLocation) {
        self.variable = variable
        self.sequence = sequence
        self.body = LoopBody(body)
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let collection = try sequence.evaluate(frame, interpreter)
        let count: Int
        let element: (Int) -> Value
        switch collection {
        case .vector(let column): (count, element) = (column.count, column.element(at:))
        case .list(let items): (count, element) = (items.count, { items[$0] })
        case .string(let text):
            let characters = text.map { Value.string(String($0)) }
            (count, element) = (characters.count, { characters[$0] })
        case .record(let record):
            (count, element) = (record.count, { .string(record.keys[$0]) })
        case .frame(let frame):
            (count, element) = (frame.columnCount, { .string(frame.names[$0]) })
        default:
            throw RuntimeError.at(sequence.location, "cannot loop over \(collection.kindName)")
        }
        for index in 0..<count {
            try interpreter.checkInterrupt(at: location)
            variable.write(element(index), frame, interpreter)
            if !(try body.run(frame, interpreter)) { break }
        }
        return .null
    }
}

final class BreakNode: Node {
    override init(at location: SourceLocation) { super.init(at: location) }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value { throw .breakLoop }
}

final class ContinueNode: Node {
    override init(at location: SourceLocation) { super.init(at: location) }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value { throw .continueLoop }
}

final class ReturnNode: Node {
    let value: Node?
    init(_ value: Node?, at location: SourceLocation) {
        self.value = value
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        throw .returning(try value?.evaluate(frame, interpreter) ?? .null)
    }
}
