// NotebookCommand: `drift notebook FILE.drift -o OUT` runs a percent-format script cell by cell and
// writes it, with its outputs, as HTML (one self-contained page), Markdown (SVG charts beside it) or a
// Jupyter notebook, chosen by OUT's extension. The page is written even when a cell fails; the exit
// status is then 1. A cell that calls `exit(code)` ends the run there: the page is written with the
// cells run so far, and the status is code (1 for exit(0) when a cell failed).
import ArgumentParser
import DriftCore
import DriftLang
import Foundation

struct NotebookSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook",
        abstract: "Run a script cell by cell (`# %%` markers) and write it with its outputs as .html, .md or .ipynb.",
        discussion: """
            `# %%` (optionally followed by a title) starts a code cell; `# %% [markdown]` starts a prose \
            cell of `# `-prefixed Markdown lines. Without --keep-going the run stops at the first failing \
            cell; either way the output is written and the exit status is 1 when a cell failed.
            """
    )

    @OptionGroup var options: ExecutionOptions

    @Argument(help: "The script to run.")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write: .html, .md or .ipynb.", valueName: "OUT"))
    var output: String

    @Flag(help: "Run the cells after a failing one too.")
    var keepGoing = false

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "Set a global before the first cell (or after a cell titled `parameters`): a number if it reads as one, else a string.",
        valueName: "name=value"))
    var parameters: [String] = []

    func validate() throws {
        guard ["html", "md", "ipynb"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()) else {
            throw ValidationError("the output must end in .html, .md or .ipynb: '\(output)'")
        }
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="),
                  Names.isBindable(parameter[..<equals]) else {
                throw ValidationError("--param takes name=value with a Drift name that is not a keyword: '\(parameter)'")
            }
        }
    }

    func run() throws {
        let console = Console.standard
        let source: String
        do {
            source = try readSourceFile(file)
        } catch {
            console.errorLine("drift: \(error)")
            throw ExitCode.failure
        }
        let values = parameters.map { parameter -> (String, Value) in
            let equals = parameter.firstIndex(of: "=")!
            return (String(parameter[..<equals]), Value.parameter(String(parameter[parameter.index(after: equals)...])))
        }
        // A parameter the script never mentions is a typo, not a setting: say so instead of running without it.
        let document = NotebookDocument(parsing: source)
        let used = document.namesUsed
        if let unused = values.first(where: { !used.contains($0.0) }) {
            let known = document.parameterNames
            console.errorLine("drift: --param \(unused.0): \(file) never uses the name '\(unused.0)'"
                + (known.isEmpty ? "" : "; its parameters are \(known.joined(separator: ", "))"))
            throw ExitCode.failure
        }
        let url = URL(fileURLWithPath: output)
        try options.apply(defaultDirectory: ExecutionOptions.directory(of: file),
                          outputs: [output, url.deletingLastPathComponent().appendingPathComponent(figureDirectoryName).path])
        // The cells read and write relative to the script's directory, as Jupyter runs a notebook.
        let script = Session.scriptLocation(file)
        let session = Session(maximumCallDepth: options.maximumCallDepth, baseDirectory: script.directory,
                              output: console.write, warnings: console.writeError)
        let run = ProgressBar.during {
            NotebookRun(document, name: file, path: script.path, session: session, parameters: values, keepGoing: keepGoing)
        }
        do {
            try write(run)
        } catch {
            console.errorLine("drift: \(error)")
            throw ExitCode.failure
        }
        let failed = run.failedCells
        for cell in failed {
            let report = cell.outputs.compactMap { output -> String? in
                if case .error(let report) = output { return report }
                return nil
            }.joined()
            console.errorLine(report)
        }
        if !failed.isEmpty, run.exitStatus == nil, run.skippedCount > 0 {
            console.errorLine("drift: stopped at the first error; \(run.skippedCount) later cell(s) not run (--keep-going runs them)")
        }
        // exit(code) in a cell sets the status; a failed cell turns exit(0) into 1.
        let status = run.exitStatus.flatMap { $0 == 0 ? nil : $0 } ?? (failed.isEmpty ? 0 : 1)
        if status != 0 { throw ExitCode(status) }
    }

    /// Where a Markdown notebook's SVG figures go, beside it.
    private var figureDirectoryName: String {
        URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent + "-figures"
    }

    private func write(_ run: NotebookRun) throws {
        let url = URL(fileURLWithPath: output)
        switch url.pathExtension.lowercased() {
        case "html":
            try writeFileAtomically(NotebookHTML.page(run), to: output)
        case "ipynb":
            try FileAccess.writeAtomically(try NotebookIPYNB.data(run), to: output)
        default:
            let markdown = NotebookMarkdown(run, figureDirectory: figureDirectoryName)
            let base = url.deletingLastPathComponent()
            if !markdown.figures.isEmpty {
                try FileAccess.createDirectory(base.appendingPathComponent(figureDirectoryName).path)
            }
            for figure in markdown.figures {
                try writeFileAtomically(figure.svg, to: base.appendingPathComponent(figure.path).path)
            }
            try writeFileAtomically(markdown.text, to: output)
        }
    }
}
