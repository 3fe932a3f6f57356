// Function values: closures over user code, and builtins written in Swift.

public final class Function {
    let name: String
    /// A function written in Drift: its code and the frame it closes over (both nil for a builtin).
    /// Plain fields rather than an enum payload, so a call reads them without copying the pair.
    let compiled: CompiledFunction?
    let captured: Frame?
    /// A function written in Swift (nil for a closure).
    let builtin: Builtin?
    /// Frames of this closure's finished calls, kept for its next calls (see `makeFrame`).
    private var spareFrames: [Frame] = []

    init(closure: CompiledFunction, captured: Frame) {
        self.name = closure.name
        self.compiled = closure
        self.captured = captured
        self.builtin = nil
    }

    init(builtin: Builtin) {
        self.name = builtin.name
        self.compiled = nil
        self.captured = nil
        self.builtin = builtin
    }

    /// `name(a, b = …)` as shown in messages and displays.
    var signature: String {
        if let builtin { return builtin.signature }
        return "\(name)(\(compiled?.parameterNames.joined(separator: ", ") ?? ""))"
    }

    /// A call of this closure with positional arguments only — the common case — evaluates each
    /// argument straight into the callee's frame, with no argument list in between.
    @inline(__always)
    func call(with arguments: [Node], from callerFrame: Frame, _ interpreter: Interpreter, at location: SourceLocation) throws(Unwind) -> Value? {
        guard let compiled, arguments.count <= compiled.parameterNames.count else { return nil }
        try interpreter.enterCall(at: location)
        let frame = makeFrame()
        for index in arguments.indices { frame.slots[index] = try arguments[index].evaluate(callerFrame, interpreter) }
        for index in arguments.count..<compiled.parameterNames.count {
            guard let defaultValue = compiled.defaults[index] else {
                throw RuntimeError.at(location, "\(compiled.name): missing argument '\(compiled.parameterNames[index])'")
            }
            frame.slots[index] = try defaultValue.evaluate(frame, interpreter)
        }
        let result = try interpreter.run(compiled, in: frame, at: location)
        recycle(frame)
        return result
    }

    /// A frame for a call of this closure, its slots all null. Reusing the frames of finished calls
    /// saves two allocations per call; the frames of one closure all share its captured parent, so a
    /// reused frame needs no rewiring and holds nothing the closure does not hold already.
    func makeFrame() -> Frame {
        spareFrames.popLast() ?? Frame(slotCount: compiled?.slotCount ?? 0, parent: captured)
    }

    /// Takes back the frame of a finished call, unless something made during the call (a nested
    /// closure) still refers to it. Recursion needs a frame per level; a few dozen are kept.
    func recycle(_ frame: consuming Frame) {
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
    let location: SourceLocation

    init(name: String, parameterNames: [String], defaults: [Node?], body: Node, slotCount: Int, location: SourceLocation) {
        self.name = name
        self.parameterNames = parameterNames
        self.defaults = defaults
        self.body = body
        self.slotCount = slotCount
        self.location = location
    }
}

/// One activation's local variables. Blocks inside a function share its frame (each declaration has
/// its own slot), so a closure captures its defining function's frame and sees later changes to it.
///
/// The slots are a raw buffer rather than an array: allocating an array of `Value` costs a runtime
/// metadata look-up per call, the largest single cost of a function call. Slot indices come from the
/// compiler, which sizes every frame, so accesses are in bounds by construction.
final class Frame {
    let slots: UnsafeMutablePointer<Value>
    private let slotCount: Int
    let parent: Frame?

    init(slotCount: Int, parent: Frame?) {
        self.slotCount = slotCount
        slots = UnsafeMutablePointer<Value>.allocate(capacity: max(slotCount, 1))
        slots.initialize(repeating: .null, count: slotCount)
        self.parent = parent
    }

    deinit {
        slots.deinitialize(count: slotCount)
        slots.deallocate()
    }

    /// Sets every slot back to null, releasing what they held.
    func clear() {
        slots.update(repeating: .null, count: slotCount)
    }

    /// The frame `hops` levels out.
    func ancestor(_ hops: Int) -> Frame {
        var frame = self
        for _ in 0..<hops { frame = frame.parent ?? frame }
        return frame
    }
}
