// Session: the REPL entry points (incomplete input, displays, errors that leave state intact),
// `check` reporting every error, completion and help.
import DriftLang
import Foundation
import Testing

private func display(_ session: Session, _ entry: String) -> String? {
    if case .completed(let display) = session.evaluateEntry(entry) { return display }
    return nil
}

@Test func incompleteEntriesAskForMoreLines() {
    let session = Session { _ in }
    for entry in ["fn f(x) {", "[1, 2,", "(1 +", "1 +", "\"open string", "if true {\n  1\n} else {"] {
        guard case .incomplete = session.evaluateEntry(entry) else {
            Issue.record("\(entry) should be incomplete")
            continue
        }
    }
    guard case .failed = session.evaluateEntry("1 + )") else {
        Issue.record("a real syntax error is not incomplete")
        return
    }
}

@Test func entriesShowTheirValueUnlessLetOrSemicolon() {
    let session = Session { _ in }
    #expect(display(session, "1 + 2") == "3")
    #expect(display(session, "let x = 5") == nil)
    #expect(display(session, "x * 2;") == nil)
    #expect(display(session, "x = 7") == nil)
    #expect(display(session, "x") == "7")
    #expect(display(session, "\"text\"") == "\"text\"")
    #expect(display(session, "print(1)") == nil)
    #expect(display(session, "[1, 2] * 3") == "[3, 6]")
    #expect(display(session, "_ + 1") == "[4, 7]")
}

@Test func errorsLeaveEarlierStateIntact() {
    var printed = ""
    let session = Session { printed += $0 }
    _ = session.evaluateEntry("let kept = [1, 2, 3]")
    guard case .failed(let report) = session.evaluateEntry("kept + {a: 1}") else {
        Issue.record("expected an error")
        return
    }
    #expect(report.hasPrefix("<repl>:1:6: error: cannot apply '+' to numeric vector and record"))
    #expect(report.contains("  kept + {a: 1}\n       ^\n"))
    #expect(display(session, "kept") == "[1, 2, 3]")
}

@Test func runtimeErrorsInsideFunctionsShowTheCallStack() throws {
    let session = Session { _ in }
    let source = "fn inner(x) { x + {} }\nfn outer(y) { inner(y) }\nouter(1)\n"
    let report = try #require(session.run(source: source, name: "stack.drift"))
    #expect(report == """
        stack.drift:1:17: error: cannot apply '+' to number and record
          fn inner(x) { x + {} }
                          ^
          in inner, called at stack.drift:2:15
          in outer, called at stack.drift:3:1

        """)
}

@Test func checkReportsEveryError() {
    let session = Session { _ in }
    let diagnostics = session.check(source: "let a = 1 + * 2\nprint(mena(2))\nbreak\nfn f() { undefined_thing }\n", name: "bad.drift")
    #expect(diagnostics.count == 4, "\(diagnostics)")
    #expect(diagnostics.contains { $0.contains("bad.drift:2:7: error: unknown name 'mena' (did you mean 'mean'?)") })
    #expect(diagnostics.contains { $0.contains("bad.drift:3:1: error: 'break' outside a loop") })
    #expect(diagnostics.contains { $0.contains("bad.drift:4:10: error: unknown name 'undefined_thing'") })
}

@Test func checkAcceptsAValidProgramWithoutRunningIt() {
    var printed = ""
    let session = Session { printed += $0 }
    #expect(session.check(source: "print(1)\nfn f() { g() }\nfn g() { 1 }\n", name: "ok.drift").isEmpty)
    #expect(printed.isEmpty)
}

@Test func completionOffersNamesFieldsAndColumns() {
    let session = Session { _ in }
    _ = session.evaluateEntry("let record_value = {alpha: 1, beta: {gamma: 2}}")
    _ = session.evaluateEntry("let frame = dataframe({income: [1, 2], index: [3, 4]})")
    #expect(session.completions(line: "record_v", cursor: 8) == ["record_value"])
    #expect(session.completions(line: "print(quan", cursor: 10) == ["quantile"])
    #expect(session.completions(line: "record_value.al", cursor: 15) == ["record_value.alpha"])
    #expect(session.completions(line: "record_value.beta.g", cursor: 19) == ["record_value.beta.gamma"])
    #expect(session.completions(line: "frame.in", cursor: 8) == ["frame.income", "frame.index"])
}

@Test func completionOffersPathsInsideStrings() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-completion-\(getpid())")
    try FileManager.default.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    FileManager.default.createFile(atPath: directory.appendingPathComponent("data/sales-2024.csv").path, contents: Data())
    let session = Session { _ in }
    let line = "read_csv(\"\(directory.path)/da"
    #expect(session.completions(line: line, cursor: line.utf8.count) == ["da" + "ta/"])
    // The editor's word starts after the last break character ('-' here), so candidates continue from it.
    let file = "read_csv(\"\(directory.path)/data/sales-2"
    #expect(session.completions(line: file, cursor: file.utf8.count) == ["2024.csv\""])
}

@Test func helpCoversBuiltinsWithExamples() throws {
    let session = Session { _ in }
    let help = try #require(session.help("quantile"))
    #expect(help.hasPrefix("quantile(v, q)"))
    #expect(help.contains("Example:"))
    #expect(session.help("qantile")?.contains("did you mean 'quantile'?") == true)
}

@Test func variablesListUserDefinitionsOnly() {
    let session = Session { _ in }
    _ = session.evaluateEntry("let v = [1, 2, 3]")
    _ = session.evaluateEntry("fn f(a, b) { a }")
    let variables = session.variables()
    #expect(variables.map(\.name) == ["v", "f"])
    #expect(variables.first?.kind == "numeric vector")
    #expect(variables.first?.size == "3 values")
}

@Test func deepRecursionIsAnErrorNotACrash() throws {
    let session = Session { _ in }
    let report = try #require(session.run(source: "fn down(n) { down(n + 1) }\ndown(0)\n", name: "deep.drift"))
    #expect(report.contains("too deep"))
    #expect(report.contains("more calls"))
}

@Test func deeplyNestedInputIsAnError() throws {
    let session = Session { _ in }
    let nested = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let report = try #require(session.run(source: nested, name: "nested.drift"))
    #expect(report.contains("nesting is too deep"))
    let long = "print(" + Array(repeating: "1", count: 10_000).joined(separator: " + ") + ")\n"
    var printed = ""
    let counting = Session { printed += $0 }
    #expect(counting.run(source: long, name: "long.drift") == nil)
    #expect(printed == "10000\n")
}


@Test func aScriptsLocationIsAbsoluteWithDotComponentsResolved() {
    #expect(Session.scriptLocation("/data/jobs/../scripts/./check.drift") == ("/data/scripts/check.drift", "/data/scripts"))
    #expect(Session.scriptLocation("/check.drift") == ("/check.drift", "/"))
    #expect(Session.scriptLocation("//data//check.drift") == ("/data/check.drift", "/data"))
    #expect(Session.scriptLocation("/../check.drift") == ("/check.drift", "/"))
    let working = FileManager.default.currentDirectoryPath
    let relative = Session.scriptLocation("examples/../examples/./quickstart.drift")
    #expect(relative.path == URL(fileURLWithPath: working + "/examples/quickstart.drift").standardizedFileURL.path)
    #expect(relative.directory == URL(fileURLWithPath: working + "/examples").standardizedFileURL.path)
}
