// AsyncBridge: runs async work (PostgresNIO, Spark Connect's gRPC) for the synchronous interpreter. The work runs as a Task whose
// jobs execute on a thread of its own, not on Swift's cooperative pool, so the caller may block on it even
// from inside a test's task. The caller waits in short slices and cancels the task on Ctrl-C.
// (Running the jobs on the connection's NIO event loop instead was mostly idle waiting: reading
// 30,000 rows took 4.9 s against 1.0 s here, debug build.)
import Dispatch
import DriftCore
import Foundation
import Synchronization

/// A task executor that runs every job on one dedicated thread, kept for the life of the process.
public final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
    public static let shared = ThreadTaskExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    private init() {
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "drift-sql-async"
        thread.start()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func run() -> Never {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let batch = jobs
            jobs.removeAll(keepingCapacity: true)
            condition.unlock()
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}

public enum AsyncBridge {
    /// How often the waiting caller looks at the Ctrl-C flag.
    static let pollInterval = DispatchTimeInterval.milliseconds(50)

    /// Runs `operation` to completion and returns its result or throws its error. On Ctrl-C the task is
    /// cancelled and the wait goes on until it has wound down, so nothing outlives the call.
    public static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task(executorPreference: ThreadTaskExecutor.shared) {
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
