// Call node: evaluates the callee and the arguments, then calls through the interpreter.

final class CallNode: Node {
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
        super.init(at: location)
    }

    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let target = try callee.evaluate(frame, interpreter)
        guard case .function(let function) = target else {
            throw RuntimeError.at(location, "cannot call \(target.kindName); only functions can be called")
        }
        if !hasLabels, let result = try function.call(with: arguments, from: frame, interpreter, at: location) { return result }
        return try callWithArgumentList(function, frame, interpreter)
    }

    /// Calls with labels, and calls of builtins, go through an argument list.
    @inline(never)
    private func callWithArgumentList(_ function: Function, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
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
