// ExecutionOptions: the limits and the safe mode every command that runs Drift code shares
// (`drift`, `drift run`, `drift repl`, `drift notebook`, `drift kernel`): --safe with --allow-read/--allow-write,
// --max-memory and --max-depth. `apply` installs them in the core before any code runs.
import ArgumentParser
import DriftCore
import DriftLang
import Foundation

struct ExecutionOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Safe mode, for scripts written by others: read only under --allow-read, write only under --allow-write, no environment variables, no network."))
    var safe = false

    @Option(name: .customLong("allow-read"), help: ArgumentHelp(
        "With --safe: a directory whose files may be read (repeatable; default: the script's directory, or the current one).",
        valueName: "DIR"))
    var readableDirectories: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp(
        "With --safe: a directory under which files may be written (repeatable; default: none).", valueName: "DIR"))
    var writableDirectories: [String] = []

    @Option(name: .customLong("max-memory"), help: ArgumentHelp(
        "Stop with an error when Drift's memory use passes this size, e.g. 512M or 4G.", valueName: "SIZE"))
    var maximumMemory: String?

    @Option(name: .customLong("max-depth"), help: ArgumentHelp(
        "The deepest nesting of function calls before 'too deep' stops runaway recursion.", valueName: "N"))
    var maximumCallDepth: Int = Session.defaultMaximumCallDepth

    func validate() throws {
        if !safe && !(readableDirectories.isEmpty && writableDirectories.isEmpty) {
            throw ValidationError("--allow-read and --allow-write only apply with --safe")
        }
        if let maximumMemory, MemoryLimit.parse(maximumMemory) == nil {
            throw ValidationError("--max-memory takes a size such as 512M or 4G, not '\(maximumMemory)'")
        }
        guard (1...1_000_000).contains(maximumCallDepth) else {
            throw ValidationError("--max-depth must be between 1 and 1000000")
        }
    }

    /// Installs the memory limit and, with --safe, the access policy. `defaultDirectory` is where reading
    /// is allowed when no --allow-read is given; `outputs` are paths the command itself will write.
    func apply(defaultDirectory: String, outputs: [String] = []) throws {
        MemoryLimit.set(maximumMemory.flatMap(MemoryLimit.parse))
        guard safe else { return }
        FileAccess.restrict(to: try AccessPolicy(
            readable: readableDirectories.isEmpty ? [defaultDirectory] : readableDirectories,
            writable: writableDirectories,
            commandOutputs: outputs))
    }

    /// What `apply` does when no option is given (no memory limit, no safe mode), for the `drift run` that skips
    /// the parser (RunSubcommand.plainRun). An option added here whose default does something must
    /// do it here too.
    static func applyDefaults() {
        MemoryLimit.set(nil)
    }

    /// The options as command-line arguments (directories made absolute), for a command started later
    /// elsewhere: the kernel spec's.
    var arguments: [String] {
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        var arguments = safe ? ["--safe"] : []
        arguments += readableDirectories.flatMap { ["--allow-read", absolute($0)] }
        arguments += writableDirectories.flatMap { ["--allow-write", absolute($0)] }
        if let maximumMemory { arguments += ["--max-memory", maximumMemory] }
        if maximumCallDepth != Session.defaultMaximumCallDepth { arguments += ["--max-depth", String(maximumCallDepth)] }
        return arguments
    }

    /// The directory of a script path ("." for a bare file name).
    static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}
