// ScriptRunner: runs or checks a whole program (a file, `-e` code or standard input) in a fresh session
// and reports its diagnostics on standard error. Returns success so the command can set the exit status.
import DriftLang
import Foundation

struct ScriptRunner {
    var console = Console.standard
    var maximumCallDepth = Session.defaultMaximumCallDepth

    /// Runs `source`; on failure writes the rendered diagnostic. `arguments` become the script's `args`.
    func run(source: String, name: String, arguments: [String] = []) -> Bool {
        let session = Session(arguments: arguments, maximumCallDepth: maximumCallDepth, output: console.write)
        guard let report = ProgressBar.during({ session.run(source: source, name: name) }) else { return true }
        console.errorLine(report)
        return false
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

    /// Runs everything on standard input as one program.
    func runStandardInput() -> Bool {
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
