// Function values: closures over user code, and builtins written in Swift.

public final class Function {
    let name: String
    let kind: Kind

    enum Kind {
        case closure(CompiledFunction, captured: Frame)
        case builtin(Builtin)
    }

    init(closure: CompiledFunction, captured: Frame) {
        self.name = closure.name
        self.kind = .closure(closure, captured: captured)
    }

    init(builtin: Builtin) {
        self.name = builtin.name
        self.kind = .builtin(builtin)
    }

    /// `name(a, b = …)` as shown in messages and displays.
    var signature: String {
        switch kind {
        case .closure(let function, _): return "\(name)(\(function.parameterNames.joined(separator: ", ")))"
        case .builtin(let builtin): return builtin.signature
        }
    }
}

/// A user function after compilation: parameters, default values and a body over frame slots.
final class CompiledFunction {
    let name: String
    let parameterNames: [String]
    /// Default values, evaluated in the callee's frame so they may use earlier parameters.
    let defaults: [Node?]
    var body: Node
    /// Slots the frame needs: parameters first, then every local the body declares.
    var slotCount: Int
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

    /// The frame `hops` levels out.
    func ancestor(_ hops: Int) -> Frame {
        var frame = self
        for _ in 0..<hops { frame = frame.parent ?? frame }
        return frame
    }
}
