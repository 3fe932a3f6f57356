// Names: what a Drift name is — ASCII letters, digits and `_`, not starting with a digit — as the
// lexer reads it, and whether a text is a name a program can bind (a name that is not a keyword). The
// command line checks `--param NAME=value` with it.

public enum Names {
    public static func isBindable(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isStart(first) else { return false }
        return bytes.allSatisfy(isPart) && TokenKind.keywords[String(text)] == nil
    }

    static func isStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    static func isPart(_ byte: UInt8) -> Bool {
        isStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
