// Help: the text `help(name)` and `:help name` show, for builtins and for documented stdlib functions.

enum Help {
    static func text(for name: String?, interpreter: Interpreter) -> String {
        guard let name else { return overview(interpreter) }
        if let entry = entry(for: name, interpreter: interpreter) { return entry }
        let known = Array(interpreter.builtins.names) + Array(DocComments.standardLibrary.keys)
        return "no help for '\(name)'\(Suggestion.hint(for: name, among: known))"
    }

    /// The help of one builtin or documented function; nil for other names.
    static func entry(for name: String, interpreter: Interpreter) -> String? {
        interpreter.builtins.byName[name]?.helpText ?? DocComments.standardLibrary[name]
    }

    /// Every builtin by topic, then the standard library's documented functions.
    private static func overview(_ interpreter: Interpreter) -> String {
        var text = "Builtins, by topic:\n"
        for topic in interpreter.builtins.topics {
            text += wrapped("  \(topic.name): ", topic.builtins.joined(separator: ", "))
        }
        let library = DocComments.standardLibrary.keys.sorted()
        if !library.isEmpty { text += wrapped("Standard library: ", library.joined(separator: ", ")) }
        text += "Use help(\"name\") or :help name for one of them."
        return text
    }

    /// `lead` then `list`, broken after a comma before 100 columns, continued lines indented.
    private static func wrapped(_ lead: String, _ list: String) -> String {
        var lines = [lead]
        let width = 100
        for (index, word) in list.split(separator: " ").enumerated() {
            if index > 0, lines[lines.count - 1].count + word.count + 1 > width {
                lines.append("      ")
            } else if index > 0 {
                lines[lines.count - 1] += " "
            }
            lines[lines.count - 1] += word
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
