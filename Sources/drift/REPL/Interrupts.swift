// Interrupts: the REPL's SIGINT (Ctrl-C) handling. The handler only does atomic stores: it asks running
// work to stop (`Cancellation.request()`, polled by the interpreter and long native loops) and marks an
// interrupt pending, which the line editor turns into "drop the line being typed" at the prompt.
import DriftCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let interruptPending = Atomic<Bool>(false)

private let handleInterrupt: @convention(c) (Int32) -> Void = { _ in
    interruptPending.store(true, ordering: .relaxed)
    Cancellation.request()
}

enum Interrupts {
    /// Installs the SIGINT handler (for the rest of the process). Interrupted system calls restart, so
    /// I/O during evaluation is not disturbed; waits for input (`pselect`) still return `EINTR`.
    static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handleInterrupt
        #else
        action.__sigaction_u.__sa_handler = handleInterrupt
        #endif
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
    }

    /// True once per Ctrl-C pressed since the last call (or `discardPending()`).
    static func takePending() -> Bool {
        interruptPending.exchange(false, ordering: .relaxed)
    }

    /// Forgets a Ctrl-C that arrived while no line was being read (it was meant for an evaluation).
    static func discardPending() {
        interruptPending.store(false, ordering: .relaxed)
    }
}
