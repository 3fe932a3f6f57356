// Interpreter: the state a running program shares — global variables, the builtin table, the output
// sink and the call depth — and the entry points that run compiled code. Evaluation itself lives in
// the nodes (Runtime/Node.swift, Runtime/Nodes), each of which knows how to evaluate itself.
import DriftCore

final class Interpreter {
    /// Global variables by slot; nil until the declaring statement has run.
    let globals = GlobalSlots()
    private(set) var globalNames: [String] = []
    private(set) var globalSlots: [String: Int] = [:]
    let builtins: BuiltinTable
    /// The locals of running calls whose frames no closure captures (Runtime/Frame.swift).
    var valueStack = ValueStack()
    let output: (String) -> Void
    /// Shows a value as the REPL would, or as a figure or table in a notebook cell (`show`).
    let show: (Value) -> Void
    var callDepth = 0
    var maximumCallDepth: Int
    /// The lowest native stack address a call may start at (LargeStack), 0 for no check.
    var stackFloor: UInt = 0
    /// Help texts of documented functions written in Drift (the standard library), by name.
    var documentation: [String: String] = [:]

    init(builtins: BuiltinTable, maximumCallDepth: Int, output: @escaping (String) -> Void, show: @escaping (Value) -> Void) {
        self.builtins = builtins
        self.maximumCallDepth = maximumCallDepth
        self.output = output
        self.show = show
    }

    func globalSlot(named name: String) -> Int? { globalSlots[name] }

    /// The slot for a global, creating it (undefined) if needed.
    func declareGlobal(_ name: String) -> Int {
        if let slot = globalSlots[name] { return slot }
        let slot = globals.append()
        globalNames.append(name)
        globalSlots[name] = slot
        return slot
    }

    func isDefined(_ name: String) -> Bool {
        globalSlots[name].map { globals[$0] != nil } ?? false
    }

    /// The defined globals, in declaration order.
    var definedGlobals: [(name: String, value: Value)] {
        globalNames.indices.compactMap { slot in globals[slot].map { (globalNames[slot], $0) } }
    }

    /// Polled by loops and calls: turns a Ctrl-C into an error at the current spot.
    @inline(__always)
    func checkInterrupt(at location: SourceLocation) throws(Unwind) {
        if Cancellation.isRequested { throw RuntimeError.at(location, Cancellation.message) }
    }

    /// Calls a function value with already evaluated arguments (used by calls and by builtins like `map`).
    func call(_ function: Function, _ arguments: Arguments, at location: SourceLocation) throws(Unwind) -> Value {
        guard let compiled = function.compiled else {
            // Not a closure, so a builtin: Function's initialisers set exactly one of the two.
            return try callBuiltin(function.builtin!, arguments, at: location)
        }
        return try function.invoke(self, at: location) { frame throws(Unwind) in
            try bind(arguments, to: compiled, in: frame, at: location)
        }
    }

    private func callBuiltin(_ builtin: Builtin, _ arguments: Arguments, at location: SourceLocation) throws(Unwind) -> Value {
        var arguments = arguments
        do {
            try builtin.validate(arguments)
            return try builtin.body(&arguments, self)
        } catch let unwind as Unwind {
            throw unwind
        } catch {
            // Core errors may already name the function ("replay: ..."); say it once.
            let message = BuiltinError.describe(error)
            throw RuntimeError.at(location, message.hasPrefix(builtin.name + ": ") ? message : "\(builtin.name): \(message)")
        }
    }

    /// Polls for Ctrl-C and stops runaway recursion before a call.
    @inline(__always)
    func enterCall(at location: SourceLocation) throws(Unwind) {
        try checkInterrupt(at: location)
        if callDepth >= maximumCallDepth {
            throw RuntimeError.at(location, "too deep: more than \(maximumCallDepth) nested calls (runaway recursion?)")
        }
        if LargeStack.stackAddress() < stackFloor {
            throw RuntimeError.at(location, "too deep: \(callDepth) nested calls fill the stack (runaway recursion?)")
        }
    }

    /// Runs a function body in its bound frame: `return` ends it, and an error passing through adds
    /// this call to the Drift call stack.
    @inline(__always)
    func run(_ function: Function, in frame: Frame, at location: SourceLocation) throws(Unwind) -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        do {
            return try function.body.evaluate(frame, self)
        } catch {
            return try unwound(error, from: function, at: location)
        }
    }

    /// What leaving a function body by an `Unwind` means: a `return`'s value, or an error passing on.
    @inline(never)
    private func unwound(_ error: Unwind, from function: Function, at location: SourceLocation) throws(Unwind) -> Value {
        switch error {
        case .returning(let value): return value
        case .error(let runtimeError):
            runtimeError.diagnostic.callStack.append((function.name, location))
            throw error
        case .breakLoop, .continueLoop:
            throw RuntimeError.at(location, "'break' or 'continue' outside a loop")
        }
    }

    private func bind(_ arguments: Arguments, to function: CompiledFunction, in frame: Frame, at location: SourceLocation) throws(Unwind) {
        let parameters = function.parameterNames
        if arguments.positional.count > parameters.count {
            throw RuntimeError.at(location, "\(function.name) takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s") but was given \(arguments.positional.count)")
        }
        var bound = [Bool](repeating: false, count: parameters.count)
        for (index, value) in arguments.positional.enumerated() {
            frame.slots[index] = value
            bound[index] = true
        }
        for (label, value) in arguments.named {
            guard let index = parameters.firstIndex(of: label) else {
                throw RuntimeError.at(location, "\(function.name) has no parameter '\(label)'\(Suggestion.hint(for: label, among: parameters))")
            }
            if bound[index] { throw RuntimeError.at(location, "\(function.name): argument '\(label)' given twice") }
            frame.slots[index] = value
            bound[index] = true
        }
        try function.bindDefaults(in: frame, self, at: location) { !bound[$0] }
    }
}
