// nestableConcurrentMap: `concurrentMap` for work that may itself run inside a `concurrentMap` (a scan of one of
// the two sources a drift report summarises at once). libdispatch divides the cores among nested
// concurrentPerform calls, so inside a two-way one on a 2-core machine a nested one runs on one thread; this one
// runs on the calling thread and on threads of its own, one per other core, so it keeps every core wherever it
// is called from. The calling thread takes part, so the work never waits on a busy pool.
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `(0..<count).map(body)` with the calls spread over the calling thread and one new thread per other core;
/// results in index order. `body` must be safe to run concurrently with itself.
public func nestableConcurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let helpers = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count) - 1
    guard helpers > 0 else { return (0..<count).map(body) }
    let slots = Slots<T>(count: count)
    withoutActuallyEscaping(body) { body in
        let work = SharedWork(count: count) { index in slots.set(index, body(index)) }
        var threads: [pthread_t] = []
        for _ in 0..<helpers {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(work).toOpaque()
            let started = pthread_create(&thread, nil, { context in
                Unmanaged<SharedWork>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
            if started == 0 { threads.append(thread) } else { Unmanaged<SharedWork>.fromOpaque(context).release() }
        }
        work.run()
        // The helpers have let go of `work`, and so of `body`, once joined: it does not escape this call.
        for thread in threads { pthread_join(thread, nil) }
    }
    return slots.values.map { $0! }
}

/// The calls of one map: each index in 0..<count is handed once to whichever thread asks first.
private final class SharedWork: Sendable {
    private let count: Int
    private let taken = Atomic<Int>(0)
    private let call: @Sendable (Int) -> Void

    init(count: Int, call: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.call = call
    }

    /// Makes calls until every index has been taken.
    func run() {
        while true {
            let index = taken.add(1, ordering: .relaxed).oldValue
            guard index < count else { return }
            call(index)
        }
    }
}
