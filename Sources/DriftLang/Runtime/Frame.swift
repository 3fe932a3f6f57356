// Frame: where a running function keeps its local variables, and the boxes closures share.
//
// Every call keeps its locals on the interpreter's value stack (ValueStack), popped when the call ends:
// no allocation and no reference counting per call. A local that an inner function uses is captured
// (Compiler/Resolver.swift decides which): its slot holds a `Box`, and each closure made in the frame
// holds the boxes it uses, never the frame, so a closure that outlives its call keeps alive only the
// variables it needs (upvalues, as in clox and Lua, boxed from the start of the call).

/// One activation's locals, as nodes see them.
///
/// The closure is unowned so that passing a frame to every node costs no reference counting: the call
/// that made the frame keeps the closure alive until it returns.
struct Frame {
    /// The locals, by the slots the resolver gave them.
    let slots: UnsafeMutablePointer<Value>
    /// The closure running in this frame (nil at the top level), for its captured variables.
    unowned(unsafe) let closure: Closure?

    init(slots: UnsafeMutablePointer<Value>, closure: Closure?) {
        self.slots = slots
        self.closure = closure
    }

    /// The box a captured local's slot holds.
    @inline(__always)
    func box(at slot: Int) -> Box {
        // The resolver boxes every captured slot when the call starts (CompiledFunction.prologue).
        guard case .object(let object) = slots[slot] else { preconditionFailure("slot \(slot) holds no box") }
        return unsafeDowncast(object, to: Box.self)
    }

    /// One of the running closure's captured variables.
    @inline(__always)
    func captured(_ index: Int) -> Box {
        closure.unsafelyUnwrapped.environment.boxes[index]
    }

    /// The box a closure made here captures for `source`.
    func capture(_ source: CaptureSource) -> Box {
        switch source {
        case .local(let slot): return box(at: slot)
        case .captured(let index): return captured(index)
        case .sibling(let index): return Box(.function(closure.unsafelyUnwrapped.sibling(index)))
        }
    }

    /// Boxes each captured slot, holding what the slot held (a parameter's argument, or null).
    func boxSlots(_ boxedSlots: [Int]) {
        for slot in boxedSlots { (slots + slot).initialize(to: .object(Box((slots + slot).move()))) }
    }
}

/// A captured variable: the frame's slot and every closure that uses it share the box.
/// It is never a value a program sees; only the nodes of captured variables open it.
final class Box: DriftObject {
    var value: Value

    init(_ value: Value) { self.value = value }

    var kindName: String { "captured variable" }
    func field(_ name: String) -> Value? { nil }
    var fieldNames: [String] { [] }
    func render(to renderer: inout Renderer) { renderer.text(Renderer.plainText(value) + "\n") }
}

/// What the closures made together share: the boxes they capture and, for local functions declared
/// together, their group, through which they reach one another.
final class Environment {
    let boxes: [Box]
    let group: CompiledGroup?

    init(boxes: [Box], group: CompiledGroup?) {
        self.boxes = boxes
        self.group = group
    }

    /// The environment of a closure that captures nothing; shared, as it holds nothing.
    nonisolated(unsafe) static let empty = Environment(boxes: [], group: nil)
}
