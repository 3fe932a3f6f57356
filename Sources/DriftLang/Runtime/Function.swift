// Function values: closures over user code, and builtins written in Swift.

public final class Function {
    let name: String
    /// A function written in Drift: its code and the frame it closes over (both nil for a builtin).
    /// Plain fields rather than an enum payload, so a call reads them without copying the pair.
    let compiled: CompiledFunction?
    let captured: HeapFrame?
    /// A function written in Swift (nil for a closure).
    let builtin: Builtin?
    /// Calls of this function entered through a global slot without a reference (CallNode.callGlobal)
    /// and still running.
    var runningCalls = 0
    /// Whether GlobalSlots holds this function because it was replaced while running.
    var isKeptWhileRunning = false
    /// Heap frames of this closure's finished calls, kept for its next calls (see `makeFrame`).
    private var spareFrames: [HeapFrame] = []

    // What a direct call reads, copied out of `compiled` into plain fields: reading them costs no
    // reference counting, where taking `compiled` out of its optional retains and releases it.
    /// The argument count of a call that can go straight onto the value stack: the parameter count of
    /// a closure whose frame lives there, -1 for every other function (see `call(with:)`).
    private let directArity: Int
    private let slotCount: Int
    /// The body: a non-optional field, which a call evaluates without reference counting (a
    /// builtin has a placeholder that is never evaluated).
    let body: Node

    init(closure: CompiledFunction, captured: HeapFrame?) {
        self.name = closure.name
        self.compiled = closure
        self.captured = captured
        self.builtin = nil
        directArity = closure.usesHeapFrame ? -1 : closure.parameterNames.count
        slotCount = closure.slotCount
        body = closure.body
    }

    init(builtin: Builtin) {
        self.name = builtin.name
        self.compiled = nil
        self.captured = nil
        self.builtin = builtin
        directArity = -1
        slotCount = 0
        body = Function.builtinBody
    }

    /// Nodes are immutable once built, so one placeholder serves every builtin.
    nonisolated(unsafe) private static let builtinBody = ConstantNode(.null, at: SourceLocation(file: SourceFile(name: "", text: ""), offset: 0))

    var isBuiltin: Bool { compiled == nil }

    /// `name(a, b = …)` as shown in messages and displays.
    var signature: String {
        if let builtin { return builtin.signature }
        return "\(name)(\(compiled?.parameterNames.joined(separator: ", ") ?? ""))"
    }

    /// A call with positional arguments only (nil for a builtin, which takes an argument list). The
    /// common case — every parameter given, a frame on the value stack — evaluates each argument
    /// straight into the callee's slots and involves no reference counting at all.
    @inline(__always)
    func call(with arguments: ArgumentList, from callerFrame: Frame, _ interpreter: Interpreter, at location: SourceLocation) throws(Unwind) -> Value? {
        guard arguments.count == directArity else {
            return try callWithDefaults(arguments, from: callerFrame, interpreter, at: location)
        }
        try interpreter.enterCall(at: location)
        let slots = try interpreter.valueStack.push(slotCount, interpreter, at: location)
        defer { interpreter.valueStack.pop(slots, count: slotCount) }
        try arguments.evaluate(into: slots, callerFrame, interpreter)
        return try interpreter.run(self, in: Frame(slots: slots, outer: captured), at: location)
    }

    /// Positional arguments with defaults filling the parameters they leave out, or a closure whose
    /// frame lives on the heap.
    @inline(never)
    private func callWithDefaults(_ arguments: ArgumentList, from callerFrame: Frame, _ interpreter: Interpreter, at location: SourceLocation) throws(Unwind) -> Value? {
        guard let compiled, arguments.count <= compiled.parameterNames.count else { return nil }
        return try invoke(interpreter, at: location) { frame throws(Unwind) in
            try arguments.evaluate(into: frame.slots, callerFrame, interpreter)
            try compiled.bindDefaults(in: frame, interpreter, at: location) { $0 >= arguments.count }
        }
    }

    /// Runs this closure's body in a new frame once `bind` has filled in the parameters.
    func invoke(_ interpreter: Interpreter, at location: SourceLocation, binding bind: (Frame) throws(Unwind) -> Void) throws(Unwind) -> Value {
        try interpreter.enterCall(at: location)
        guard let compiled else { preconditionFailure("invoke is only called on closures") }
        let frame: Frame
        if compiled.usesHeapFrame {
            let heap = makeFrame()
            // The frame holds `heap` unowned; this use after the body keeps it alive until then.
            defer {
                if compiled.clearsFrameOnExit { heap.clear() }
                recycle(heap)
            }
            frame = Frame(heap)
            try bind(frame)
            return try interpreter.run(self, in: frame, at: location)
        }
        let slots = try interpreter.valueStack.push(slotCount, interpreter, at: location)
        defer { interpreter.valueStack.pop(slots, count: slotCount) }
        frame = Frame(slots: slots, outer: captured)
        try bind(frame)
        return try interpreter.run(self, in: frame, at: location)
    }

    /// A heap frame for a call of this closure, its slots all null. Reusing the frames of finished
    /// calls saves two allocations per call; the frames of one closure all share its captured parent,
    /// so a reused frame needs no rewiring and holds nothing the closure does not hold already.
    private func makeFrame() -> HeapFrame {
        spareFrames.popLast() ?? HeapFrame(slotCount: slotCount, parent: captured)
    }

    /// Takes back the frame of a finished call, unless something made during the call (a nested
    /// closure) still refers to it. Recursion needs a frame per level; a few dozen are kept.
    private func recycle(_ frame: consuming HeapFrame) {
        var frame = frame
        guard spareFrames.count < 64, isKnownUniquelyReferenced(&frame) else { return }
        frame.clear()
        spareFrames.append(frame)
    }
}

/// A user function after compilation: parameters, default values and a body over frame slots.
final class CompiledFunction {
    let name: String
    let parameterNames: [String]
    /// Default values, evaluated in the callee's frame so they may use earlier parameters.
    let defaults: [Node?]
    let body: Node
    /// Slots the frame needs: parameters first, then every local the body declares.
    let slotCount: Int
    /// Whether the body defines a closure, which may capture the frame: it then lives on the heap
    /// rather than on the value stack (Runtime/Frame.swift).
    let usesHeapFrame: Bool
    /// Whether a call clears its heap frame on the way out: its closures are local functions that
    /// are only ever called, so once the call is over they alone refer to the frame, in a cycle
    /// through its slots (Compiler/FrameAnalysis.swift).
    let clearsFrameOnExit: Bool
    let location: SourceLocation

    init(name: String, parameterNames: [String], defaults: [Node?], body: Node, slotCount: Int,
         usesHeapFrame: Bool, clearsFrameOnExit: Bool, location: SourceLocation) {
        self.name = name
        self.parameterNames = parameterNames
        self.defaults = defaults
        self.body = body
        self.slotCount = slotCount
        self.usesHeapFrame = usesHeapFrame
        self.clearsFrameOnExit = clearsFrameOnExit
        self.location = location
    }

    /// Evaluates, in the callee's frame, the default of every parameter `isUnbound` picks; a
    /// parameter without a default is a missing argument.
    func bindDefaults(in frame: Frame, _ interpreter: Interpreter, at location: SourceLocation,
                      where isUnbound: (Int) -> Bool) throws(Unwind) {
        for index in parameterNames.indices where isUnbound(index) {
            guard let defaultValue = defaults[index] else {
                throw RuntimeError.at(location, "\(name): missing argument '\(parameterNames[index])'")
            }
            frame.slots[index] = try defaultValue.evaluate(frame, interpreter)
        }
    }
}
