// Call node: evaluates the callee and the arguments, then calls through the interpreter.

final class CallNode: Node {
    let callee: Node
    let arguments: [Node]
    /// The same arguments, for evaluating them straight into a callee's frame.
    let argumentList: ArgumentList
    /// Label of each argument, nil for positional ones.
    let labels: [String?]
    private let hasLabels: Bool
    /// The global slot the callee names when every argument is positional, -1 for any other call: a
    /// call of a global function then reads the slot in place instead of copying its value out through
    /// the callee node.
    private let globalSlot: Int

    init(callee: Node, arguments: [Node], labels: [String?], at location: SourceLocation) {
        self.callee = callee
        self.arguments = arguments
        self.argumentList = ArgumentList(arguments, at: location)
        self.labels = labels
        self.hasLabels = labels.contains { $0 != nil }
        self.globalSlot = hasLabels ? -1 : (callee as? GlobalNode)?.slot ?? -1
        super.init(at: location)
    }

    /// One path: a closure given all its arguments by position takes the fast case (they go straight
    /// into its frame); every other call evaluates an argument list and goes through `Function.call`.
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        if globalSlot >= 0, let global = interpreter.globals.unmanagedClosure(at: globalSlot),
           global._withUnsafeGuaranteedRef({ $0.directArity }) == argumentList.count {
            return try callGlobal(global, frame, interpreter)
        }
        return try callInGeneral(frame, interpreter)
    }

    /// Every call but the fast case of a global closure; out of line, so that the fast case keeps its
    /// values in registers.
    @inline(never)
    private func callInGeneral(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let target = try callee.evaluate(frame, interpreter)
        guard case .function(let function) = target else {
            throw RuntimeError.at(location, "cannot call \(target.kindName); only functions can be called")
        }
        if !hasLabels, argumentList.count == function.directArity {
            // Only closures have a direct arity (builtins have -1).
            return try unsafeDowncast(function, to: Closure.self).call(with: argumentList, from: frame, interpreter, at: location)
        }
        var positional: [Value] = []
        positional.reserveCapacity(arguments.count)
        var named: [(label: String, value: Value)] = []
        for index in 0..<arguments.count {
            let value = try arguments[index].evaluate(frame, interpreter)
            if hasLabels, let label = labels[index] { named.append((label, value)) } else { positional.append(value) }
        }
        return try function.call(Arguments(positional: positional, named: named, at: location), interpreter, at: location)
    }

    /// Calls a closure held in a global without taking a reference to it (withGuaranteedReference). The
    /// global keeps the closure alive, and should the program replace it while this call runs, GlobalSlots
    /// keeps it until the call ends (`runningCalls`). The closure takes the call's arguments by position.
    @inline(__always)
    private func callGlobal(_ global: Unmanaged<Closure>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        try withGuaranteedReference(global) { closure throws(Unwind) in
            closure.runningCalls &+= 1
            defer {
                closure.runningCalls &-= 1
                // The last use of `closure`: this may release it.
                if closure.runningCalls == 0, closure.isKeptWhileRunning { interpreter.globals.callEnded(closure) }
            }
            return try closure.call(with: argumentList, from: frame, interpreter, at: location)
        }
    }
}
