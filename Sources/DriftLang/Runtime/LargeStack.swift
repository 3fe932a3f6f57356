// LargeStack: runs work on a thread with a large stack. Deeply nested programs and deep (but legal)
// recursion need more than the main thread's 8 MB; the call-depth limit then ends runaway recursion
// with an error long before this stack is exhausted, and the stack floor handed to the work lets the
// interpreter refuse a call that would come within a margin of the stack's end, whatever --max-depth says.
//
// The thread is made with pthreads, not Foundation's Thread, because a thread that cannot be created
// (a virtual-memory limit below the stack size, as under `prlimit --as`) must be noticed: Thread.start
// fails silently and the caller would wait forever. Smaller stacks are tried in turn, and as a last
// resort the work runs on the calling thread with a floor derived from its own stack limit.
import CStackAddress
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum LargeStack {
    /// Stack sizes tried in turn: the first that the system grants is used.
    static let sizes = [1 << 30, 256 << 20, 64 << 20]

    /// Room kept below the floor for the builtins and runtime a call may still run: a sixteenth of
    /// the stack, at most 64 MB.
    static func margin(forStackOf size: Int) -> Int {
        min(64 << 20, size / 16)
    }

    /// Runs `body` on a large stack, passing the lowest stack address it may safely reach.
    static func run<T>(_ body: (_ stackFloor: UInt) -> T) -> T {
        withoutActuallyEscaping(body) { work in
            let box = Box(work)
            for size in sizes where spawnAndJoin(box, stackSize: size) {
                if let result = box.result { return result }
            }
            return work(floorOnCallingThread())
        }
    }

    /// Runs the box's work on a new thread with the given stack and waits for it; false when the
    /// thread could not be created.
    private static func spawnAndJoin<T>(_ box: Box<T>, stackSize: Int) -> Bool {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return false }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return false }
        box.stackSize = stackSize
        let context = Unmanaged.passRetained(box as StackWork).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        guard pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<StackWork>.fromOpaque(context).takeRetainedValue().runOnThisThread()
            return nil
        }, context) == 0 else {
            Unmanaged<StackWork>.fromOpaque(context).release()
            return false
        }
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return true
    }

    /// The floor for work run on the calling thread: its stack limit (8 MB when unknown or unlimited)
    /// below the current address, less the margin.
    private static func floorOnCallingThread() -> UInt {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_STACK.rawValue)
        #else
        let resource = RLIMIT_STACK
        #endif
        let size = getrlimit(resource, &limit) == 0 && limit.rlim_cur != rlim_t.max
            ? Int(clamping: limit.rlim_cur) : 8 << 20
        let reach = UInt(max(0, size - margin(forStackOf: size) - (256 << 10)))
        let here = stackAddress()
        return here > reach ? here - reach : 0
    }

    /// An address in the caller's stack frame: the stack grows down from where the thread started.
    @inline(__always)
    static func stackAddress() -> UInt {
        UInt(drift_stack_address())
    }

    /// What the new thread runs, as a class so it can cross pthread_create's context pointer.
    private class StackWork: @unchecked Sendable {
        func runOnThisThread() {}
    }

    /// Hands the closure and its result across the thread boundary; pthread_join orders the accesses.
    private final class Box<T>: StackWork, @unchecked Sendable {
        var work: ((UInt) -> T)?
        var result: T?
        var stackSize = 0
        init(_ work: @escaping (UInt) -> T) { self.work = work }

        override func runOnThisThread() {
            let floor = LargeStack.stackAddress() - UInt(stackSize - LargeStack.margin(forStackOf: stackSize))
            result = work?(floor)
            // Drop the closure before returning: it must not outlive this call.
            work = nil
        }
    }
}
