// NotebookMarkdown: a run notebook as Markdown — prose as written, code in fenced blocks, printed text
// and errors in fenced blocks, dataframes and reports as pipe tables, and charts as SVG files beside the
// document (`<figureDirectory>/cell-N-K.svg`, N the code cell's run number, K the chart in that cell).

public struct NotebookMarkdown {
    public var text: String
    /// (path relative to the Markdown file, SVG document) for every chart.
    public var figures: [(path: String, svg: String)]

    public init(_ run: NotebookRun, figureDirectory: String) {
        var text = "", figures: [(String, String)] = []
        if let parameters = run.parameterSummary { text += "*Run with parameters:* `\(parameters)`\n\n" }
        for ran in run.cells {
            switch ran.cell.kind {
            case .markdown:
                text += ran.cell.source + "\n\n"
            case .code:
                let number = ran.executionCount ?? 0
                if let title = ran.cell.title { text += "**\(MarkdownDisplay.escapeInline(title))**\n\n" }
                text += MarkdownDisplay.fenced(ran.cell.source, language: "drift")
                // One renderer per cell, so charts are numbered K = 1, 2, … within it.
                var renderer = Renderer(backend: .markdown(figureLink: { "\(figureDirectory)/cell-\(number)-\($0).svg" }))
                for output in ran.outputs {
                    switch output {
                    case .printed(let printed): renderer.text(printed)
                    case .value(let value), .shown(let value): renderer.value(value)
                    case .warning(let text), .error(let text): renderer.markup(MarkdownDisplay.fenced(text, language: "text"))
                    }
                    // Each output its own block.
                    renderer.markup("")
                }
                text += renderer.output
                for (index, svg) in renderer.figures.enumerated() {
                    figures.append(("\(figureDirectory)/cell-\(number)-\(index + 1).svg", svg))
                }
            }
        }
        if let note = run.stopNote { text += "*\(note)*\n" }
        self.text = text
        self.figures = figures
    }
}
