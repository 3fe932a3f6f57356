// REPL: the read-eval-print loop. Reads lines until the session says the entry is complete, runs it, prints
// its display (or its error on standard error) and goes on; an error never ends the loop, only `:quit`,
// the end of the input or `exit(code)` does. Ctrl-C drops the entry being typed, or stops the one running.
import DriftCore
import DriftLang
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class REPL {
    static let prompt = "drift> "
    static let continuationPrompt = "  ...> "
    static let exitHint = "(use :quit or Ctrl-D to exit)"

    let session: any ReplSession
    let editor: any LineEditor
    let console: Console
    /// The entries that ran without error, in order: what `:save` writes.
    var transcript: [String] = []
    /// Whether any transcript entry came from a notebook cell (`:save` then writes cell markers).
    var transcriptHasCells = false
    /// The script `:cell` steps through, and the index of its next cell.
    var openNotebook: (path: String, cells: [NotebookCell], next: Int)?

    init(session: any ReplSession, editor: any LineEditor, console: Console = .standard) {
        self.session = session
        self.editor = editor
        self.console = console
        editor.setCompletionProvider { [weak self] line, cursor in self?.completions(line: line, cursor: cursor) ?? [] }
    }

    /// Runs a REPL on standard input: readline on a terminal, plain lines otherwise. Returns the status
    /// the command ends with: 0, or the code an entry passed to `exit`.
    static func start(maximumCallDepth: Int = Session.defaultMaximumCallDepth) -> Int32 {
        let editor: any LineEditor = isatty(STDIN_FILENO) == 1
            ? ReadlineEditor(history: History.defaultPath().map(History.init(path:)))
            : PlainLineReader()
        return REPL(session: Session(maximumCallDepth: maximumCallDepth), editor: editor).run()
    }

    /// Reads and runs entries until `:quit`, the end of the input or `exit(code)` (whose code it returns;
    /// the entry is in the history already, as every entry is once entered).
    @discardableResult
    func run() -> Int32 {
        var lines: [String] = []  // the unfinished entry
        while true {
            switch editor.readLine(prompt: lines.isEmpty ? Self.prompt : Self.continuationPrompt) {
            case .endOfInput:
                return 0
            case .interrupted(let partial):
                if lines.isEmpty && partial.isEmpty { console.line(Self.exitHint) }
                lines = []
            case .line(let line) where lines.isEmpty && line.allSatisfy(\.isWhitespace):
                continue
            case .line(let line):
                if lines.isEmpty, let command = ReplCommand(parsing: line) {
                    editor.remember(line)
                    if command == .quit { return 0 }
                    perform(command)
                    if let status = session.exitStatus { return status }
                    continue
                }
                lines.append(line)
                let entry = lines.joined(separator: "\n")
                session.displayWidth = Console.terminalWidth
                guard let outcome = interruptible({ session.evaluateEntry(entry) }) else {
                    lines = []
                    editor.remember(entry)
                    continue
                }
                if case .incomplete = outcome { continue }
                lines = []
                editor.remember(entry)
                show(outcome, of: entry)
                if let status = session.exitStatus { return status }
            }
        }
    }

    /// Prints an entry's result; an entry that ran joins the transcript.
    func show(_ outcome: EntryOutcome, of entry: String) {
        switch outcome {
        case .incomplete:
            console.errorLine("incomplete entry: \(entry)")
        case .completed(let display):
            if let display, !display.isEmpty { console.line(display) }
            transcript.append(entry)
        case .failed(let report):
            console.errorLine(report)
        }
    }

    /// Runs `work` as one evaluation that Ctrl-C may stop: a stale request is cleared first; if a stop was
    /// requested meanwhile, says "interrupted" (or which limit was passed) and returns nil (the session
    /// keeps its state).
    func interruptible<Result>(_ work: () -> Result) -> Result? {
        Cancellation.reset()
        let result = ProgressBar.during(work)
        guard !Cancellation.isRequested else {
            console.errorLine(Cancellation.message)
            return nil
        }
        return result
    }

    /// Tab completion: command names after a leading `:`; the argument of `?`, `:help` and `:time` as
    /// code; anything else by the session. See `Completion` for what the candidates replace.
    func completions(line: String, cursor: Int) -> [String] {
        let beforeCursor = String(decoding: line.utf8.prefix(cursor), as: UTF8.self)
        if beforeCursor.hasPrefix(":") && !beforeCursor.contains(where: \.isWhitespace) {
            return CommandInfo.all.map { ":" + $0.name }.filter { $0.hasPrefix(beforeCursor) }
        }
        let codeStart = ["?", ":help ", ":time "].first { beforeCursor.hasPrefix($0) }?.utf8.count ?? 0
        return session.completions(
            line: String(decoding: line.utf8.dropFirst(codeStart), as: UTF8.self), cursor: cursor - codeStart)
    }
}
