// Session+Cells: running one notebook cell in the session's global state and reporting what it produced,
// in order, as it happens — printed text, warnings, values passed to `show`, the value of its last expression
// statement (as the REPL shows it) and the error that stopped it. Values are kept as values so each
// front end (the notebook formats, the Jupyter kernel) renders them its own way.
import DriftCore

/// One thing a cell produced.
public enum CellOutput {
    /// Text written by `print` (consecutive prints are joined in `runCell`'s array).
    case printed(String)
    /// A warning a builtin gave while the cell ran (`warning: …`, one line with its newline); the cell went on.
    case warning(String)
    /// A value passed to `show` while the cell ran.
    case shown(Value)
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

/// Forwards `print`, warnings and `show` to the session's output and warning streams, or to a running
/// cell's receiver.
final class OutputSink {
    let forward: (String) -> Void
    let forwardWarning: (String) -> Void
    /// How a shown value reads as text outside a cell (the session's display width applies).
    var displayText: (Value) -> String = { Renderer.display($0) }
    /// Where a running cell's outputs go, as they are produced; nil outside a cell.
    var receiver: ((CellOutput) -> Void)?

    init(forward: @escaping (String) -> Void, forwardWarning: @escaping (String) -> Void) {
        self.forward = forward
        self.forwardWarning = forwardWarning
    }

    func write(_ text: String) {
        guard let receiver else { return forward(text) }
        receiver(.printed(text))
    }

    /// `message` as the line `warning: message`.
    func warn(_ message: String) {
        let line = "warning: \(message)\n"
        guard let receiver else { return forwardWarning(line) }
        receiver(.warning(line))
    }

    func show(_ value: Value) {
        guard let receiver else { return forward(displayText(value) + "\n") }
        receiver(.shown(value))
    }
}

extension Session {
    /// Runs `source` as one cell of the file `name` whose first line is file line `firstLine`, so
    /// diagnostics name the real line, and returns its outputs in order (consecutive prints joined).
    /// Globals persist across cells; the last shown value is kept in `_`. `name` is the file's path:
    /// its imports are relative to its directory; or `path` is, when given (as for `run(source:name:path:)`).
    public func runCell(_ source: String, name: String, path: String? = nil, firstLine: Int = 1) -> [CellOutput] {
        var outputs: [CellOutput] = []
        runCell(source, name: name, path: path, firstLine: firstLine) { output in
            if case .printed(let text) = output, case .printed(let soFar)? = outputs.last {
                outputs[outputs.count - 1] = .printed(soFar + text)
            } else {
                outputs.append(output)
            }
        }
        return outputs
    }

    /// Runs `source` as `runCell(_:name:firstLine:)` does, handing each output to `receive` as soon as it
    /// is produced (each `print` on its own), on the thread that runs the cell, before this returns.
    public func runCell(_ source: String, name: String, path: String? = nil, firstLine: Int = 1,
                        receive: @escaping (CellOutput) -> Void) {
        // Leading newlines put the cell's code on its file lines; the lexer skips them at no real cost.
        let text = String(repeating: "\n", count: max(0, firstLine - 1)) + source
        let file = SourceFile(name: name, text: text, path: path ?? Session.path(ofSourceNamed: name))
        sink.receiver = receive
        let execution = execute(file)
        sink.receiver = nil
        switch execution {
        case .success(let program, let value):
            if program.showsLastValue, let value, !value.isNull {
                interpreter.globals[interpreter.declareGlobal(Session.lastValueName)] = value
                receive(.value(value))
            }
        case .failure(let diagnostics):
            receive(.error(diagnostics.map { $0.rendered() }.joined()))
        }
    }

    /// Sets (or defines) the global `name`, as notebook parameters do before the first cell.
    public func setGlobal(_ name: String, to value: Value) {
        interpreter.globals[interpreter.declareGlobal(name)] = value
    }
}
