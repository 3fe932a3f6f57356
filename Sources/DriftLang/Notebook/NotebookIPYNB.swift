// NotebookIPYNB: a run notebook as a Jupyter notebook (nbformat 4.5): markdown cells, and code cells
// with their run number and outputs — `stream` for printed text, `display_data` for values passed to
// `show` and `execute_result` for the cell's value (both as `Renderer.mimeBundle`), `error` with name,
// message and traceback. Cells skipped after an error are left out, as in the other formats. The
// metadata names the kernel `drift kernel install` installs, so the notebook re-runs under it.
import Foundation

public enum NotebookIPYNB {
    public static func data(_ run: NotebookRun) throws -> Data {
        var cells: [[String: Any]] = []
        for (index, ran) in run.cells.enumerated() {
            var cell: [String: Any] = [
                "id": "cell-\(index + 1)",
                "metadata": ran.cell.title.map { ["title": $0] } ?? [String: Any](),
                "source": lines(ran.cell.source),
            ]
            switch ran.cell.kind {
            case .markdown:
                cell["cell_type"] = "markdown"
            case .code:
                cell["cell_type"] = "code"
                cell["execution_count"] = ran.executionCount ?? NSNull()
                cell["outputs"] = ran.outputs.map { output(for: $0, executionCount: ran.executionCount) }
            }
            cells.append(cell)
        }
        var metadata: [String: Any] = [
            "kernelspec": JupyterLanguage.kernelSpec,
            "language_info": JupyterLanguage.languageInfo,
        ]
        if !run.parameters.isEmpty {
            metadata["drift"] = ["parameters": Dictionary(run.parameters.map { ($0, Renderer.display($1)) }) { _, last in last }]
        }
        let notebook: [String: Any] = [
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": metadata,
            "cells": cells,
        ]
        return try JSONSerialization.data(withJSONObject: notebook, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    static func output(for output: CellOutput, executionCount: Int?) -> [String: Any] {
        switch output {
        case .printed(let text):
            return ["output_type": "stream", "name": "stdout", "text": lines(text)]
        case .warning(let text):
            return ["output_type": "stream", "name": "stderr", "text": lines(text)]
        case .shown(let value):
            return ["output_type": "display_data", "data": Renderer.mimeBundle(value).mapValues(lines), "metadata": [String: Any]()]
        case .value(let value):
            return [
                "output_type": "execute_result", "execution_count": executionCount ?? NSNull(),
                "data": Renderer.mimeBundle(value).mapValues(lines), "metadata": [String: Any](),
            ]
        case .error(let report):
            let error = JupyterError(report: report)
            return ["output_type": "error", "ename": error.name, "evalue": error.value, "traceback": error.traceback]
        }
    }

    /// Jupyter's multi-line string form: lines each keeping its newline.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}
