// Call node: evaluates the callee and the arguments, then calls through the interpreter.

final class CallNode: Node {
    let callee: Node
    let arguments: [Node]
    /// The same arguments, for evaluating them straight into a callee's frame.
    let argumentList: ArgumentList
    /// Label of each argument, nil for positional ones.
    let labels: [String?]
    private let hasLabels: Bool
    /// The global slot the callee names, -1 if it is anything else: a call of a global function then
    /// reads the slot in place instead of copying its value out through the callee node.
    private let globalSlot: Int

    init(callee: Node, arguments: [Node], labels: [String?], at location: SourceLocation) {
        self.callee = callee
        self.arguments = arguments
        self.argumentList = ArgumentList.of(arguments)
        self.labels = labels
        self.hasLabels = labels.contains { $0 != nil }
        self.globalSlot = (callee as? GlobalNode)?.slot ?? -1
        super.init(at: location)
    }

    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let function: Function
        if globalSlot >= 0, let global = interpreter.globals.unmanagedFunction(at: globalSlot) {
            if !hasLabels, let result = try callGlobal(global, frame, interpreter) { return result }
            // No Drift code ran in `callGlobal` when it gives nil (a builtin, or an argument count
            // the closure does not take), so the global still holds the function.
            function = global.takeUnretainedValue()
        } else {
            let target = try callee.evaluate(frame, interpreter)
            guard case .function(let value) = target else {
                throw RuntimeError.at(location, "cannot call \(target.kindName); only functions can be called")
            }
            function = value
        }
        if !hasLabels, let result = try function.call(with: argumentList, from: frame, interpreter, at: location) { return result }
        return try callWithArgumentList(function, frame, interpreter)
    }

    /// Calls a closure held in a global without taking a reference to it: the two atomic operations
    /// of a retain and a release are a sixth of a small function's call. The global keeps the closure
    /// alive, and should the program replace it while this call runs, GlobalSlots keeps it until the
    /// call ends (`runningCalls`). Nil for a builtin, which takes an argument list.
    @inline(__always)
    private func callGlobal(_ global: Unmanaged<Function>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value? {
        var outcome: Result<Value?, Unwind> = .success(nil)
        global._withUnsafeGuaranteedRef { function in
            // Builtins are shared by every session (BuiltinTable.standard): leave them untouched.
            if function.isBuiltin { return }
            function.runningCalls += 1
            do throws(Unwind) {
                outcome = .success(try function.call(with: argumentList, from: frame, interpreter, at: location))
            } catch {
                outcome = .failure(error)
            }
            function.runningCalls -= 1
            // The last use of `function`: this may release it.
            if function.runningCalls == 0 { interpreter.globals.callEnded(function) }
        }
        return try outcome.get()
    }

    /// Calls with labels, and calls of builtins, go through an argument list.
    @inline(never)
    private func callWithArgumentList(_ function: Function, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        var positional: [Value] = []
        positional.reserveCapacity(arguments.count)
        var named: [(label: String, value: Value)] = []
        for index in 0..<arguments.count {
            let value = try arguments[index].evaluate(frame, interpreter)
            if hasLabels, let label = labels[index] { named.append((label, value)) } else { positional.append(value) }
        }
        return try interpreter.call(function, Arguments(positional: positional, named: named, at: location), at: location)
    }
}
