// ReplSession: the part of `DriftLang.Session` the REPL uses, as a protocol so tests can drive the REPL
// with a scripted fake.
import DriftLang

protocol ReplSession: AnyObject {
    /// Terminal columns that displayed values (tables, charts) fit in.
    var displayWidth: Int { get set }
    /// The code an entry passed to `exit`, which ends the REPL; nil until then.
    var exitStatus: Int32? { get }
    func run(source: String, name: String) -> String?
    func evaluateEntry(_ text: String) -> EntryOutcome
    func completions(line: String, cursor: Int) -> [String]
    func help(_ name: String?) -> String?
    func variables() -> [VariableSummary]
    func runCell(_ source: String, name: String, path: String?, firstLine: Int) -> [CellOutput]
}

extension Session: ReplSession {}
