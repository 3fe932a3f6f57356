// Progress: how far long native work has got, for the command line's progress bar. The outermost task
// that knows its size (reading a CSV, a replay, a drift report) owns the display; tasks nested inside it
// get a handle that does nothing, so units never mix. The core only counts; it draws nothing.
import Synchronization

private let nesting = Atomic<Int>(0)
private let completedSteps = Atomic<Int>(0)
private let totalSteps = Atomic<Int>(0)
private let taskName = Mutex<String>("")

public enum Progress {
    /// A task's handle: `advance` as work is done, `finish` when it ends (also on error, with defer).
    public struct Handle: Sendable {
        let owns: Bool

        /// Counts `steps` more done. Cheap (one relaxed atomic add); safe from several threads.
        @inline(__always)
        public func advance(by steps: Int = 1) {
            if owns { completedSteps.add(steps, ordering: .relaxed) }
        }

        public func finish() {
            nesting.subtract(1, ordering: .relaxed)
            if owns { totalSteps.store(0, ordering: .relaxed) }
        }
    }

    /// Starts a task of `total` steps, shown as `name` unless an outer task is already showing.
    public static func start(_ name: String, total: Int) -> Handle {
        let owns = nesting.add(1, ordering: .relaxed).newValue == 1
        if owns {
            taskName.withLock { $0 = name }
            completedSteps.store(0, ordering: .relaxed)
            totalSteps.store(max(total, 0), ordering: .relaxed)
        }
        return Handle(owns: owns)
    }

    /// The task being shown and its completed share (0 to 1), or nil when no sized task runs.
    public static var current: (name: String, fraction: Double)? {
        let total = totalSteps.load(ordering: .relaxed)
        guard total > 0 else { return nil }
        let done = completedSteps.load(ordering: .relaxed)
        return (taskName.withLock { $0 }, min(1, Double(done) / Double(total)))
    }
}
