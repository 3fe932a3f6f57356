// Commands: the REPL's `:` commands (`:help`, `:vars`, `:save`, `:load`, `:cell`, `:time`, `:quit`) and the
// `?name` shortcut for help: parsing a line into a command, the table that documents them, running them.
import Foundation

/// One line of the REPL that is a command rather than code.
enum ReplCommand: Equatable {
    case help(String?)
    case variables
    case save(path: String)
    case load(path: String)
    /// `:cell FILE` opens a percent-format script and runs its first cell; `:cell` runs the next one.
    case cell(path: String?)
    case time(code: String)
    case quit
    /// A known command typed without its argument.
    case usage(CommandInfo)
    /// `:name` that is no command.
    case unknown(name: String)

    /// The command on `line`, or nil when the line is code.
    init?(parsing line: String) {
        let text = line.trimmingWhitespace()
        if text.hasPrefix("?") {
            let name = text.dropFirst().trimmingWhitespace()
            self = .help(name.isEmpty ? nil : name)
            return
        }
        guard text.hasPrefix(":") else { return nil }
        let name = String(text.dropFirst().prefix { !$0.isWhitespace })
        let argument = text.dropFirst(1 + name.count).trimmingWhitespace()
        guard let info = CommandInfo.named(name) else {
            self = .unknown(name: name)
            return
        }
        if info.argument != nil && !info.argumentIsOptional && argument.isEmpty {
            self = .usage(info)
            return
        }
        switch info.name {
        case "help": self = .help(argument.isEmpty ? nil : argument)
        case "vars": self = .variables
        case "save": self = .save(path: argument)
        case "load": self = .load(path: argument)
        case "cell": self = .cell(path: argument.isEmpty ? nil : argument)
        case "time": self = .time(code: argument)
        default: self = .quit
        }
    }
}

/// A command's name, argument and one-line summary, as `:help` shows them.
struct CommandInfo: Equatable {
    let name: String
    let aliases: [String]
    let argument: String?
    let argumentIsOptional: Bool
    let summary: String

    static let all = [
        CommandInfo(name: "help", aliases: [], argument: "NAME", argumentIsOptional: true,
                    summary: "help on a builtin or function (also ?NAME); without NAME, this overview"),
        CommandInfo(name: "vars", aliases: [], argument: nil, argumentIsOptional: false,
                    summary: "list the session's variables"),
        CommandInfo(name: "save", aliases: [], argument: "FILE", argumentIsOptional: false,
                    summary: "save the entries that ran without error as a script"),
        CommandInfo(name: "load", aliases: [], argument: "FILE", argumentIsOptional: false,
                    summary: "run a script in this session; its definitions stay"),
        CommandInfo(name: "cell", aliases: [], argument: "FILE", argumentIsOptional: true,
                    summary: "run the first cell (# %%) of FILE; then :cell runs the next one"),
        CommandInfo(name: "time", aliases: [], argument: "EXPR", argumentIsOptional: false,
                    summary: "evaluate EXPR and print the elapsed wall time"),
        CommandInfo(name: "quit", aliases: ["q"], argument: nil, argumentIsOptional: false,
                    summary: "leave the REPL (also :q or Ctrl-D)"),
    ]

    static func named(_ name: String) -> CommandInfo? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// `:save FILE`, `:help [NAME]`.
    var synopsis: String {
        guard let argument else { return ":\(name)" }
        return argumentIsOptional ? ":\(name) [\(argument)]" : ":\(name) \(argument)"
    }

    /// The command whose name is closest to `name` when it is a plausible typo.
    static func closest(to name: String) -> CommandInfo? {
        let scored = all.flatMap { info in ([info.name] + info.aliases).map { (info, editDistance($0, name)) } }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, name.count / 2) else { return nil }
        return best.0
    }

    /// The overview `:help` prints.
    static var overview: String {
        let width = all.map(\.synopsis.count).max() ?? 0
        let lines = all.map { "  " + $0.synopsis.padding(to: width) + "  " + $0.summary }
        return (["Commands:"] + lines + [
            "",
            "Type code to run it; an entry with an open bracket or block continues on the next line.",
            "?NAME or :help NAME shows the help for a builtin or function; Tab completes names,",
            "columns after `.`, and commands. Ctrl-C stops a running evaluation or clears the line.",
        ]).joined(separator: "\n")
    }
}

extension REPL {
    /// Carries out every command but `:quit`, which ends the loop.
    func perform(_ command: ReplCommand) {
        switch command {
        case .help(nil):
            console.line(CommandInfo.overview)
        case .help(let name?):
            if let text = session.help(name) { console.line(text) } else { console.errorLine("no help for '\(name)'") }
        case .variables:
            listVariables()
        case .save(let path):
            save(to: expandingTilde(path))
        case .load(let path):
            load(expandingTilde(path))
        case .cell(let path):
            runNextCell(opening: path.map(expandingTilde))
        case .time(let code):
            time(code)
        case .quit:
            break
        case .usage(let info):
            console.errorLine("usage: \(info.synopsis)")
        case .unknown(let name):
            let suggestion = CommandInfo.closest(to: name).map { "; did you mean :\($0.name)?" } ?? ""
            console.errorLine("unknown command ':\(name)'\(suggestion) (:help lists the commands)")
        }
    }

    private func listVariables() {
        let variables = session.variables()
        guard !variables.isEmpty else {
            console.line("no variables")
            return
        }
        console.line(alignedColumns([["name", "kind", "size"]] + variables.map { [$0.name, $0.kind, $0.size] }))
    }

    /// Writes the transcript as a script. After `:cell`, entries keep their cell markers and typed
    /// entries get a plain `# %%` each, so the file stays a notebook.
    private func save(to path: String) {
        do {
            let entries = transcriptHasCells ? transcript.map { $0.hasPrefix("# %%") ? $0 : "# %%\n" + $0 } : transcript
            try writeFileAtomically(entries.map { $0 + "\n" }.joined(separator: transcriptHasCells ? "\n" : ""), to: path)
            console.line("saved \(transcript.count) \(transcript.count == 1 ? "entry" : "entries") to \(path)")
        } catch {
            console.errorLine(error.description)
        }
    }

    private func load(_ path: String) {
        let source: String
        do {
            source = try readSourceFile(path)
        } catch {
            console.errorLine(error.description)
            return
        }
        switch interruptible({ session.run(source: source, name: path) }) {
        case nil: break
        case let report??: console.errorLine(report)
        case nil?: transcript.append(source)
        }
    }

    private func time(_ code: String) {
        let clock = ContinuousClock()
        let start = clock.now
        guard let outcome = interruptible({ session.evaluateEntry(code) }) else { return }
        let elapsed = clock.now - start
        show(outcome, of: code)
        console.line("time: \(formatted(elapsed))")
    }
}

/// `~/x` as `$HOME/x`; other paths unchanged.
func expandingTilde(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] else {
        return path
    }
    return home + path.dropFirst()
}

/// A wall time with three significant digits, in µs, ms or s.
func formatted(_ duration: Duration) -> String {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    let (value, unit) = seconds < 1e-3 ? (seconds * 1e6, "µs") : seconds < 1 ? (seconds * 1e3, "ms") : (seconds, "s")
    let digits = value < 10 ? 2 : value < 100 ? 1 : 0
    return "\((value * pow(10, Double(digits))).rounded() / pow(10, Double(digits))) \(unit)"
}
