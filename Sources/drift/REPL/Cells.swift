// Cells: `:cell FILE` opens a percent-format script (`# %%` cells) and runs its first code cell;
// each further `:cell` runs the next one, showing the prose cells on the way and each code cell's code,
// as if typed at the prompt, before its output. A cell that ran joins
// the transcript with its marker, so `:save` writes a notebook back.
import DriftLang

extension REPL {
    func runNextCell(opening path: String?) {
        if let path {
            do {
                openNotebook = (path, NotebookDocument(parsing: try readSourceFile(path)).cells, 0)
            } catch {
                console.errorLine(error.description)
                return
            }
        }
        guard var notebook = openNotebook else {
            console.errorLine("no script is open: use :cell FILE first")
            return
        }
        defer { openNotebook = notebook }
        while notebook.next < notebook.cells.count {
            let cell = notebook.cells[notebook.next]
            notebook.next += 1
            let marker = "# %%" + (cell.kind == .markdown ? " [markdown]" : cell.title.map { " " + $0 } ?? "")
            if cell.kind == .markdown {
                console.line(cell.source)
                transcript.append(marker + "\n" + cell.source.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n"))
                transcriptHasCells = true
                continue
            }
            console.line("[cell \(notebook.next) of \(notebook.cells.count)\(cell.title.map { ": " + $0 } ?? "")]")
            console.write(cell.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
                (index == 0 ? Self.prompt : Self.continuationPrompt) + line + "\n"
            }.joined())
            session.displayWidth = Console.terminalWidth
            guard let outputs = interruptible({ session.runCell(cell.source, name: notebook.path, path: nil, firstLine: cell.firstLine) }) else { return }
            for output in outputs {
                switch output {
                case .printed(let text): console.write(text)
                case .value(let value), .shown(let value): console.line(Renderer.display(value, width: session.displayWidth))
                case .warning(let text), .error(let text): console.errorLine(text)
                }
            }
            if !outputs.contains(where: \.isError) {
                transcript.append(marker + "\n" + cell.source)
                transcriptHasCells = true
            }
            return
        }
        console.line("no more cells in \(notebook.path)")
    }
}
