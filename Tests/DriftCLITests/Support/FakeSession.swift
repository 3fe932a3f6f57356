// FakeSession and ScriptedEditor: stand-ins for the language and the terminal, to test the REPL's mechanics.
import DriftCore
import DriftLang
@testable import drift

/// A session whose entries are complete once their braces balance; `boom` fails, `slow` asks for a stop as
/// a Ctrl-C would, `exit(3)` asks to end with status 3. Displays echo the entry. Records what it was asked.
final class FakeSession: ReplSession {
    var evaluated: [String] = []
    var exitStatus: Int32?
    var ran: [(source: String, name: String)] = []
    var completionRequests: [(line: String, cursor: Int)] = []
    var candidates: [String] = []
    var displayWidth = 80

    func run(source: String, name: String) -> String? {
        ran.append((source, name))
        return source.contains("boom") ? "error: boom" : nil
    }

    func evaluateEntry(_ text: String) -> EntryOutcome {
        if text.filter({ $0 == "{" }).count > text.filter({ $0 == "}" }).count { return .incomplete }
        evaluated.append(text)
        if text.contains("boom") { return .failed(report: "error: boom") }
        if text.contains("slow") { Cancellation.request() }
        if text == "exit(3)" { exitStatus = 3 }
        return .completed(display: "=> \(text)")
    }

    func completions(line: String, cursor: Int) -> [String] {
        completionRequests.append((line, cursor))
        return candidates
    }

    func help(_ name: String?) -> String? {
        name == "mean" ? "mean(xs): the arithmetic mean" : nil
    }

    func variables() -> [VariableSummary] { [] }

    func runCell(_ source: String, name: String, path: String?, firstLine: Int) -> [CellOutput] {
        ran.append((source, name))
        return source.contains("boom") ? [.error("error: boom")] : [.printed("ran line \(firstLine)\n")]
    }
}

/// Hands out scripted lines, records prompts and history, and captures the console.
final class ScriptedEditor: LineEditor {
    var inputs: [LineInput]
    var prompts: [String] = []
    var remembered: [String] = []
    var provider: ((String, Int) -> [String])?

    init(_ inputs: [LineInput]) { self.inputs = inputs }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func remember(_ entry: String) { remembered.append(entry) }

    func setCompletionProvider(_ provider: @escaping (String, Int) -> [String]) { self.provider = provider }
}

/// What a REPL wrote.
final class CapturedConsole {
    var output = ""
    var errors = ""

    var console: Console {
        Console(write: { self.output += $0 }, writeError: { self.errors += $0 })
    }
}

/// Runs a REPL over `lines` and returns it with its fakes.
func runREPL(_ lines: [String], session: FakeSession = FakeSession())
    -> (repl: REPL, editor: ScriptedEditor, captured: CapturedConsole) {
    runREPL(inputs: lines.map(LineInput.line), session: session)
}

func runREPL(inputs: [LineInput], session: FakeSession = FakeSession())
    -> (repl: REPL, editor: ScriptedEditor, captured: CapturedConsole) {
    let editor = ScriptedEditor(inputs)
    let captured = CapturedConsole()
    let repl = REPL(session: session, editor: editor, console: captured.console)
    repl.run()
    return (repl, editor, captured)
}
