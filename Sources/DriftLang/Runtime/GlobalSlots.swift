// GlobalSlots: the values of global variables by slot, nil until the declaring statement has run.
//
// A raw buffer rather than an array: top-level loops read and write globals on every step, and an
// array adds a bounds check to each access and a uniqueness check (a runtime call) to each write.
// Slots only come from `append`, so every slot the compiler hands out is in bounds.

final class GlobalSlots {
    private var storage: UnsafeMutablePointer<Value?>
    private var capacity = 64
    private(set) var count = 0

    init() {
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    subscript(slot: Int) -> Value? {
        get { storage[slot] }
        set { storage[slot] = newValue }
    }

    /// The number in a slot, read in place: no copy of a general value.
    @inline(__always)
    func number(at slot: Int) -> Double? {
        if case .number(let x)? = storage[slot] { return x }
        return nil
    }

    /// A new slot, holding nil.
    func append() -> Int {
        if count == capacity {
            let grown = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        (storage + count).initialize(to: nil)
        count += 1
        return count - 1
    }
}
