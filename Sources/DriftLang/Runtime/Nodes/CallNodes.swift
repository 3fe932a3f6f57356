// Call node: evaluates the callee and the arguments, then calls through the interpreter.

final class CallNode: Node {
    let location: SourceLocation
    let callee: Node
    let arguments: [Node]
    /// Label of each argument, nil for positional ones.
    let labels: [String?]
    private let hasLabels: Bool

    init(callee: Node, arguments: [Node], labels: [String?], at location: SourceLocation) {
        self.callee = callee
        self.arguments = arguments
        self.labels = labels
        self.hasLabels = labels.contains { $0 != nil }
        self.location = location
    }

    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let target = try callee.evaluate(frame, interpreter)
        guard case .function(let function) = target else {
            throw RuntimeError.at(location, "cannot call \(target.kindName); only functions can be called")
        }
        if !hasLabels, case .closure(let compiled, let captured) = function.kind, arguments.count <= compiled.parameterNames.count {
            return try interpreter.callDirectly(compiled, captured: captured, arguments: arguments, callerFrame: frame, at: location)
        }
        var positional: [Value] = []
        positional.reserveCapacity(arguments.count)
        var named: [(label: String, value: Value)] = []
        for index in arguments.indices {
            let value = try arguments[index].evaluate(frame, interpreter)
            if hasLabels, let label = labels[index] { named.append((label, value)) } else { positional.append(value) }
        }
        return try interpreter.call(function, Arguments(positional: positional, named: named, at: location), at: location)
    }
}
