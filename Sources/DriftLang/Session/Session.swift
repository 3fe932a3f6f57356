// Session: the language's public face. One session holds the global state of a REPL or a script run;
// the command line (script runner, REPL, checker) talks to the language only through this type.
import DriftCore
import Foundation

/// What happened to one REPL entry.
public enum EntryOutcome: Sendable {
    /// The entry is not finished (an open bracket, block or string): read another line.
    case incomplete
    /// The entry ran. `display` is the rendered value of its last expression statement, if it shows one.
    case completed(display: String?)
    /// The entry failed; `report` is the rendered diagnostic (file:line:col, source line, caret, stack).
    case failed(report: String)
}

/// One variable as `:vars` lists it.
public struct VariableSummary: Sendable {
    public var name: String
    public var kind: String
    public var size: String

    public init(name: String, kind: String, size: String) {
        self.name = name
        self.kind = kind
        self.size = size
    }
}

public final class Session {
    /// Where `print` and displayed values go.
    public let output: (String) -> Void
    let interpreter: Interpreter
    /// Where the interpreter's `print` goes: `output`, or a cell's captured outputs while one runs.
    let sink: OutputSink
    /// Names the standard library defines, kept out of `:vars`.
    private var libraryNames: Set<String> = []
    private var entryCount = 0
    /// Terminal width used to display values.
    public var displayWidth = 80
    /// The directory the session's code resolves relative paths against (`read_csv("examples/data/…")`),
    /// or nil for the process's working directory. Bound as `FileAccess.baseDirectory` while the session
    /// runs code, so it passes through the same gate, safe mode's checks included.
    public let baseDirectory: String?
    /// The status the program asked to end with by calling `exit(code)`; the front end ends with it
    /// (a script's process, the REPL, a notebook run). Nil until a program calls `exit`.
    public private(set) var exitStatus: Int32?

    public static let defaultMaximumCallDepth = 10_000

    /// The standard library as built into this binary: (file name, source) in load order.
    public static var standardLibrary: [(name: String, source: String)] { embeddedStdlib }

