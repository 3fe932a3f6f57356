// MarkdownDisplay: the markup of the Markdown back end — fenced text and pipe tables.

public enum MarkdownDisplay {
    /// `text` in a fenced block whose fence is longer than any backtick run inside it.
    public static func fenced(_ text: String, language: String = "") -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + language + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence + "\n\n"
    }

    /// Text safe inside a table cell or link text.
    static func escapeInline(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|", "\\", "[", "]", "*", "`", "<", ">": escaped += "\\" + String(character)
            case "\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func table(headers: [String], types: [String]?, rows: [[String]], rightAligned: [Bool], footer: String?) -> String {
        // Column types go under the names, as the terminal shows them.
        let names = headers.enumerated().map { index, name in
            let type = types.map { index < $0.count ? $0[index] : "" } ?? ""
            let cell = escapeInline(name.isEmpty ? " " : name)
            return type.isEmpty ? cell : cell + " <br>*" + escapeInline(type) + "*"
        }
        var text = "| " + names.joined(separator: " | ") + " |\n"
        text += "|" + headers.indices.map { index in index < rightAligned.count && rightAligned[index] ? "---:" : ":---" }.joined(separator: "|") + "|\n"
        for row in rows { text += "| " + row.map(escapeInline).joined(separator: " | ") + " |\n" }
        if let footer { text += "\n" + escapeInline(footer) + "\n" }
        return text + "\n"
    }
}
