// MIMEBundle: a value as Jupyter shows it, a MIME type → text map drawn by the one Renderer's back ends.
// Every value has `text/plain` (the terminal form) and `text/html`; a chart has `image/svg+xml` and no
// HTML, so front ends show it as an image; other results (tests, reports, `explain`) add
// `text/markdown`. The `.ipynb` writer and the Jupyter kernel both use it.

extension Renderer {
    /// The width of the `text/plain` form.
    static let mimePlainTextWidth = 100

    public static func mimeBundle(_ value: Value) -> [String: String] {
        var bundle = ["text/plain": display(value, width: mimePlainTextWidth)]
        var html = Renderer(backend: .html)
        html.value(value)
        if case .object(let object) = value, object.isChart, let svg = html.figures.first {
            bundle["image/svg+xml"] = svg
            return bundle
        }
        bundle["text/html"] = html.output
        if let svg = html.figures.first { bundle["image/svg+xml"] = svg }
        if case .object = value, html.figures.isEmpty {
            var markdown = Renderer(backend: .markdown(figureLink: { _ in "" }))
            markdown.value(value)
            bundle["text/markdown"] = markdown.output
        }
        return bundle
    }
}
