// NotebookIPYNB: a run notebook as a Jupyter notebook (nbformat 4.5): markdown cells, and code cells
// with their run number and outputs — `stream` for printed text, `execute_result` with text/plain,
// text/html (and image/svg+xml for charts) for the shown value, `error` with name, message and
// traceback. Cells skipped after an error are left out, as in the other formats.
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
            "kernelspec": ["name": "drift", "display_name": "Drift", "language": "drift"],
            "language_info": ["name": "drift", "file_extension": ".drift"],
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
        case .value(let value):
            var html = Renderer(backend: .html)
            html.value(value)
            var data: [String: Any] = [
                "text/plain": lines(Renderer.display(value, width: 100)),
                "text/html": lines(html.output),
            ]
            if let svg = html.figures.first { data["image/svg+xml"] = lines(svg) }
            return ["output_type": "execute_result", "execution_count": executionCount ?? NSNull(), "data": data, "metadata": [String: Any]()]
        case .error(let report):
            // "file:3:5: error: message" → the message; the whole report is the traceback.
            let first = report.split(separator: "\n").first.map(String.init) ?? report
            let message = first.range(of: "error: ").map { String(first[$0.upperBound...]) } ?? first
            return [
                "output_type": "error", "ename": "DriftError", "evalue": message,
                "traceback": report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty },
            ]
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
