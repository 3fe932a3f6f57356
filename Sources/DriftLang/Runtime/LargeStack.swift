// LargeStack: runs work on a thread with a large stack. Deeply nested programs and deep (but legal)
// recursion need more than the main thread's 8 MB; the call-depth limit then ends runaway recursion
// with an error long before this stack is exhausted, and the stack floor handed to the work lets the
// interpreter refuse a call that would come within a margin of the stack's end, whatever --max-depth says.
//
// The thread is made with pthreads, not Foundation's Thread, because a thread that cannot be created
// (a virtual-memory limit below the stack size, as under `prlimit --as`) must be noticed: Thread.start
// fails silently and the caller would wait forever. Smaller stacks are tried in turn, and as a last
// resort the work runs on the calling thread with a floor derived from its own stack limit.
//
// One such thread is kept between runs (`KeptThread`): a `drift run` runs three pieces of work (the two
// standard-library files, then the script), a REPL or a notebook one per entry, and each new thread cost
// mapping its 1 GB stack, and at its end unmapping it with a TLB shoot-down on the other core. Work that
// finds the kept thread busy (a session on another thread, or a run nested in one) gets a thread of its own.
import CStackAddress
import Dispatch
import Synchronization
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
            if let kept = KeptThread.shared, kept.run(box), let result = box.result { return result }
            for size in sizes where spawnAndJoin(box, stackSize: size) {
                if let result = box.result { return result }
            }
            return work(floorOnCallingThread())
        }
    }

    /// Runs the box's work on a new thread with the given stack and waits for it; false when the
    /// thread could not be created.
    private static func spawnAndJoin<T>(_ box: Box<T>, stackSize: Int) -> Bool {
        box.stackSize = stackSize
        guard let thread = start(stackSize: stackSize, running: box) else { return false }
        pthread_join(thread, nil)
        return true
    }

    /// Starts a thread with the given stack that runs `work`; nil when it could not be created.
    fileprivate static func start(stackSize: Int, running work: StackWork) -> pthread_t? {
        var attributes = pthread_attr_t()
        guard pthread_attr_init(&attributes) == 0 else { return nil }
        defer { pthread_attr_destroy(&attributes) }
        guard pthread_attr_setstacksize(&attributes, stackSize) == 0 else { return nil }
        let context = Unmanaged.passRetained(work).toOpaque()
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
            return nil
        }
        #if canImport(Glibc)
        return thread
        #else
        return thread!
        #endif
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

    /// What a large-stack thread runs, as a class so it can cross pthread_create's context pointer.
    fileprivate class StackWork: @unchecked Sendable {
        /// The stack size of the thread that runs it, from which it takes its floor.
        var stackSize = 0
        func runOnThisThread() {}
    }

    /// Hands the closure and its result across the thread boundary; pthread_join (or the kept thread's
    /// semaphores) orders the accesses.
    private final class Box<T>: StackWork, @unchecked Sendable {
        var work: ((UInt) -> T)?
        var result: T?
        init(_ work: @escaping (UInt) -> T) { self.work = work }

        override func runOnThisThread() {
            let floor = LargeStack.stackAddress() - UInt(stackSize - LargeStack.margin(forStackOf: stackSize))
            result = work?(floor)
            // Drop the closure before returning: it must not outlive this call.
            work = nil
        }
    }
}

/// The large-stack thread kept between runs, waiting for the next piece of work.
private final class KeptThread: LargeStack.StackWork, @unchecked Sendable {
    /// Made at the first run, with the largest stack the system grants; nil when it grants none.
    static let shared: KeptThread? = {
        for size in LargeStack.sizes {
            let thread = KeptThread()
            thread.stackSize = size
            // Detached: it runs for the rest of the process, and nothing joins it.
            if let started = LargeStack.start(stackSize: size, running: thread) {
                pthread_detach(started)
                return thread
            }
        }
        return nil
    }()

    private let started = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let isBusy = Atomic<Bool>(false)
    private var work: LargeStack.StackWork?

    /// Runs `work` here and waits for it; false, having run nothing, when the thread is busy.
    func run(_ work: LargeStack.StackWork) -> Bool {
        guard isBusy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        work.stackSize = stackSize
        self.work = work
        started.signal()
        finished.wait()
        self.work = nil
        isBusy.store(false, ordering: .releasing)
        return true
    }

    /// The thread's life: each piece of work, then its deep stack pages handed back (a thread that ends
    /// gives its stack back; this one lives on).
    override func runOnThisThread() {
        // The stack is the `stackSize` bytes below the end of its mapping, which is less than 1 MB above this
        // frame (only the thread's descriptor and TLS sit there), so the part more than 1 MB below here, up to
        // 1 MB short of that size, stays inside the stack and above its guard page.
        let top = LargeStack.stackAddress()
        let deep = DeepPages(from: top - UInt(stackSize) + (1 << 20), to: top - (1 << 20), growsDown: true)
        while true {
            started.wait()
            work?.runOnThisThread()
            deep?.releaseIfReached()
            finished.signal()
        }
    }
}
