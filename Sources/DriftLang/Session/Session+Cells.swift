// Session+Cells: running one notebook cell in the session's global state and keeping what it produced,
// in order — printed text, the value of its last expression statement (as the REPL shows it) and the
// error that stopped it. Values are kept as values so each notebook format renders them its own way.
import DriftCore

/// One thing a cell produced.
public enum CellOutput {
    /// Text written by `print` (consecutive prints are joined).
    case printed(String)
    /// The value of the cell's last expression statement.
    case value(Value)
    /// The rendered diagnostic (file:line:col, source line, caret, stack) of the error that stopped the cell.
    case error(String)
}

extension CellOutput {
    public var isError: Bool {
        if case .error = self { return true }
        return false
    }
}

/// Forwards `print` and `show` to the session's output, or collects them in order while a cell runs.
final class OutputSink {
    let forward: (String) -> Void
    /// How a shown value reads as text outside a cell (the session's display width applies).
    var displayText: (Value) -> String = { Renderer.display($0) }
    var captured: [CellOutput]?

    init(forward: @escaping (String) -> Void) { self.forward = forward }

    func write(_ text: String) {
        guard var outputs = captured else { return forward(text) }
        if case .printed(let soFar)? = outputs.last {
            outputs[outputs.count - 1] = .printed(soFar + text)
        } else {
            outputs.append(.printed(text))
        }
        captured = outputs
    }

    func show(_ value: Value) {
        guard captured != nil else { return forward(displayText(value) + "\n") }
        captured?.append(.value(value))
    }
}

extension Session {
    /// Runs `source` as one cell of the file `name` whose first line is file line `firstLine`, so
    /// diagnostics name the real line. Globals persist across cells; the last shown value is kept in `_`.
    /// `name` is the file's path: its imports are relative to its directory.
    public func runCell(_ source: String, name: String, firstLine: Int = 1) -> [CellOutput] {
        // Leading newlines put the cell's code on its file lines; the lexer skips them at no real cost.
        let text = String(repeating: "\n", count: max(0, firstLine - 1)) + source
        let file = SourceFile(name: name, text: text, path: Session.path(ofSourceNamed: name))
        sink.captured = []
        let execution = execute(file)
        var outputs = sink.captured ?? []
        sink.captured = nil
        switch execution {
        case .success(let program, let value):
            if program.showsLastValue, let value, !value.isNull {
                interpreter.globals[interpreter.declareGlobal(Session.lastValueName)] = value
                outputs.append(.value(value))
            }
        case .failure(let diagnostics):
            outputs.append(.error(diagnostics.map { $0.rendered() }.joined()))
        }
        return outputs
    }

    /// Sets (or defines) the global `name`, as notebook parameters do before the first cell.
    public func setGlobal(_ name: String, to value: Value) {
        interpreter.globals[interpreter.declareGlobal(name)] = value
    }
}
