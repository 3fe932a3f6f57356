// NotebookHTML: a run notebook as one self-contained HTML page — inline CSS, inline SVG charts, no
// scripts and nothing fetched (a Content-Security-Policy tells the browser so too). Prose cells are
// Markdown rendered by Ink, then sanitized (ProseSanitizer); code cells show their source and their
// outputs, rendered by the HTML back end of the one Renderer.
import Ink

public enum NotebookHTML {
    /// No scripts, nothing fetched from anywhere: inline styles, and images only from the page's own
    /// directory or inline data (the sanitizer already drops everything else; this holds if it missed).
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"

    public static func page(_ run: NotebookRun) -> String {
        let markdown = MarkdownParser()
        var title = run.name
        if let prose = run.cells.first(where: { $0.cell.kind == .markdown }),
           let heading = prose.cell.source.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) {
            title = String(heading.dropFirst(2)).trimmingSpaces
        }
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="generator" content="drift notebook">
            <title>\(HTMLDisplay.escape(title))</title>
            <style>
            \(HTMLDisplay.styleSheet)
            </style>
            </head>
            <body>

            """
        if let parameters = run.parameterSummary {
            html += "<p class=\"status\">Run with parameters: <code>\(HTMLDisplay.escape(parameters))</code></p>\n"
        }
        for ran in run.cells {
            switch ran.cell.kind {
            case .markdown:
                html += "<section class=\"cell prose\">\n" + ProseSanitizer.sanitize(markdown.html(from: ran.cell.source)) + "\n</section>\n"
            case .code:
                html += "<section class=\"cell code\(ran.failed ? " failed" : "")\" id=\"cell-\(ran.executionCount ?? 0)\">\n"
                if let title = ran.cell.title { html += "<div class=\"cell-title\">\(HTMLDisplay.escape(title))</div>\n" }
                html += "<pre class=\"source\"><code>\(HTMLDisplay.escape(ran.cell.source))</code></pre>\n"
                if !ran.outputs.isEmpty {
                    html += "<div class=\"outputs\">\n"
                    for output in ran.outputs { html += render(output) }
                    html += "</div>\n"
                }
                html += "</section>\n"
            }
        }
        if let note = run.stopNote { html += "<p class=\"status\">\(note)</p>\n" }
        return html + "</body>\n</html>\n"
    }

    /// One output as an HTML fragment.
    static func render(_ output: CellOutput) -> String {
        var renderer = Renderer(backend: .html)
        switch output {
        case .printed(let text): renderer.text(text)
        case .value(let value), .shown(let value): renderer.value(value)
        case .warning(let text): return block("warning", text)
        case .error(let report): return block("error", report)
        }
        return renderer.output
    }

    /// Preformatted text in a `<div class="…">` (a warning, an error), without its last newline.
    private static func block(_ kind: String, _ text: String) -> String {
        "<div class=\"\(kind)\"><pre>" + HTMLDisplay.escape(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "</pre></div>\n"
    }
}
