// ScriptRunner: runs or checks a whole program (a file, `-e` code or standard input) in a fresh session
// and reports its diagnostics on standard error. Returns the exit status (or success) for the command.
import DriftLang
import Foundation

struct ScriptRunner {
    var console = Console.standard
    var maximumCallDepth = Session.defaultMaximumCallDepth

    /// Runs `source`; on failure writes the rendered diagnostic. `arguments` become the script's `args`.
    /// The code of a script file (`name` is its path) reads and writes relative to the script's directory;
    /// `-e` code and standard input relative to the working directory.
    /// Returns the exit status: 1 after an error, the code the program passed to `exit`, else 0.
    func run(source: String, name: String, arguments: [String] = []) -> Int32 {
        let script = Session.path(ofSourceNamed: name).map(Session.scriptLocation)
        let session = Session(arguments: arguments, maximumCallDepth: maximumCallDepth, baseDirectory: script?.directory,
                              output: console.write, warnings: console.writeError)
        if let report = ProgressBar.during({ session.run(source: source, name: name, path: script?.path) }) {
            console.errorLine(report)
            return 1
        }
        return session.exitStatus ?? 0
    }

    /// Parses and resolves `source` without running it; writes every diagnostic found.
    func check(source: String, name: String) -> Bool {
        let diagnostics = Session().check(source: source, name: name)
        diagnostics.forEach(console.errorLine)
        return diagnostics.isEmpty
    }

    /// Checks the script at `path`, or reports why it cannot be read.
    func checkFile(_ path: String) -> Bool {
        source(of: path).map { check(source: $0, name: path) } ?? false
    }

    /// Runs everything on standard input as one program; returns its exit status.
    func runStandardInput() -> Int32 {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return run(source: String(decoding: data, as: UTF8.self), name: "<stdin>")
    }

    /// The text of the script at `path`, or nil after reporting why it cannot be read.
    func source(of path: String) -> String? {
        do {
            return try readSourceFile(path)
        } catch {
            // A diagnostic (a file that is not UTF-8) names its file:line:col itself.
            let message = String(describing: error)
            console.errorLine(message.hasPrefix(path + ":") ? message : "drift: \(message)")
            return nil
        }
    }
}
