// Literal nodes: constants, list and record literals, function literals (closures) and groups of local functions.

final class ConstantNode: Node {
    let value: Value
    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value { value }
}

final class ListNode: Node {
    let elements: [Node]
    init(_ elements: [Node], at location: SourceLocation) {
        self.elements = elements
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try element.evaluate(frame, interpreter)) }
        return Value.collection(values)
    }
}

final class RecordNode: Node {
    let keys: [String]
    let values: [Node]
    init(keys: [String], values: [Node], at location: SourceLocation) {
        self.keys = keys
        self.values = values
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        var fields: [(String, Value)] = []
        fields.reserveCapacity(keys.count)
        for (key, node) in zip(keys, values) { fields.append((key, try node.evaluate(frame, interpreter))) }
        return .record(Record(fields))
    }
}

/// A function literal or a local function outside a group: makes a closure over the variables it uses.
final class FunctionNode: Node {
    let function: CompiledFunction
    init(_ function: CompiledFunction) {
        self.function = function
        super.init(at: function.location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let environment = function.captures.isEmpty
            ? Environment.empty : Environment(boxes: function.captures.map(frame.capture), group: nil)
        return .function(Closure(function, environment: environment))
    }
}

/// The start of a block that declares a group of local functions: makes them all, sharing one
/// environment, and stores each in its variable.
final class GroupNode: Node {
    let group: CompiledGroup
    /// Where each member is stored, in the group's order.
    let variables: [VariableReference]
    init(_ group: CompiledGroup, variables: [VariableReference], at location: SourceLocation) {
        self.group = group
        self.variables = variables
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let environment = Environment(boxes: group.captures.map(frame.capture), group: group)
        for (member, variable) in zip(group.members, variables) {
            variable.write(.function(Closure(member, environment: environment)), frame, interpreter)
        }
        return .null
    }
}
