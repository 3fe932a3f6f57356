// Interpreter: the state a running program shares — global variables, the builtin table, the output
// and warning sinks, the call depth and the open database sessions — and the entry points that run compiled code. Evaluation itself lives in
// the nodes (Runtime/Node.swift, Runtime/Nodes), each of which knows how to evaluate itself.
import DriftCore
import DriftSources

final class Interpreter {
    /// Global variables by slot; nil until the declaring statement has run.
    let globals = GlobalSlots()
    private(set) var globalNames: [String] = []
    private(set) var globalSlots: [String: Int] = [:]
    let builtins: BuiltinTable
    /// The locals of running calls whose frames no closure captures (Runtime/Frame.swift).
    var valueStack = ValueStack()
    let output: (String) -> Void
    /// Reports something a builtin did that the program should know of but that is no error (a model
    /// meeting categories it never saw); the run goes on. One line, without "warning: " or a newline.
    let warn: (String) -> Void
    /// Shows a value as the REPL would, or as a figure or table in a notebook cell (`show`).
    let show: (Value) -> Void
    var callDepth = 0
    var maximumCallDepth: Int
    /// The lowest native stack address a call may start at (LargeStack), 0 for no check.
    var stackFloor: UInt = 0
    /// The modules `import` has loaded in this session.
    let modules = ModuleLoader()
    /// The Spark sessions read_sql and table() share, closed when the session (its last source) goes.
    let databases = DatabaseConnections()
    /// Slots of modules' own globals (`declareModuleGlobal`).
    private var moduleSlots: Set<Int> = []

    init(builtins: BuiltinTable, maximumCallDepth: Int, output: @escaping (String) -> Void,
         warn: @escaping (String) -> Void, show: @escaping (Value) -> Void) {
        self.builtins = builtins
        self.maximumCallDepth = maximumCallDepth
        self.output = output
        self.warn = warn
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

    /// A slot for a global of an imported module: named for messages, but found by no name (the
    /// module's resolver keeps it) and not among `definedGlobals`.
    func declareModuleGlobal(_ name: String) -> Int {
        let slot = globals.append()
        globalNames.append(name)
        moduleSlots.insert(slot)
        return slot
    }

    func isDefined(_ name: String) -> Bool {
        globalSlots[name].map { globals[$0] != nil } ?? false
    }

    /// The defined globals, in declaration order.
    var definedGlobals: [(name: String, value: Value)] {
        globalNames.indices.compactMap { slot in
            moduleSlots.contains(slot) ? nil : globals[slot].map { (globalNames[slot], $0) }
        }
    }

    /// Polled by loops and calls: turns a Ctrl-C into an error at the current spot.
    @inline(__always)
    func checkInterrupt(at location: SourceLocation) throws(Unwind) {
        if Cancellation.isRequested { throw RuntimeError.at(location, Cancellation.message) }
    }

    /// Polls for Ctrl-C and stops runaway recursion before a call.
    @inline(__always)
    func enterCall(at location: SourceLocation) throws(Unwind) {
        // One test on the way in; which limit it was is worked out out of line.
        if Cancellation.isRequested || callDepth >= maximumCallDepth || LargeStack.stackAddress() < stackFloor {
            throw callRefused(at: location)
        }
    }

    @inline(never)
    private func callRefused(at location: SourceLocation) -> Unwind {
        if Cancellation.isRequested { return RuntimeError.at(location, Cancellation.message) }
        if callDepth >= maximumCallDepth {
            return RuntimeError.at(location, "too deep: more than \(maximumCallDepth) nested calls (runaway recursion?)")
        }
        return RuntimeError.at(location, "too deep: \(callDepth) nested calls fill the stack (runaway recursion?)")
    }

    /// Runs a compiled program (a script or a REPL entry) in a frame of its own on the value stack.
    func run(_ program: CompiledProgram) throws(Unwind) -> Value {
        let slots = try valueStack.push(program.frameSize, self, at: program.body.location)
        defer { valueStack.pop(slots, count: program.frameSize) }
        let frame = Frame(slots: slots, closure: nil)
        frame.boxSlots(program.boxedSlots)
        return try program.body.evaluate(frame, self)
    }

    /// Runs a closure in its frame, its arguments in their slots: the prologue (boxes, default values;
    /// see CompiledFunction.prologue), then the body. `return` ends it, and an error passing through
    /// adds this call to the Drift call stack.
    @inline(__always)
    func run(_ closure: Closure, in frame: Frame, at location: SourceLocation, given: [Bool]?) throws(Unwind) -> Value {
        callDepth &+= 1
        defer { callDepth &-= 1 }
        do {
            if given != nil || closure.boxesSlots { try closure.code.prologue(frame, self, at: location, given: given) }
            return try closure.evaluateBody(frame, self)
        } catch {
            return try unwound(error, from: closure, at: location)
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
        case .exit:
            throw error
        }
    }
}
