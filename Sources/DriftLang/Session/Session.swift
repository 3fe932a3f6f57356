// Session: the language's public face. One session holds the global state of a REPL or a script run;
// the command line (script runner, REPL, checker) talks to the language only through this type.
import DriftCore
import Foundation

/// What happened to one REPL entry.
public enum EntryOutcome: Sendable {
    /// The entry is not finished (an open bracket, block or string): read another line.
    case incomplete
    /// The entry ran. `display` is the rendered value of its last expression statement, if it shows one.
    case completed(display: String?)
    /// The entry failed; `report` is the rendered diagnostic (file:line:col, source line, caret, stack).
    case failed(report: String)
}

/// One variable as `:vars` lists it.
public struct VariableSummary: Sendable {
    public var name: String
    public var kind: String
    public var size: String
}

public final class Session {
    /// Where `print` and displayed values go.
    public let output: (String) -> Void

    public init(arguments: [String] = [], output: @escaping (String) -> Void = { print($0, terminator: "") }) {
        self.output = output
    }

    /// Runs a whole program (a script, `-e` code or standard input). Returns the rendered diagnostics of
    /// the first error, or nil on success.
    public func run(source: String, name: String) -> String? {
        nil
    }

    /// Parses and resolves without running; returns every diagnostic found, rendered.
    public func check(source: String, name: String) -> [String] {
        []
    }

    /// Evaluates one REPL entry (possibly several lines).
    public func evaluateEntry(_ text: String) -> EntryOutcome {
        .completed(display: nil)
    }

    /// Completion candidates for the word ending at `cursor` (a UTF-8 offset) in `line`:
    /// builtins and variables; fields and column names after `.`; file paths inside a string literal.
    public func completions(line: String, cursor: Int) -> [String] {
        []
    }

    /// The help text for a name (builtin or documented stdlib function), or nil when unknown.
    public func help(_ name: String?) -> String? {
        nil
    }

    /// The user's variables, for `:vars`.
    public func variables() -> [VariableSummary] {
        []
    }
}
