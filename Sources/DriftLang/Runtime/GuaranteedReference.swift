// withGuaranteedReference: runs code on an object without retaining it, for the two reads on every call (a
// global closure, a function body that is an `if`) where a retain and a release would be a sixth of the call.
// The standard library's `_withUnsafeGuaranteedRef` rethrows untyped errors, so the outcome crosses it as a
// `Result` and the `Unwind` keeps its type.

/// `body`'s value for `object`, read through a guaranteed reference: the caller keeps `object` alive.
@inline(__always)
func withGuaranteedReference<Object: AnyObject>(_ object: Unmanaged<Object>,
                                                _ body: (Object) throws(Unwind) -> Value) throws(Unwind) -> Value {
    var outcome: Result<Value, Unwind> = .success(.null)
    object._withUnsafeGuaranteedRef { reference in
        do throws(Unwind) { outcome = .success(try body(reference)) } catch { outcome = .failure(error) }
    }
    return try outcome.get()
}
