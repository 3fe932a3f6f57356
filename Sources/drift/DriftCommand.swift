// DriftCommand: the command line. `drift` alone starts the REPL on a terminal or runs standard input;
// `drift -e CODE` runs a snippet; subcommands `run`, `check`, `repl`, `notebook` and `kernel`.
import ArgumentParser
import DriftLang
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The version `drift --version` prints.
let driftVersion = JupyterLanguage.version

struct DriftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Drift: a scripting language for investigating ML model drift.",
        discussion: """
            With no subcommand, starts the REPL when standard input is a terminal and otherwise \
            runs the program read from standard input.
            """,
        version: "drift \(driftVersion)",
        subcommands: [RunSubcommand.self, CheckSubcommand.self, ReplSubcommand.self, NotebookSubcommand.self, KernelSubcommand.self]
    )

    @Option(name: .customShort("e"), help: ArgumentHelp("Run CODE and exit.", valueName: "CODE"))
    var code: String?

    @OptionGroup var options: ExecutionOptions

    func run() throws {
        try options.apply(defaultDirectory: ".")
        let runner = ScriptRunner(maximumCallDepth: options.maximumCallDepth)
        if let code {
            try finish(status: runner.run(source: code, name: "<-e>"))
        } else if isatty(STDIN_FILENO) == 1 {
            try finish(status: REPL.start(maximumCallDepth: options.maximumCallDepth))
        } else {
            try finish(status: runner.runStandardInput())
        }
    }
}

struct RunSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a script; the arguments after it are the script's `args`."
    )

    @OptionGroup var options: ExecutionOptions

    @Argument(help: "The script to run.")
    var file: String

    @Argument(parsing: .allUnrecognized, help: "Arguments passed to the script as `args`.")
    var arguments: [String] = []

    func run() throws {
        try Self.run(file, arguments: arguments, maximumCallDepth: options.maximumCallDepth) { try options.apply(defaultDirectory: $0) }
    }

    /// Runs the script `file` with `arguments` as its `args`; `apply` installs the options (given the
    /// directory reading is allowed in by default).
    private static func run(_ file: String, arguments: [String], maximumCallDepth: Int, apply: (String) throws -> Void) throws {
        // The script itself is read before safe mode starts: --allow-read limits what it reads, not it.
        let runner = ScriptRunner(maximumCallDepth: maximumCallDepth)
        guard let source = runner.source(of: file) else { throw ExitCode.failure }
        try apply(ExecutionOptions.directory(of: file))
        try finish(status: runner.run(source: source, name: file, arguments: arguments))
    }

    /// The script and its arguments of `drift run FILE ARGS…` where no argument starts with "-" (and FILE is not
    /// "help"): the parser would make this command of it with every option at its default, so main runs it
    /// without the parser (`runWithoutParsing`), whose reflection over the command types is half of a script's
    /// start-up (21 million instructions). Nil for any other command line.
    static func plainRun(_ commandLine: [String]) -> (file: String, arguments: [String])? {
        guard commandLine.count >= 3, commandLine[1] == "run", commandLine[2] != "help",
              !commandLine.dropFirst(2).contains(where: { $0.hasPrefix("-") }) else { return nil }
        return (commandLine[2], Array(commandLine.dropFirst(3)))
    }

    /// Runs `file` as `drift run` with default options would, then exits with its status.
    static func runWithoutParsing(_ file: String, arguments: [String]) -> Never {
        do {
            try run(file, arguments: arguments, maximumCallDepth: Session.defaultMaximumCallDepth) { _ in
                ExecutionOptions.applyDefaults()
            }
            exit(withError: nil)
        } catch {
            exit(withError: error)
        }
    }
}

struct CheckSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve a script without running it; report every error found."
    )

    @Argument(help: "The script to check.")
    var file: String

    func run() throws {
        try finish(succeeded: ScriptRunner().checkFile(file))
    }
}

struct ReplSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the interactive REPL (reads plain lines, without prompts, when not on a terminal)."
    )

    @OptionGroup var options: ExecutionOptions

    func run() throws {
        try options.apply(defaultDirectory: ".")
        try finish(status: REPL.start(maximumCallDepth: options.maximumCallDepth))
    }
}

/// Ends a command with status 1 when it failed; its diagnostics are already written.
private func finish(succeeded: Bool) throws {
    if !succeeded { throw ExitCode.failure }
}

/// Ends a command with `status` (a program's `exit(code)`, or 1 after an error) when it is not 0.
private func finish(status: Int32) throws {
    if status != 0 { throw ExitCode(status) }
}
