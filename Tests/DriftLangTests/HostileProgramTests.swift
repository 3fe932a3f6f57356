// HostileProgramTests: programs written to break the language — unbalanced brackets, unterminated
// strings, 10,000-deep nesting (refused past 500 levels), a 10,000-term expression (and 300,000-term
// ones, refused), recursion deeper than the stack, invalid UTF-8 — and every builtin called with
// every kind of wrong argument. Each gets a value or an error, never a trap; the fuzzer's findings in
// Tests/fuzz-findings are replayed the same way.
@testable import DriftLang
import DriftCore
import Foundation
import Testing

@Suite struct HostileProgramTests {
    private func outcome(_ source: String) -> EntryOutcome {
        Session { _ in }.evaluateEntry(source)
    }

    private func error(_ source: String) -> String? {
        Session { _ in }.run(source: source, name: "hostile.drift")
    }

    @Test func unbalancedBracketsAndUnterminatedStrings() {
        for source in ["(1 + 2", "[1, 2", "{a: 1", "f(1, 2", "1 + 2)", "]", "}", "\"open", "\"a\\", "fn f( {", "if x { (", "let = 3"] {
            let report = error(source)
            #expect(report?.contains("hostile.drift:1:") == true, "\(source): \(report ?? "no error")")
        }
    }

    @Test func deepNestingIsRefusedWithAnErrorAtTheSpot() {
        let depth = 10_000
        for (open, close) in [("(", ")"), ("[", "]"), ("-", ""), ("{ ", " }"), ("f(", ")")] {
            let source = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            let report = error(source)
            #expect(report?.contains("error: nesting is too deep (more than 500 levels)") == true, "\(open): \(report ?? "no error")")
        }
        #expect(error(String(repeating: "(", count: 400) + "1" + String(repeating: ")", count: 400)) == nil)
        #expect(error(String(repeating: "{ ", count: depth))?.contains("hostile.drift:1:") == true)
    }

    @Test func aTenThousandTermExpression() {
        let terms = Array(repeating: "1", count: 10_000)
        guard case .completed(let display) = outcome(terms.joined(separator: " + ")) else {
            Issue.record("a long sum failed")
            return
        }
        #expect(display == "10000")
        guard case .completed(let product) = outcome(terms.joined(separator: " * ")) else { return }
        #expect(product == "1")
    }

    @Test func aChainTooLongToReleaseSafelyIsRefused() {
        for (start, link) in [("1", " + 1"), ("x", ".a"), ("f", "(1)"), ("1", " and 1")] {
            let source = "print(" + start + String(repeating: link, count: 300_000) + ")"
            let report = error(source)
            #expect(report?.contains("hostile.drift:1:1: error: this statement is too deeply nested (more than 20000 levels)") == true)
        }
    }

    @Test func recursionStopsBeforeTheStackEnds() {
        let session = Session(maximumCallDepth: 100_000_000) { _ in }
        let report = session.run(source: "fn d(n) { if n == 0 { 0 } else { 1 + d(n - 1) } }\nd(10000000)", name: "deep.drift")
        #expect(report?.contains("nested calls fill the stack") == true)
    }

    @Test func invalidUTF8BecomesReplacementCharactersWithPositions() {
        let bytes: [UInt8] = Array("let s = \"".utf8) + [0xFF, 0xFE] + Array("\"\nlet ".utf8) + [0xC3] + Array(" = 1\n".utf8)
        let report = error(String(decoding: bytes, as: UTF8.self))
        #expect(report?.contains("hostile.drift:2:5:") == true, "\(report ?? "no error")")
    }

