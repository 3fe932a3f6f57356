// Renderer: the one way values show themselves. Values describe what they are in terms of a few
// primitives (text, a table, a record of fields); the back end decides how that looks. The terminal
// back end is here; an HTML/SVG back end for notebooks adds a case, not a second display path.
import DriftCore

public struct Renderer {
    public enum Backend {
        /// Plain text for a terminal `width` columns wide.
        case terminal(width: Int)
    }

    public let backend: Backend
    public private(set) var output = ""

    public init(backend: Backend) { self.backend = backend }

    var width: Int {
        switch backend {
        case .terminal(let width): return width
        }
    }

    public mutating func text(_ text: String) { output += text }

    /// A value as the REPL shows it (strings quoted).
    public mutating func value(_ value: Value) {
        switch value {
        case .frame(let frame): FrameDisplay.render(frame, to: &self)
        case .object(let object): object.render(to: &self)
        default: output += Renderer.inline(value, quoted: true)
        }
    }

    /// A table with a header row, an optional row of column types, right-aligned numeric columns and
    /// a footer line.
    mutating func table(headers: [String], types: [String]?, rows: [[String]], rightAligned: [Bool], footer: String?) {
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
        output += line(headers) + "\n"
        if let types { output += line(types) + "\n" }
        for row in rows { output += line(row) + "\n" }
        if let footer { output += footer + "\n" }
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

    static func inline(_ value: Value, quoted: Bool) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return NumberFormat.shortest(number)
        case .string(let text): return quoted ? quote(text) : text
        case .vector(let column):
            return bracketed(count: column.count) { inline(column.element(at: $0), quoted: true) }
        case .list(let items):
            return bracketed(count: items.count) { inline(items[$0], quoted: true) }
        case .record(let record):
            return "{" + record.fields.map { "\($0): \(inline($1, quoted: true))" }.joined(separator: ", ") + "}"
        case .frame(let frame): return "<dataframe: \(frame.rowCount) rows x \(frame.columnCount) columns>"
        case .function(let function): return "<fn \(function.signature)>"
        case .object(let object): return "<\(object.kindName)>"
        }
    }

    private static func bracketed(count: Int, element: (Int) -> String) -> String {
        if count <= elisionThreshold { return "[" + (0..<count).map(element).joined(separator: ", ") + "]" }
        let head = (0..<elidedEdge).map(element)
        let tail = (count - elidedEdge..<count).map(element)
        return "[" + (head + ["..."] + tail).joined(separator: ", ") + "] (\(count) values)"
    }

    static func quote(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
