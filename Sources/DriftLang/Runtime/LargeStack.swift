// LargeStack: runs work on a thread with a large stack. Deeply nested programs and deep (but legal)
// recursion need more than the main thread's 8 MB; the call-depth limit then ends runaway recursion
// with an error long before this stack is exhausted, and the stack floor handed to the work lets the
// interpreter refuse a call that would come within a margin of the stack's end, whatever --max-depth says.
import CStackAddress
import Foundation

enum LargeStack {
    static let size = 1 << 30
    /// Room kept below the floor for the builtins and runtime a call may still run.
    static let margin = 64 << 20

    /// Runs `body` on a large stack, passing the lowest stack address it may safely reach.
    static func run<T>(_ body: (_ stackFloor: UInt) -> T) -> T {
        withoutActuallyEscaping(body) { work in
            let box = Box(work)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.result = box.work?(stackAddress() - UInt(size - margin))
                // Drop the closure before signalling: it must not outlive this call.
                box.work = nil
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
            guard let result = box.result else { return work(0) }
            return result
        }
    }

    /// An address in the caller's stack frame: the stack grows down from where the thread started.
    @inline(__always)
    static func stackAddress() -> UInt {
        UInt(drift_stack_address())
    }

    /// Hands the closure and its result across the thread boundary; the semaphore orders the accesses.
    private final class Box<T>: @unchecked Sendable {
        var work: ((UInt) -> T)?
        var result: T?
        init(_ work: @escaping (UInt) -> T) { self.work = work }
    }
}
