// LineEditor: how the REPL reads a line. On a terminal it is `ReadlineEditor`; otherwise (a pipe, a file)
// `PlainLineReader`, which never touches readline and prints no prompts.

/// What reading one line produced.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C while typing `partial`: the line (and any unfinished entry) is dropped.
    case interrupted(partial: String)
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

protocol LineEditor: AnyObject {
    /// Reads one line, showing `prompt` when interactive.
    func readLine(prompt: String) -> LineInput
    /// Records a finished entry (possibly several lines) as one history item.
    func remember(_ entry: String)
    /// Sets where Tab completion gets its candidates: `(line, cursor)` to candidates, see `Completion`.
    func setCompletionProvider(_ provider: @escaping (String, Int) -> [String])
}

/// Reads standard input line by line, without prompts, history or completion.
final class PlainLineReader: LineEditor {
    func readLine(prompt: String) -> LineInput {
        Swift.readLine(strippingNewline: true).map(LineInput.line) ?? .endOfInput
    }

    func remember(_ entry: String) {}

    func setCompletionProvider(_ provider: @escaping (String, Int) -> [String]) {}
}
