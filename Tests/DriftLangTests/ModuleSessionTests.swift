// ModuleSessionTests: imports and exit across the entries of one session, as the REPL uses it — a module
// runs once however often it is imported, its own globals stay out of `:vars` and completion, a module
// whose code failed runs again at the next import, `check` resolves imports without running them, and
// `exit` is recorded rather than ending anything.
import DriftLang
import Foundation
import Testing

@Suite struct ModuleSessionTests {
    /// A session based in the golden scripts' folder, so `modules/lib/…` and `errors/lib/…` resolve.
    private func session(_ capture: OutputCapture) -> Session {
        Session(baseDirectory: GoldenScript.root.path) { capture.text += $0 }
    }

    @Test func aModuleRunsOnceAcrossEntriesAndKeepsItsOwnNamesToItself() {
        let printed = OutputCapture()
        let session = session(printed)
        for entry in ["import \"modules/lib/helpers.drift\"", "import \"modules/lib/helpers.drift\" as h", "scale(2) + h.scale(1)"] {
            guard case .completed = session.evaluateEntry(entry) else {
                Issue.record("\(entry) failed")
                return
            }
        }
        #expect(printed.text == "helpers loaded\n")
        let names = session.variables().map(\.name)
        #expect(names.contains("scale") && names.contains("h") && names.contains("factor"))
        #expect(!names.contains("range_of"), "a module's own import leaked into the session: \(names)")
        #expect(session.completions(line: "range_", cursor: 6).isEmpty)
    }

    @Test func aModuleWhoseCodeFailedRunsAgainAtTheNextImport() {
        let printed = OutputCapture()
        let session = session(printed)
        for _ in 0..<2 {
            guard case .failed(let report) = session.evaluateEntry("import \"errors/lib/fails.drift\"") else {
                Issue.record("the import should fail")
                return
            }
            #expect(report.contains("errors/lib/fails.drift:3:16: error: cannot apply '+' to number and record"))
            #expect(report.contains("imported from <repl>:1:8"))
        }
        #expect(printed.text == "fails.drift starts\nfails.drift starts\n")
    }

    @Test func checkResolvesImportsWithoutRunningThem() {
        let printed = OutputCapture()
        #expect(session(printed).check(source: "import \"modules/lib/helpers.drift\"\nscale(1)\n", name: "<check>").isEmpty)
        #expect(printed.text == "")
        let diagnostics = session(printed).check(source: "import \"modules/lib/helpers.drift\"\nrange_of(1)\n", name: "<check>")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("<check>:2:1: error: unknown name 'range_of'") == true)
    }

    @Test func exitIsRecordedAndTheSessionGoesOn() {
        let printed = OutputCapture()
        let session = session(printed)
        #expect(session.exitStatus == nil)
        guard case .completed(let display) = session.evaluateEntry("print(\"before\"); exit(7); print(\"after\")") else {
            Issue.record("exit is not an error")
            return
        }
        #expect(display == nil)
        #expect(session.exitStatus == 7)
        #expect(printed.text == "before\n")
        guard case .completed(let next) = session.evaluateEntry("1 + 1") else { return }
        #expect(next == "2")
    }
}
