// Renderer: the one way values show themselves. Values describe what they are in terms of a few
// primitives (text, a table, a record of fields); the back end decides how that looks. The terminal
// back end, the HTML/SVG one for notebook pages and the Markdown one are cases of one enum, not
// separate display paths.
import DriftCore

public struct Renderer {
    public enum Backend {
        /// Plain text for a terminal `width` columns wide.
        case terminal(width: Int)
        /// An HTML fragment for a self-contained page: text in `<pre>`, tables as `<table>`, charts as
        /// inline `<svg>` (also kept in `figures`), objects as cards. Styled by `HTMLDisplay.styleSheet`.
        case html
        /// Markdown: text in fenced blocks, tables as pipe tables, charts as image links
        /// `figureLink(n)` to SVG files the caller writes from `figures` (n counts from 1).
        case markdown(figureLink: (Int) -> String)
    }

    public let backend: Backend
    private var body = ""
    /// Text not yet written out: the HTML and Markdown back ends join consecutive text into one block.
    private var pendingText = ""
    /// Every chart drawn, as a standalone SVG document (with its XML namespace), in order (HTML and
    /// Markdown back ends).
    public private(set) var figures: [String] = []

    public init(backend: Backend) { self.backend = backend }

    /// What was rendered so far.
    public var output: String {
        var copy = self
        copy.flushText()
        return copy.body
    }

    var width: Int {
        switch backend {
        case .terminal(let width): return width
        // Pages scroll sideways; show more columns than a terminal before cutting.
        case .html, .markdown: return 160
        }
    }

    var isTerminal: Bool {
        if case .terminal = backend { return true }
        return false
    }

    public mutating func text(_ text: String) {
        if isTerminal { body += text } else { pendingText += text }
    }

