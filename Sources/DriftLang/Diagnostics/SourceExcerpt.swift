// SourceExcerpt: the piece of a source line a diagnostic shows, and the caret's padding under it.
// A line longer than `maximumLength` characters (minified data pasted into a script, a 50 MB line)
// shows a window around the column with `…` at each cut, so an error never writes the whole line.
// The padding keeps tabs and gives East Asian wide characters (CJK, Hangul, full-width forms, most
// emoji) two columns and combining marks none, so the caret lines up as a terminal draws the line.

struct SourceExcerpt {
    static let maximumLength = 160
    /// Characters shown before the column when the line is cut.
    static let leadingContext = 60

    /// The text to show.
    let text: String
    /// Whitespace that puts a caret under the column.
    let caretPadding: String

    init(line: String, column: Int) {
        let count = line.count
        let offset = min(max(0, column - 1), count)
        var start = 0, end = count
        if count > Self.maximumLength {
            start = max(0, min(offset - Self.leadingContext, count - Self.maximumLength))
            end = min(count, start + Self.maximumLength)
        }
        // Indices, not an array of characters: the line may be megabytes long.
        let first = line.index(line.startIndex, offsetBy: start)
        let caret = line.index(first, offsetBy: offset - start)
        let last = line.index(first, offsetBy: end - start)
        text = (start > 0 ? "…" : "") + line[first..<last] + (end < count ? "…" : "")
        caretPadding = (start > 0 ? " " : "") + line[first..<caret].map(Self.padding).joined()
    }

    private static func padding(for character: Character) -> String {
        if character == "\t" { return "\t" }
        guard let scalar = character.unicodeScalars.first else { return "" }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return ""
        }
        return isWide(scalar) ? "  " : " "
    }

    /// Wide in a terminal: Unicode's East Asian Wide and Fullwidth blocks, and emoji shown as emoji.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isEmojiPresentation { return true }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
