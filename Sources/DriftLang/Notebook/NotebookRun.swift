// NotebookRun: a notebook document run cell by cell in one session. Parameters are set before the first
// cell, or — when a code cell is titled `parameters` — right after it, so they override its defaults
// (as papermill does). Without `keepGoing` the run stops after the first cell that fails; a cell that
// calls `exit(code)` stops it in any case.
import DriftCore

/// One cell and what running it produced.
public struct RanCell {
    public var cell: NotebookCell
    /// The code cell's run number (1, 2, …); nil for prose.
    public var executionCount: Int?
    public var outputs: [CellOutput]

    public var failed: Bool { outputs.contains(where: \.isError) }
}

public struct NotebookRun {
    /// The cells run (prose included), in order; after a stop, the cells not run are not here.
    public var cells: [RanCell]
    /// Cells left unrun because an earlier one failed or called `exit`.
    public var skippedCount: Int
    /// The code a cell passed to `exit`, which stopped the run there; nil if none did.
    public var exitStatus: Int32?
    /// The name errors and the page use (the script's path).
    public var name: String
    /// The parameters set from outside, shown by the writers since the source shows only the defaults.
    public var parameters: [(String, Value)]

    /// `bins = 10, label = "june"`, or nil without parameters.
    public var parameterSummary: String? {
        parameters.isEmpty ? nil : parameters.map { "\($0) = \(Renderer.display($1))" }.joined(separator: ", ")
    }

    public var failedCells: [RanCell] { cells.filter(\.failed) }

    /// Why the run stopped before the last cell, as the writers note it; nil when no cell was left unrun.
    public var stopNote: String? {
        guard skippedCount > 0 else { return nil }
        let unrun = "\(skippedCount) later cell\(skippedCount == 1 ? "" : "s") not run"
        if let exitStatus { return "Stopped by exit(\(exitStatus)); \(unrun)." }
        return "Stopped at the first error; \(unrun)."
    }

    /// Runs `document` in `session`. `parameters` are (name, value) pairs set as globals. `path` is the
    /// script's path as the session reads it, when it differs from `name` (see `Session.runCell`).
    public init(_ document: NotebookDocument, name: String, path: String? = nil, session: Session,
                parameters: [(String, Value)] = [], keepGoing: Bool = false) {
        self.name = name
        self.parameters = parameters
        cells = []
        skippedCount = 0
        let parameterCell = document.cells.firstIndex { $0.kind == .code && $0.title?.lowercased() == "parameters" }
        func setParameters() { for (key, value) in parameters { session.setGlobal(key, to: value) } }
        if parameterCell == nil { setParameters() }
        var count = 0
        for (index, cell) in document.cells.enumerated() {
            guard cell.kind == .code else {
                cells.append(RanCell(cell: cell, executionCount: nil, outputs: []))
                continue
            }
            count += 1
            let outputs = session.runCell(cell.source, name: name, path: path, firstLine: cell.firstLine)
            cells.append(RanCell(cell: cell, executionCount: count, outputs: outputs))
            if index == parameterCell { setParameters() }
            if let status = session.exitStatus {
                exitStatus = status
                skippedCount = document.cells.count - index - 1
                break
            }
            if outputs.contains(where: \.isError), !keepGoing {
                skippedCount = document.cells.count - index - 1
                break
            }
        }
    }
}

extension Value {
    /// A `--param` value: a number when the text reads as one, otherwise the text as a string.
    public static func parameter(_ text: String) -> Value {
        if let number = Double(text.trimmingSpaces), !text.trimmingSpaces.isEmpty { return .number(number) }
        return .string(text)
    }
}
