// Completion: turns the REPL's completion candidates into what readline's Tab completion expects.
//
// readline splits the line into words at `wordBreakCharacters`; `.` is not one of them, so `df.co` is a
// single word. The REPL's provider (the session, and `:` commands) gets the whole line and the cursor (a
// UTF-8 offset) and returns candidates that replace the text from the start of the identifier or path
// fragment being completed: for `x = df.co` either `df.col1` or `col1` will do. `replacements` aligns
// each candidate with readline's word by the longest overlap between the end of the text before the
// cursor and the start of the candidate, so both conventions give `df.col1`.

enum Completion {
    static let wordBreakCharacters = " \t\n()[]{},;:+-*/%^=<>!|&\"'"

    /// What to put in place of readline's current word, which starts at the UTF-8 offset `wordStart`,
    /// for each candidate (in order, duplicates kept: readline sorts and removes them).
    static func replacements(for candidates: [String], line: String, cursor: Int, wordStart: Int) -> [String] {
        let beforeCursor = Array(line.utf8.prefix(cursor))
        let word = beforeCursor[min(wordStart, beforeCursor.count)...]
        return candidates.map { candidate in
            let bytes = Array(candidate.utf8)
            let overlap = (0...min(bytes.count, beforeCursor.count)).last {
                beforeCursor.suffix($0).elementsEqual(bytes.prefix($0))
            } ?? 0
            let replacement: [UInt8] = overlap >= word.count
                // The candidate also covers text before the word (`data/tr` for the word `tr`): drop it.
                ? Array(bytes.dropFirst(overlap - word.count))
                // The candidate covers only the end of the word (`col1` for `df.co`): keep the rest.
                : Array(word.prefix(word.count - overlap)) + bytes
            return String(decoding: replacement, as: UTF8.self)
        }
    }

    /// The longest common prefix of `strings` (readline's substitution when several match).
    static func commonPrefix(of strings: [String]) -> String {
        guard var prefix = strings.first else { return "" }
        for string in strings.dropFirst() {
            prefix = String(zip(prefix, string).prefix { $0 == $1 }.map(\.0))
        }
        return prefix
    }
}
