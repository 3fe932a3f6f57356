// Help: the text `help(name)` and `:help name` show, for builtins and for documented stdlib functions.

enum Help {
    static func text(for name: String?, interpreter: Interpreter) -> String {
        guard let name else { return overview(interpreter) }
        if let builtin = interpreter.builtins.byName[name] { return builtin.helpText }
        if let doc = interpreter.documentation[name] { return doc }
        let known = Array(interpreter.builtins.names) + Array(interpreter.documentation.keys)
        return "no help for '\(name)'\(Suggestion.hint(for: name, among: known))"
    }

    private static func overview(_ interpreter: Interpreter) -> String {
        let builtins = interpreter.builtins.names.sorted()
        let library = interpreter.documentation.keys.sorted()
        var text = "Builtins: " + builtins.joined(separator: ", ") + "\n"
        if !library.isEmpty { text += "Standard library: " + library.joined(separator: ", ") + "\n" }
        text += "Use help(\"name\") or :help name for one of them."
        return text
    }
}
