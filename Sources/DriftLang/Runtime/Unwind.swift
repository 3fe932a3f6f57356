// Unwind: what stops normal evaluation — an error, break/continue/return travelling to the loop or
// call that handles it, or `exit(code)` travelling to the Session, which ends the program there (the
// front end, not the language, ends the process). Typed throws carry it without allocating for control
// flow.

enum Unwind: Error, @unchecked Sendable {
    case error(RuntimeError)
    case breakLoop
    case continueLoop
    case returning(Value)
    /// `exit(code)`: the program ends with this status.
    case exit(Int32)
}

/// A runtime error on its way up; boxed so `Unwind` stays small, and so each call it passes through
/// can add a line of Drift call stack.
final class RuntimeError: @unchecked Sendable {
    var diagnostic: Diagnostic

    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    static func at(_ location: SourceLocation, _ message: String) -> Unwind {
        .error(RuntimeError(Diagnostic(message, at: location)))
    }
}
