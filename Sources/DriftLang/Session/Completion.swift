// Completion: Tab candidates for the REPL — names (variables, builtins, keywords), fields and column
// names after `.` (`df.inc` → `df.income`), and file paths inside a string literal.
//
// Contract with the line editor: the editor replaces the "word" before the cursor, the run of
// characters after the last one in `wordBreakCharacters`; every candidate returned replaces exactly
// that word.
import DriftCore

struct Completion {
    let interpreter: Interpreter

    static let wordBreakCharacters = " \t\n()[]{},;:+-*/%^=<>!|&\"'"
    private static let keywords = ["let", "fn", "if", "else", "for", "in", "while", "break", "continue", "return", "true", "false", "null", "and", "or", "not", "import"]

    func candidates(line: String, cursor: Int) -> [String] {
        let before = String(decoding: line.utf8.prefix(max(0, cursor)), as: UTF8.self)
        let word = String(before.reversed().prefix { !Completion.wordBreakCharacters.contains($0) }.reversed())
        if isInsideString(before) {
            let fragment = String(before.reversed().prefix { $0 != "\"" }.reversed())
            return trim(pathCandidates(fragment), fragment: fragment, word: word)
        }
        let fragment = String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }.reversed())
        return trim(nameCandidates(fragment), fragment: fragment, word: word)
    }

    /// Full completions of `fragment`, cut down to replacements of the editor's `word`.
    private func trim(_ completions: [String], fragment: String, word: String) -> [String] {
        let dropped = max(0, fragment.count - word.count)
        return completions.map { String($0.dropFirst(dropped)) }.sorted()
    }

    private func isInsideString(_ text: String) -> Bool {
        var inside = false, escaped = false
        for character in text {
            if escaped { escaped = false; continue }
            if inside, character == "\\" { escaped = true; continue }
            if character == "\"" { inside.toggle() }
            if !inside, character == "#" { return false }
        }
        return inside
    }

    private func nameCandidates(_ fragment: String) -> [String] {
        var parts = fragment.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let partial = parts.removeLast()
        if parts.isEmpty {
            let names = interpreter.definedGlobals.map(\.name) + Array(interpreter.builtins.names) + Completion.keywords
            return Array(Set(names.filter { $0.hasPrefix(partial) }))
        }
        guard let base = parts.first, let slot = interpreter.globalSlot(named: base), var value = interpreter.globals[slot] else {
            return []
        }
        for part in parts.dropFirst() {
            guard let next = fields(of: value).contains(part) ? field(part, of: value) : nil else { return [] }
            value = next
        }
        let prefix = parts.joined(separator: ".") + "."
        return fields(of: value).filter { $0.hasPrefix(partial) }.map { prefix + $0 }
    }

    private func fields(of value: Value) -> [String] {
        switch value {
        case .record(let record): return record.keys
        case .frame(let frame): return frame.names
        case .object(let object): return object.fieldNames
        default: return []
        }
    }

    private func field(_ name: String, of value: Value) -> Value? {
        switch value {
        case .record(let record): return record[name]
        case .frame(let frame): return frame.column(named: name).map(Value.vector)
        case .object(let object): return object.field(name)
        default: return nil
        }
    }

    private func pathCandidates(_ fragment: String) -> [String] {
        let slash = fragment.lastIndex(of: "/")
        let directory = slash.map { String(fragment[...$0]) } ?? ""
        let partial = slash.map { String(fragment[fragment.index(after: $0)...]) } ?? fragment
        guard let entries = try? FileAccess.contentsOfDirectory(directory.isEmpty ? "." : directory) else { return [] }
        // A directory ends in "/" so completion can go on; a file closes the string literal.
        return entries.filter { $0.hasPrefix(partial) && ($0.hasPrefix(".") == partial.hasPrefix(".")) }.map { entry in
            let path = directory + entry
            return FileAccess.isDirectory(path) ? path + "/" : path + "\""
        }
    }
}
