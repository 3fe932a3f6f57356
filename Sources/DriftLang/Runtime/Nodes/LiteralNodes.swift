// Literal nodes: constants, list and record literals, function literals (closures).

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

final class FunctionNode: Node {
    let function: CompiledFunction
    init(_ function: CompiledFunction) {
        self.function = function
        super.init(at: function.location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        // Only functions that define closures run in a heap frame, and the top level always does
        // (Compiler/FrameAnalysis.swift), so `own` is there to capture.
        .function(Function(closure: function, captured: frame.own))
    }
}
