// Names: whether a text is a name a Drift program can bind — letters, digits and `_`, not starting
// with a digit, and not a keyword. The command line checks `--param NAME=value` with it.

public enum Names {
    public static func isBindable(_ text: some StringProtocol) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && TokenKind.keywords[String(text)] == nil
    }
}
