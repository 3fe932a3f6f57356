// LargeStack: runs work on a thread with a large stack. Deeply nested programs and deep (but legal)
// recursion need more than the main thread's 8 MB; the call-depth limit then ends runaway recursion
// with an error long before this stack is exhausted.
import Foundation

enum LargeStack {
    static let size = 1 << 30

    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { work in
            let box = Box(work)
            let done = DispatchSemaphore(value: 0)
            let thread = Thread {
                box.result = box.work?()
                // Drop the closure before signalling: it must not outlive this call.
                box.work = nil
                done.signal()
            }
            thread.stackSize = size
            thread.start()
            done.wait()
            guard let result = box.result else { return work() }
            return result
        }
    }

    /// Hands the closure and its result across the thread boundary; the semaphore orders the accesses.
    private final class Box<T>: @unchecked Sendable {
        var work: (() -> T)?
        var result: T?
        init(_ work: @escaping () -> T) { self.work = work }
    }
}
