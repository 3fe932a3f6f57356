// GlobalSlots: the values of global variables by slot, nil until the declaring statement has run.
//
// A raw buffer rather than an array: top-level loops read and write globals on every step, and an
// array adds a bounds check to each access and a uniqueness check (a runtime call) to each write.
// Slots only come from `append`, so every slot the compiler hands out is in bounds. Beside each value
// sits an unmanaged reference to the closure it holds, if it holds one, so a call of a global
// function takes no reference to it rather than copying the whole value out of its slot.

final class GlobalSlots {
    private var storage: UnsafeMutablePointer<Value?>
    /// The closure in each slot, kept alive by the value in `storage`.
    private var functions: UnsafeMutablePointer<Unmanaged<Closure>?>
    /// Functions the program replaced in their slot while a call entered through the slot was running
    /// them (CallNode.callGlobal holds no reference of its own); kept until those calls end.
    private var replacedWhileRunning: [Closure] = []
    private var capacity = 64
    private(set) var count = 0

    init() {
        storage = .allocate(capacity: capacity)
        functions = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
        functions.deallocate()
    }

    subscript(slot: Int) -> Value? {
        get { storage[slot] }
        set {
            if let old = functions[slot] { keepIfRunning(old) }
            if case .function(let function)? = newValue, function.directArity >= 0 {
                functions[slot] = .passUnretained(unsafeDowncast(function, to: Closure.self))
            } else {
                functions[slot] = nil
            }
            storage[slot] = newValue
        }
    }

    /// The number in a slot, read in place: no copy of a general value.
    @inline(__always)
    func number(at slot: Int) -> Double? {
        if case .number(let x)? = storage[slot] { return x }
        return nil
    }

    /// The closure in a slot, read in place and not retained.
    @inline(__always)
    func unmanagedClosure(at slot: Int) -> Unmanaged<Closure>? { functions[slot] }

    @inline(never)
    private func keepIfRunning(_ function: Unmanaged<Closure>) {
        let function = function.takeUnretainedValue()
        guard function.runningCalls > 0, !function.isKeptWhileRunning else { return }
        function.isKeptWhileRunning = true
        replacedWhileRunning.append(function)
    }

    /// The last running call of `function` entered through a slot has ended, and it was replaced in the
    /// meantime (`isKeptWhileRunning`): let it go.
    @inline(never)
    func callEnded(_ function: Closure) {
        function.isKeptWhileRunning = false
        replacedWhileRunning.removeAll { $0 === function }
    }

    /// A new slot, holding nil.
    func append() -> Int {
        if count == capacity {
            let grown = UnsafeMutablePointer<Value?>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            let grownFunctions = UnsafeMutablePointer<Unmanaged<Closure>?>.allocate(capacity: capacity * 2)
            grownFunctions.moveInitialize(from: functions, count: count)
            functions.deallocate()
            functions = grownFunctions
            capacity *= 2
        }
        (storage + count).initialize(to: nil)
        (functions + count).initialize(to: nil)
        count += 1
        return count - 1
    }
}