    /// Writes out pending text as one block.
    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        var text = pendingText
        pendingText = ""
        if text.hasSuffix("\n") { text.removeLast() }
        switch backend {
        case .terminal: body += text
        case .html: body += "<pre class=\"text\">" + HTMLDisplay.escape(text) + "</pre>\n"
        case .markdown: body += MarkdownDisplay.fenced(text)
        }
    }

    /// Raw back-end markup (HTML or Markdown), after any pending text.
    mutating func markup(_ markup: String) {
        flushText()
        body += markup
    }

    mutating func addFigure(_ svg: String) -> Int {
        figures.append(svg)
        return figures.count
    }

    /// A value as the REPL shows it (strings quoted).
    public mutating func value(_ value: Value) {
        switch value {
        case .frame(let frame): FrameDisplay.render(frame, to: &self)
        case .object(let object):
            var status: CardStatus?
            if case .bool(let drifted)? = object.fieldNames.contains("drifted") ? object.field("drifted") : nil {
                status = drifted ? .alert : .ok
            } else if case .bool(let drifted)? = object.fieldNames.contains("dataset_drifted") ? object.field("dataset_drifted") : nil {
                status = drifted ? .alert : .ok
            }
            card(title: object.kindName, status: status) { object.render(to: &$0) }
        default: text(Renderer.inline(value, quoted: true))
        }
    }

    /// How a card marks its verdict, when it has one.
    public enum CardStatus: String {
        case ok, alert
    }

    /// A framed group with a title (a kind of result) and content. The terminal shows the content
    /// alone, as before; HTML draws a `<div class="card">` with the title as a label.
    public mutating func card(title: String, status: CardStatus? = nil, content: (inout Renderer) -> Void) {
        switch backend {
        case .terminal, .markdown:
            content(&self)
        case .html:
            var classes = "card"
            if let status { classes += " " + status.rawValue }
            markup("<div class=\"\(classes)\"><div class=\"card-title\">\(HTMLDisplay.escape(title))</div>\n")
            content(&self)
            markup("</div>\n")
        }
    }

    /// A table with a header row, an optional row of column types, right-aligned numeric columns and
    /// a footer line.
    mutating func table(headers: [String], types: [String]?, rows: [[String]], rightAligned: [Bool], footer: String?) {
        switch backend {
        case .html:
            markup(HTMLDisplay.table(headers: headers, types: types, rows: rows, rightAligned: rightAligned, footer: footer))
            return
        case .markdown:
            markup(MarkdownDisplay.table(headers: headers, types: types, rows: rows, rightAligned: rightAligned, footer: footer))
            return
        case .terminal:
            break
        }
        var widths = headers.map(\.count)
        for row in rows + (types.map { [$0] } ?? []) {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var text = cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                return rightAligned[index] ? padding + cell : cell + padding
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        body += line(headers) + "\n"
        if let types { body += line(types) + "\n" }
        for row in rows { body += line(row) + "\n" }
        if let footer { body += footer + "\n" }
    }

    // MARK: Text forms

    /// A value on one line, as `print` writes it: strings bare at the top level.
    public static func plainText(_ value: Value) -> String {
        if case .string(let text) = value { return text }
        if case .frame = value { return display(value, width: 100) }
        if case .object = value { return display(value, width: 100) }
        return inline(value, quoted: true)
    }

    /// A value as the REPL displays it, for a terminal of the given width.
    public static func display(_ value: Value, width: Int = 80) -> String {
        var renderer = Renderer(backend: .terminal(width: width))
        renderer.value(value)
        return renderer.output.hasSuffix("\n") ? String(renderer.output.dropLast()) : renderer.output
    }

    /// Longer vectors and lists show their first and last elements around "...".
    static let elisionThreshold = 20
    static let elidedEdge = 5

    /// Lists and records nested deeper than this show as `[…]` and `{…}`: the text stays readable, and
    /// a value nested millions of levels deep is written without deep recursion.
    static let maximumInlineDepth = 100

    static func inline(_ value: Value, quoted: Bool) -> String {
        var text = ""
        appendInline(value, quoted: quoted, depth: 0, to: &text)
        return text
    }

    /// Appends the value's one-line form; one shared buffer keeps nested values linear, not quadratic.
    private static func appendInline(_ value: Value, quoted: Bool, depth: Int, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += NumberFormat.shortest(number)
        case .string(let string): text += quoted ? quote(string) : string
        case .time(let time): text += ISOTime.text(time)
        case .vector(let column):
            appendBracketed(count: column.count, to: &text) { text, index in
                appendInline(column.element(at: index), quoted: true, depth: depth + 1, to: &text)
            }
        case .list(let items):
            if depth >= maximumInlineDepth && !items.isEmpty { text += "[…]"; return }
            appendBracketed(count: items.count, to: &text) { text, index in
                appendInline(items[index], quoted: true, depth: depth + 1, to: &text)
            }
        case .record(let record):
            if depth >= maximumInlineDepth && record.count > 0 { text += "{…}"; return }
            text += "{"
            for (index, (key, field)) in record.fields.enumerated() {
                if index > 0 { text += ", " }
                text += key + ": "
                appendInline(field, quoted: true, depth: depth + 1, to: &text)
            }
            text += "}"
        case .frame(let frame): text += "<dataframe: \(counted(frame.rowCount, "row")) x \(counted(frame.columnCount, "column"))>"
        case .function(let function): text += "<fn \(function.signature)>"
        case .object(let object): text += "<\(object.kindName)>"
        }
    }

    private static func appendBracketed(count: Int, to text: inout String, element: (inout String, Int) -> Void) {
        let elided = count > elisionThreshold
        let shown = elided ? Array(0..<elidedEdge) + [-1] + Array(count - elidedEdge..<count) : Array(0..<count)
        text += "["
        for (position, index) in shown.enumerated() {
            if position > 0 { text += ", " }
            if index < 0 { text += "..." } else { element(&text, index) }
        }
        text += "]"
        if elided { text += " (\(count) values)" }
    }

    /// The string as a Drift literal that reads back as it: quotes, backslashes, line breaks, tabs and
    /// other control characters escaped.
    static func quote(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                quoted += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
