// Control nodes: blocks, if, loops, break/continue/return.
import DriftCore

/// A sequence of statements; its value is the last statement's value (null when empty).
final class BlockNode: Node {
    let location: SourceLocation
    let statements: [Node]
    init(_ statements: [Node], at location: SourceLocation) {
        self.statements = statements
        self.location = location
    }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        var result = Value.null
        for statement in statements { result = try statement.evaluate(frame, interpreter) }
        return result
    }
}

/// Runs one iteration of a loop body; false when the body said `break`.
@inline(__always)
private func runIteration(_ body: Node, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
    do {
        _ = try body.evaluate(frame, interpreter)
    } catch {
        switch error {
        case .breakLoop: return false
        case .continueLoop: return true
        default: throw error
        }
    }
    return true
}

/// Reads a condition, which must be a boolean.
@inline(__always)
func truth(_ node: Node, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
    let value = try node.evaluate(frame, interpreter)
    if case .bool(let flag) = value { return flag }
    if case .vector(.boolean) = value {
        throw RuntimeError.at(node.location, "condition is a boolean vector; use any(...) or all(...) to reduce it to one value")
    }
    throw RuntimeError.at(node.location, "condition must be true or false, got \(value.kindName)")
}

final class IfNode: Node {
    let location: SourceLocation
    let condition: Node
    let then: Node
    let otherwise: Node?
    init(condition: Node, then: Node, otherwise: Node?, at location: SourceLocation) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        self.location = location
    }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        if try truth(condition, frame, interpreter) { return try then.evaluate(frame, interpreter) }
        return try otherwise?.evaluate(frame, interpreter) ?? .null
    }
}

final class WhileNode: Node {
    let location: SourceLocation
    let condition: Node
    let body: Node
    init(condition: Node, body: Node, at location: SourceLocation) {
        self.condition = condition
        self.body = body
        self.location = location
    }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        while try truth(condition, frame, interpreter) {
            try interpreter.checkInterrupt(at: location)
            if !(try runIteration(body, frame, interpreter)) { break }
        }
        return .null
    }
}

final class ForNode: Node {
    let location: SourceLocation
    let variable: VariableReference
    let sequence: Node
    let body: Node
    init(variable: VariableReference, sequence: Node, body: Node, at location: SourceLocation) {
        self.variable = variable
        self.sequence = sequence
        self.body = body
        self.location = location
    }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
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
            if !(try runIteration(body, frame, interpreter)) { break }
        }
        return .null
    }
}

final class BreakNode: Node {
    let location: SourceLocation
    init(at location: SourceLocation) { self.location = location }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value { throw .breakLoop }
}

final class ContinueNode: Node {
    let location: SourceLocation
    init(at location: SourceLocation) { self.location = location }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value { throw .continueLoop }
}

final class ReturnNode: Node {
    let location: SourceLocation
    let value: Node?
    init(_ value: Node?, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        throw .returning(try value?.evaluate(frame, interpreter) ?? .null)
    }
}
