// ProseSanitizer: makes the HTML that Ink renders from a notebook's Markdown safe to open. Markdown
// passes raw HTML through, so a prose cell could carry `<script>`, an `onerror=` handler, an `<iframe>`
// or a `javascript:` link into a page that promises no scripts and nothing fetched. Only an allow-list
// of formatting tags and attributes survives; script-like elements are dropped with their content,
// other unknown tags lose the tag and keep their text; links keep http(s), mailto, relative and
// `#fragment` targets; images keep only relative or `data:image/` sources (nothing remote is fetched).
// Hand-written: Ink has no sanitizer and no HTML sanitizer library is available here; the input is
// Ink's own output plus whatever raw HTML the author typed, so a tag-level scan suffices.

enum ProseSanitizer {
    /// Tags kept, with the attributes each may keep.
    static let allowed: [String: Set<String>] = [
        "a": ["href", "title"], "img": ["src", "alt", "title"],
        "p": [], "br": [], "hr": [], "em": [], "strong": [], "b": [], "i": [], "u": [], "s": [], "del": [],
        "code": ["class"], "pre": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [],
        "h1": [], "h2": [], "h3": [], "h4": [], "h5": [], "h6": [], "sup": [], "sub": [], "kbd": [],
        "table": [], "thead": [], "tbody": [], "tr": [], "th": ["align"], "td": ["align"],
        "div": [], "span": [], "details": [], "summary": [],
    ]

    /// Elements dropped together with everything inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "frame",
        "frameset", "applet", "textarea", "select", "title",
    ]

    static func sanitize(_ html: String) -> String {
        var output = ""
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                // Comments (and conditional comments) are dropped.
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let tag = Tag(parsing: rest) else {
                output += "&lt;"
                rest = rest.dropFirst()
                continue
            }
            rest = rest[tag.end...]
            if droppedWithContent.contains(tag.name) {
                if !tag.isClosing && !tag.isSelfClosing { rest = skipping(past: tag.name, in: rest) }
                continue
            }
            guard let attributes = allowed[tag.name] else { continue }
            output += tag.isClosing ? "</\(tag.name)>" : render(tag, keeping: attributes)
        }
        return output + rest
    }

    /// The text after the element's closing tag (or nothing, when it never closes).
    private static func skipping(past name: String, in text: Substring) -> Substring {
        var rest = text
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if let tag = Tag(parsing: rest), tag.isClosing, tag.name == name { return rest[tag.end...] }
            rest = rest.dropFirst()
        }
        return ""
    }

    private static func render(_ tag: Tag, keeping names: Set<String>) -> String {
        var text = "<" + tag.name
        for (name, value) in tag.attributes where names.contains(name) {
            guard let safe = safeValue(of: name, value, in: tag.name) else {
                if tag.name == "img" { return "" }
                continue
            }
            text += " \(name)=\"\(HTMLDisplay.escape(safe))\""
        }
        return text + ">"
    }

    /// The value if it is safe for that attribute: URLs must be relative, a fragment, or of an allowed scheme.
    private static func safeValue(of name: String, _ value: String, in tag: String) -> String? {
        guard name == "href" || name == "src" else { return value }
        let trimmed = value.filter { !$0.isWhitespace && !$0.isASCIIControl }.lowercased()
        let scheme = trimmed.firstIndex(of: ":").flatMap { colon in
            trimmed[..<colon].contains(where: { "/?#".contains($0) }) ? nil : String(trimmed[..<colon])
        }
        switch (tag, scheme) {
        case (_, nil) where !trimmed.hasPrefix("//"): return value
        case ("a", "http"?), ("a", "https"?), ("a", "mailto"?): return value
        case ("img", "data"?) where trimmed.hasPrefix("data:image/") && !trimmed.hasPrefix("data:image/svg"): return value
        default: return nil
        }
    }

    /// One tag: `<name attr="v" ...>`, `</name>` or `<name/>`, with entities in values decoded.
    struct Tag {
        var name: String
        var isClosing = false
        var isSelfClosing = false
        var attributes: [(String, String)] = []
        var end: Substring.Index

        init?(parsing text: Substring) {
            var index = text.index(after: text.startIndex)
            if index < text.endIndex && text[index] == "/" {
                isClosing = true
                index = text.index(after: index)
            }
            let nameStart = index
            while index < text.endIndex && (text[index].isLetter || text[index].isNumber || text[index] == "-") {
                index = text.index(after: index)
            }
            guard index > nameStart, text[nameStart].isLetter else { return nil }
            name = text[nameStart..<index].lowercased()
            end = index
            while index < text.endIndex {
                let character = text[index]
                if character == ">" {
                    end = text.index(after: index)
                    return
                }
                if character == "/" {
                    isSelfClosing = true
                    index = text.index(after: index)
                } else if character.isWhitespace {
                    index = text.index(after: index)
                } else {
                    isSelfClosing = false
                    guard let (attribute, next) = Tag.attribute(in: text, at: index) else { return nil }
                    attributes.append(attribute)
                    index = next
                }
            }
            return nil
        }

        /// `name`, `name=value`, `name="value"` or `name='value'` starting at `start`.
        private static func attribute(in text: Substring, at start: Substring.Index) -> ((String, String), Substring.Index)? {
            var index = start
            while index < text.endIndex && !text[index].isWhitespace && !"=>/".contains(text[index]) {
                index = text.index(after: index)
            }
            let name = text[start..<index].lowercased()
            guard !name.isEmpty else { return nil }
            guard index < text.endIndex && text[index] == "=" else { return ((name, ""), index) }
            index = text.index(after: index)
            guard index < text.endIndex else { return nil }
            let quote = text[index]
            if quote == "\"" || quote == "'" {
                let valueStart = text.index(after: index)
                guard let close = text[valueStart...].firstIndex(of: quote) else { return nil }
                return ((name, decodeEntities(text[valueStart..<close])), text.index(after: close))
            }
            let valueStart = index
            while index < text.endIndex && !text[index].isWhitespace && text[index] != ">" {
                index = text.index(after: index)
            }
            return ((name, decodeEntities(text[valueStart..<index])), index)
        }

        /// Numeric and the common named entities, so `&#106;avascript:` is seen as `javascript:`.
        private static func decodeEntities(_ text: Substring) -> String {
            guard text.contains("&") else { return String(text) }
            var output = ""
            var rest = text
            while let amp = rest.firstIndex(of: "&") {
                output += rest[..<amp]
                rest = rest[amp...]
                guard let semicolon = rest.prefix(12).firstIndex(of: ";") else {
                    output += "&"
                    rest = rest.dropFirst()
                    continue
                }
                let entity = rest[rest.index(after: rest.startIndex)..<semicolon]
                let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
                if let replacement = named[String(entity)] {
                    output += replacement
                } else if let scalar = numericEntity(entity) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += rest[...semicolon]
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return output + rest
        }

        /// `#106` or `#x6A` as the character it names.
        private static func numericEntity(_ entity: Substring) -> Unicode.Scalar? {
            guard entity.first == "#" else { return nil }
            let digits = entity.dropFirst()
            let hex = digits.first == "x" || digits.first == "X"
            return UInt32(hex ? digits.dropFirst() : digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init)
        }
    }
}

private extension Character {
    var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7f } ?? false }
}