    public init(
        arguments: [String] = [],
        maximumCallDepth: Int = Session.defaultMaximumCallDepth,
        baseDirectory: String? = nil,
        output: @escaping (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
        // Warnings (`warning: …` lines) go to standard error unless the front end says otherwise.
        warnings: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.output = output
        self.baseDirectory = baseDirectory
        let sink = OutputSink(forward: output, forwardWarning: warnings)
        self.sink = sink
        interpreter = Interpreter(
            builtins: .standard, maximumCallDepth: maximumCallDepth, output: { sink.write($0) },
            warn: { sink.warn($0) }, show: { sink.show($0) })
        sink.displayText = { [unowned self] value in Renderer.display(value, width: self.displayWidth) }
        loadStandardLibrary()
        interpreter.modules.libraryNames = libraryNames
        interpreter.globals[interpreter.declareGlobal("args")] = .vector(.text(TextColumn(arguments)))
        libraryNames.formUnion(["args", Session.lastValueName])
    }

    /// The REPL keeps the last shown value in `_`.
    static let lastValueName = "_"

    /// Runs a whole program (a script, `-e` code or standard input). Returns the rendered diagnostics
    /// (every syntax error, or the first runtime error), or nil on success (also after `exit(code)`,
    /// see `exitStatus`). `name` is the file's path, which its imports are relative to, unless it is in
    /// angle brackets (`<-e>`, `<stdin>`): then they are relative to the base directory.
    public func run(source: String, name: String) -> String? {
        run(source: source, name: name, path: Session.path(ofSourceNamed: name))
    }

    /// Runs a program named `name` in messages and read from `path` (imports are relative to its directory).
    public func run(source: String, name: String, path: String?) -> String? {
        let file = SourceFile(name: name, text: source, path: path)
        switch execute(file) {
        case .success: return nil
        case .failure(let diagnostics): return diagnostics.map { $0.rendered() }.joined()
        }
    }

    /// Parses and resolves without running, imported files included; returns every diagnostic found,
    /// rendered. `name` is the file's path, as for `run(source:name:)`.
    public func check(source: String, name: String) -> [String] {
        let file = SourceFile(name: name, text: source, path: Session.path(ofSourceNamed: name))
        let parsed = LargeStack.run { _ in Parser.parse(file) }
        let compiled = LargeStack.run { _ in
            FileAccess.$baseDirectory.withValue(baseDirectory) {
                Compiler.compile(parsed.statements, file: file, interpreter: interpreter)
            }
        }
        return (parsed.diagnostics + compiled.diagnostics).map { $0.rendered() }
    }

    /// The path of the code named `name`: the name itself, except for code that is no file (`<-e>`).
    public static func path(ofSourceNamed name: String) -> String? {
        name.hasPrefix("<") && name.hasSuffix(">") ? nil : name
    }

    /// Evaluates one REPL entry (possibly several lines).
    public func evaluateEntry(_ text: String) -> EntryOutcome {
        entryCount += 1
        let file = SourceFile(name: "<repl>", text: text)
        let parsed = LargeStack.run { _ in Parser.parse(file) }
        if parsed.isIncomplete { return .incomplete }
        switch execute(file, parsed: parsed) {
        case .success(let program, let value):
            guard program.showsLastValue, let value else { return .completed(display: nil) }
            if case .null = value { return .completed(display: nil) }
            interpreter.globals[interpreter.declareGlobal(Session.lastValueName)] = value
            return .completed(display: Renderer.display(value, width: displayWidth))
        case .failure(let diagnostics):
            return .failed(report: diagnostics.map { $0.rendered() }.joined())
        }
    }

    enum Execution {
        case success(CompiledProgram, Value?)
        case failure([Diagnostic])
    }

    func execute(_ file: SourceFile, parsed: Parser.Result? = nil) -> Execution {
        LargeStack.run { stackFloor in
            FileAccess.$baseDirectory.withValue(baseDirectory) { evaluate(file, parsed: parsed, stackFloor: stackFloor) }
        }
    }

    private func evaluate(_ file: SourceFile, parsed: Parser.Result?, stackFloor: UInt) -> Execution {
        interpreter.stackFloor = stackFloor
        let parsed = parsed ?? Parser.parse(file)
        let compiled = Compiler.compile(parsed.statements, file: file, interpreter: interpreter)
        let diagnostics = parsed.diagnostics + compiled.diagnostics
        if !diagnostics.isEmpty { return .failure(diagnostics) }
        defer { interpreter.valueStack.releasePages() }
        interpreter.callDepth = 0
        do throws(Unwind) {
            let value = try interpreter.run(compiled.program)
            return .success(compiled.program, value)
        } catch {
            switch error {
            case .error(let runtimeError): return .failure([runtimeError.diagnostic])
            case .returning, .breakLoop, .continueLoop:
                return .failure([Diagnostic("'return', 'break' or 'continue' outside their function or loop", at: nil)])
            case .exit(let status):
                exitStatus = status
                return .success(compiled.program, nil)
            }
        }
    }

    // MARK: The standard library

    private func loadStandardLibrary() {
        for (name, source) in embeddedStdlib {
            let before = Set(interpreter.definedGlobals.map(\.name))
            let file = SourceFile(name: "stdlib/\(name)", text: source)
            if case .failure(let diagnostics) = execute(file) {
                // A broken prelude is a build defect; say so rather than start half-loaded.
                output(diagnostics.map { $0.rendered() }.joined())
            }
            libraryNames.formUnion(Set(interpreter.definedGlobals.map(\.name)).subtracting(before))
        }
    }

    // MARK: REPL support

    /// Completion candidates for the word ending at `cursor` (a UTF-8 offset) in `line`; see `Completion`.
    public func completions(line: String, cursor: Int) -> [String] {
        FileAccess.$baseDirectory.withValue(baseDirectory) {
            Completion(interpreter: interpreter).candidates(line: line, cursor: cursor)
        }
    }

    /// The characters that end the word completion replaces: every candidate `completions` returns
    /// replaces the text after the last of them before the cursor.
    public static let completionWordBreakCharacters = Completion.wordBreakCharacters

    /// The help text for a name (builtin or documented stdlib function); an overview when name is nil.
    public func help(_ name: String?) -> String? {
        Help.text(for: name, interpreter: interpreter)
    }

    /// The help text of a builtin or documented function, or nil when `name` has none.
    public func documentation(of name: String) -> String? {
        Help.entry(for: name, interpreter: interpreter)
    }

    /// The user's variables, for `:vars`.
    public func variables() -> [VariableSummary] {
        interpreter.definedGlobals.filter { !libraryNames.contains($0.name) }.map { name, value in
            VariableSummary(name: name, kind: value.kindName, size: Session.size(of: value))
        }
    }

    private static func size(of value: Value) -> String {
        switch value {
        case .vector(let column): return counted(column.count, "value")
        case .list(let items): return "\(items.count) items"
        case .record(let record): return "\(record.count) fields"
        case .frame(let frame): return "\(frame.rowCount) x \(frame.columnCount)"
        case .string(let text): return "\(text.count) chars"
        case .function(let function): return function.signature
        case .number, .bool, .null: return Renderer.inline(value, quoted: true)
        default: return ""
        }
    }
}
