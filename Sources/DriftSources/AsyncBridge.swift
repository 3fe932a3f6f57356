// AsyncBridge: runs async work (PostgresNIO) for the synchronous interpreter. The work runs as a Task whose
// jobs execute on an NIO event loop thread, not on Swift's cooperative pool, so the caller may block on it
// even from inside a test's task. The caller waits in short slices and cancels the task on Ctrl-C.
import Dispatch
import DriftCore
import NIOCore
import Synchronization

/// A task executor that runs every job on one NIO event loop.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

enum AsyncBridge {
    /// How often the waiting caller looks at the Ctrl-C flag.
    static let pollInterval = DispatchTimeInterval.milliseconds(50)

    /// Runs `operation` to completion and returns its result or throws its error. On Ctrl-C the task is
    /// cancelled and the wait goes on until it has wound down, so nothing outlives the call.
    static func wait<T: Sendable>(on executor: EventLoopTaskExecutor, _ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task(executorPreference: executor) {
            let result: Result<T, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            outcome.withLock { $0 = result }
            done.signal()
        }
        while done.wait(timeout: .now() + pollInterval) == .timedOut {
            if Cancellation.isRequested { task.cancel() }
        }
        return try outcome.withLock { $0! }.get()
    }
}
