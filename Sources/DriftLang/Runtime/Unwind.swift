// Unwind: what stops normal evaluation — an error, or break/continue/return travelling to the loop or
// call that handles it. Typed throws carry it without allocating for control flow.

enum Unwind: Error, @unchecked Sendable {
    case error(RuntimeError)
    case breakLoop
    case continueLoop
    case returning(Value)
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
