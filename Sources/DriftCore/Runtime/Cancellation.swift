// Cancellation: the one flag a Ctrl-C sets and every long loop polls, in the core and the interpreter.
import Synchronization

private let interruptRequested = Atomic<Bool>(false)

public struct InterruptedError: Error, CustomStringConvertible, Sendable {
    public init() {}
    public var description: String { "interrupted" }
}

public enum Cancellation {
    /// Asks running work to stop. Async-signal-safe: a single atomic store.
    public static func request() { interruptRequested.store(true, ordering: .relaxed) }

    /// Clears the flag before new work starts.
    public static func reset() { interruptRequested.store(false, ordering: .relaxed) }

    public static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }

    /// Throws `InterruptedError` if a stop was asked for. Long loops call this every few thousand steps.
    public static func check() throws(InterruptedError) {
        if isRequested { throw InterruptedError() }
    }
}
