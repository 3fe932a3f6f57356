// Frame: where a running function keeps its local variables.
//
// Most functions define no function inside them, so nothing can outlive a call holding their locals:
// their slots live on the interpreter's value stack (ValueStack) and are popped when the call ends,
// which costs no allocation and no reference counting. A function that defines a closure needs its
// locals to outlive the call when the closure escapes, so its slots live in a `HeapFrame` the closure
// captures. The compiler decides which (Compiler/FrameAnalysis.swift); `Frame` is the view every node
// evaluates in, whichever kind is underneath.

/// One activation's local variables, as nodes see them.
///
/// The references are unowned so that passing a frame to every node costs no reference counting:
/// the call that made the frame keeps both alive until it returns — its own heap frame in a local,
/// the captured one through the function being called.
struct Frame {
    /// The locals, by the slots the compiler gave them.
    let slots: UnsafeMutablePointer<Value>
    /// This activation's own heap frame, which closures defined in it capture (nil on the value stack).
    unowned(unsafe) let own: HeapFrame?
    /// The frame one hop out: the one the running closure captured (nil for the top level).
    unowned(unsafe) let outer: HeapFrame?

    init(slots: UnsafeMutablePointer<Value>, outer: HeapFrame?) {
        self.slots = slots
        self.own = nil
        self.outer = outer
    }

    init(_ heap: HeapFrame) {
        self.slots = heap.slots
        self.own = heap
        self.outer = heap.parent
    }

    /// The slots of the frame `hops` (≥ 1) levels out.
    @inline(__always)
    func ancestor(_ hops: Int) -> UnsafeMutablePointer<Value> {
        // The compiler only counts hops through frames that exist, so the chain is long enough.
        var frame = outer
        for _ in 1..<hops { frame = frame?.parent }
        return frame!.slots
    }
}

/// The locals of an activation that closures may capture. Blocks inside a function share its frame
/// (each declaration has its own slot), so a closure sees later changes to the variables it uses.
///
/// The slots are a raw buffer rather than an array: allocating an array of `Value` costs a runtime
/// metadata look-up per call. Slot indices come from the compiler, which sizes every frame, so
/// accesses are in bounds by construction.
final class HeapFrame {
    let slots: UnsafeMutablePointer<Value>
    private let slotCount: Int
    let parent: HeapFrame?

    init(slotCount: Int, parent: HeapFrame?) {
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
}
