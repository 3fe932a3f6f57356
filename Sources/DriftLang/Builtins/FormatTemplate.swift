// FormatTemplate: format's template, parsed once into literal text and placeholders (`{}` the next
// value, `{0}` a value by position, `{name}` a field of a record value, each with an optional `:spec`),
// then filled in: once for single values, row by row when some placeholder's value is a vector.
import DriftCore

struct FormatTemplate {
    enum Source {
        /// `automatic`: written `{}`, counted rather than numbered.
        case position(Int, automatic: Bool)
        case name(String)
    }

    struct Placeholder {
        /// As written, braces included, for messages: `{:.2f}`.
        let written: String
        let source: Source
        let spec: FormatSpec?
    }

    enum Piece {
        case literal(String)
        case placeholder(Placeholder)
    }

    let pieces: [Piece]

    init(_ template: String) throws(BuiltinError) {
        var pieces: [Piece] = []
        var literal = ""
        var automatic = 0
        var numbering: (automatic: Bool, written: String)?
        var index = template.startIndex
        func offset(_ position: String.Index) -> Int { template[..<position].count }

        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            let doubled = next < template.endIndex && template[next] == character
            if character == "}" {
                guard doubled else { throw BuiltinError("single '}' at offset \(offset(index)) of the template (write '}}' for a brace)") }
                literal.append("}")
                index = template.index(after: next)
                continue
            }
            guard character == "{" else {
                literal.append(character)
                index = next
                continue
            }
            if doubled {
                literal.append("{")
                index = template.index(after: next)
                continue
            }
            guard let close = template[next...].firstIndex(where: { $0 == "}" || $0 == "{" }), template[close] == "}" else {
                throw BuiltinError("'{' at offset \(offset(index)) of the template is not closed (write '{{' for a brace)")
            }
            let inside = template[next..<close]
            let written = "{" + inside + "}"
            let name = inside.prefix { $0 != ":" }
            let spec: FormatSpec?
            do {
                spec = name.count < inside.count ? try FormatSpec(inside.dropFirst(name.count + 1)) : nil
            } catch {
                throw BuiltinError("bad spec in '\(written)': \(error)")
            }
            let source: Source
            if name.isEmpty || name.allSatisfy({ $0.isASCII && $0.isNumber }) {
                let isAutomatic = name.isEmpty
                if let numbering, numbering.automatic != isAutomatic {
                    throw BuiltinError("cannot mix '{}' and numbered placeholders ('\(numbering.written)' and '\(written)')")
                }
                numbering = (isAutomatic, written)
                guard let position = isAutomatic ? automatic : Int(name) else { throw BuiltinError("'\(written)' is too large a position") }
                automatic += 1
                source = .position(position, automatic: isAutomatic)
            } else if name.first?.isNumber == false, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                source = .name(String(name))
            } else {
                throw BuiltinError("'\(written)': a placeholder is {}, {0} or {name}, optionally followed by :spec")
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(.placeholder(Placeholder(written: written, source: source, spec: spec)))
            index = template.index(after: close)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// The template filled with `values`: a string, or a string vector when some placeholder's value is a
    /// vector (one row per element; a row where any of them is missing is missing). Every value must be
    /// used, by position or, for a record, by one of its fields.
    func fill(_ values: [Value]) throws -> Value {
        // Each piece as text already (literals, and placeholders whose value is a single value, rendered
        // once), or a vector placeholder to render row by row.
        var parts: [Part] = []
        var used = [Bool](repeating: false, count: values.count)
        for piece in pieces {
            switch piece {
            case .literal(let literal): parts.append(.text(literal))
            case .placeholder(let placeholder):
                let (position, value) = try Self.value(for: placeholder, in: values)
                used[position] = true
                if case .vector(let column) = value {
                    parts.append(.column(column, placeholder))
                } else {
                    parts.append(.text(try Self.field(value, placeholder)))
                }
            }
        }
        if let unused = used.firstIndex(of: false) {
            throw BuiltinError("value {\(unused)} (\(values[unused].kindName)) is not used by the template")
        }

        let columns = parts.compactMap { if case .column(let column, _) = $0 { column } else { nil } }
        guard let rows = columns.first?.count else { return .string(try Self.line(parts) { _, _ in .null }) }  // all text: never asked
        if let other = columns.first(where: { $0.count != rows }) {
            throw BuiltinError("vector values differ in length: \(rows) and \(other.count)")
        }
        if columns.count == 1, case .text(let strings) = columns[0] {
            // One string vector: once per distinct string, as the string builtins do.
            return try StringOperand.vector(strings).mapStrings { text in try Self.line(parts) { _, _ in .string(text) } }
        }
        var builder = TextColumnBuilder(capacity: rows)
        for row in 0..<rows {
            if row & 0xFFF == 0xFFF { try Cancellation.check() }
            if columns.contains(where: { $0.isMissing(at: row) }) {
                builder.append(nil)
            } else {
                builder.append(try Self.line(parts) { column, _ in column.element(at: row) })
            }
        }
        return .vector(.text(builder.column))
    }

    private enum Part {
        case text(String)
        case column(Column, Placeholder)
    }

    /// One filled-in line; `element` gives a vector placeholder's value for the line.
    private static func line(_ parts: [Part], _ element: (Column, Placeholder) -> Value) throws -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let piece): text += piece
            case .column(let column, let placeholder): text += try field(element(column, placeholder), placeholder)
            }
        }
        return text
    }

    /// Which value a placeholder reads, and its position among the values.
    private static func value(for placeholder: Placeholder, in values: [Value]) throws(BuiltinError) -> (Int, Value) {
        switch placeholder.source {
        case .position(let position, let automatic):
            guard position < values.count else {
                if automatic { throw BuiltinError("too few values: the template has more {} placeholders than the \(values.count) given") }
                let given = values.isEmpty ? "none were given" : "\(values.count) were given ({0} to {\(values.count - 1)})"
                throw BuiltinError("'\(placeholder.written)' has no value: \(given)")
            }
            return (position, values[position])
        case .name(let name):
            var fields: [String] = []
            for (position, value) in values.enumerated() {
                guard case .record(let record) = value else { continue }
                if let field = record[name] { return (position, field) }
                fields += record.keys
            }
            throw BuiltinError("no value named '\(name)' for '\(placeholder.written)': names are named arguments or fields of a record value, as in format(\"{n} rows\", n: 3)\(Suggestion.hint(for: name, among: fields))")
        }
    }

    /// One placeholder's text: the value as Drift prints it, shaped by the spec when there is one. A
    /// number spec on something other than a number is an error; null prints as `null` (in the
    /// spec's width, whatever its type).
    private static func field(_ value: Value, _ placeholder: Placeholder) throws(BuiltinError) -> String {
        guard let spec = placeholder.spec else { return Renderer.plainText(value) }
        switch value {
        case .number(let number):
            guard spec.type != "s" else { throw BuiltinError("'\(placeholder.written)' needs a string, got number") }
            do { return try spec.format(number) } catch { throw BuiltinError("'\(placeholder.written)' \(error)") }
        case .null:
            return FormatSpec.padded("", "null", to: spec.width, fill: spec.fill, alignment: spec.alignment ?? .left)
        default:
            guard !spec.needsNumber else { throw BuiltinError("'\(placeholder.written)' needs a number, got \(value.kindName)") }
            return spec.format(text: Renderer.plainText(value))
        }
    }
}