    @Test func aFileThatIsNotUTF8IsReportedAtItsFirstBadByte() {
        let latin1: [UInt8] = Array("let a = 1\n# caf".utf8) + [0xE9] + Array("\nprint(a)\n".utf8)
        #expect(SourceEncoding.invalidUTF8Report(latin1, name: "old.drift")
            == "old.drift:2:6: error: the file is not UTF-8 text (byte 0xE9 here); save it as UTF-8\n  # caf\u{FFFD}\n       ^\n")
        #expect(SourceEncoding.invalidUTF8Report(Array("let é = \"ü\"".utf8), name: "ok.drift") == nil)
    }

    /// Arguments of every kind, and the awkward values of each kind.
    private static let sampleArguments = [
        "null", "0", "-1", "2.5", "1e308", "true", "\"text\"", "\"\"", "[1, 2, null]", "[]", "[\"a\", \"b\"]",
        "[true, false]", "{a: 1}", "frame", "x => x", "empty",
    ]

    @Test func everyBuiltinSurvivesEveryKindOfArgument() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-kinds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let session = Session { _ in }
        _ = session.evaluateEntry("let frame = dataframe({x: [1, 2, 3, 4], g: [\"a\", \"b\", \"a\", \"b\"], y: [true, false, true, false]})")
        _ = session.evaluateEntry("let empty = dataframe({x: []})")
        // A string argument that a builtin takes as a path lands in the scratch directory.
        let values = Self.sampleArguments.map { $0 == "\"text\"" ? "\"\(directory.path)/text\"" : $0 }
        let names = BuiltinTable.standard.names.sorted()
        var refused = 0, answered = 0
        for name in names {
            var argumentLists: [[String]] = [[]]
            argumentLists += values.map { [$0] }
            for first in values { for second in values { argumentLists.append([first, second]) } }
            for first in values { argumentLists.append([first, "frame", "\"x\""]) }
            for arguments in argumentLists {
                let call = "\(name)(\(arguments.joined(separator: ", ")))"
                switch session.evaluateEntry(call) {
                case .incomplete: Issue.record("\(call) read as incomplete")
                case .completed: answered += 1
                case .failed(let report):
                    // An error about this call, at this call, naming the builtin — not a stray failure.
                    let firstLine = report.prefix { $0 != "\n" }
                    #expect(firstLine.hasPrefix("<repl>:1:") && firstLine.contains(": error: "), "\(call): \(report)")
                    #expect(report.contains(name), "\(call): the error does not name \(name): \(report)")
                    refused += 1
                }
            }
        }
        // Most calls with arbitrary arguments are refused, and every builtin accepts some of them.
        #expect(refused > answered && answered > names.count)
    }

    /// Each finding runs as the fuzzer runs an input (call depth 200, cancelled after a time budget) and
    /// must give what its `# expect: …` / `# expect error: …` comments say, as a golden script does, well
    /// within the budget: a finding that traps again crashes the test run, one that hangs fails here.
    @Test func fuzzFindingsStayFixed() throws {
        let findings = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fuzz-findings")
        let files = try FileManager.default.contentsOfDirectory(at: findings, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" && !$0.isDirectory }
        #expect(files.count >= 4)
        for file in files {
            let name = file.lastPathComponent
            let source = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(source.hasPrefix("# Found"), "\(name) does not start with a '# Found…' line saying what it found")
            let expected = Expectations(source: source)
            Cancellation.reset()
            let budget = DispatchWorkItem { Cancellation.request() }
            DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: budget)
            defer { budget.cancel() }
            let capture = OutputCapture()
            let session = Session(maximumCallDepth: 200) { capture.text += $0 }
            let start = ContinuousClock.now
            _ = session.check(source: source, name: name)
            let report = session.run(source: source, name: name)
            #expect(ContinuousClock.now - start < .seconds(10), "\(name) took \(ContinuousClock.now - start)")
            var lines = capture.text.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            #expect(lines == expected.output, "output of \(name)")
            if let (message, _) = expected.error {
                let firstLine = report?.components(separatedBy: "\n")[0] ?? "no error"
                #expect(firstLine.hasSuffix("error: \(message)"), "\(name): got \(firstLine)")
            } else {
                #expect(report == nil, "\(name) failed:\n\(report ?? "")")
            }
        }
    }
}

private extension URL {
    /// The findings of the other fuzz targets sit in folders beside the programs (Tests/fuzz-findings/csv/ …).
    var isDirectory: Bool { (try? resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
}
