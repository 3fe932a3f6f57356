// Cancellation: the one flag every long loop polls, in the core and the interpreter. A Ctrl-C sets it,
// and so does the memory watchdog (MemoryLimit); the first reason to stop is the one reported.
public import CStopFlag

/// Why running work was asked to stop.
public enum StopReason: UInt8, Sendable {
    case interrupt = 1
    case memoryLimit = 2
}

/// Running work stopped because of a Ctrl-C or the memory limit; the description says which.
public struct InterruptedError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init() { description = Cancellation.message }
}

public enum Cancellation {
    /// Asks running work to stop. Async-signal-safe: a single atomic compare-and-exchange.
    public static func request(_ reason: StopReason = .interrupt) {
        drift_request_stop(reason.rawValue)
    }

    /// Clears the flag before new work starts.
    public static func reset() { drift_clear_stop() }

    /// The interpreter's polls, one per loop step and call, inline this: one load of the flag (CStopFlag).
    @inlinable public static var isRequested: Bool { drift_stop_reason() != 0 }

    public static var reason: StopReason? { StopReason(rawValue: drift_stop_reason()) }

    /// What the error of stopped work says: "interrupted", or the memory limit that was passed.
    public static var message: String {
        reason == .memoryLimit ? MemoryLimit.exceededMessage : "interrupted"
    }

    /// Throws `InterruptedError` if a stop was asked for. Long loops call this every few thousand steps.
    public static func check() throws(InterruptedError) {
        if isRequested { throw InterruptedError() }
    }
}
