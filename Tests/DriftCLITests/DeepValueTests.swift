// DeepValueTests (issue 20, findings 1 and 4): values nested a million levels deep are freed, printed,
// compared and refused by `json` without overflowing the native stack — mid-program, at the end of a
// script and of a notebook — and drift neither hangs nor crashes when the system refuses its large stack.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct DeepValueTests {
    static let deepList = "let x = []\nfor i in range(1000000) { x = [x] }\n"
    static let deepRecord = "let r = {a: 1}\nfor i in range(1000000) { r = {next: r} }\n"

    @Test func deepValuesAreFreedMidProgramAndAtTheEnd() throws {
        let code = Self.deepList + Self.deepRecord + """
            let y = x
            x = null
            y = null
            x = []
            for i in range(1000000) { x = [x] }
            print("freed")
            """
        let result = try DriftBinary.run(["run", try scriptFile(code)])
        #expect(result.status == 0)
        #expect(result.output == "freed\n")
        #expect(result.error == "")
    }

    @Test func deepValuesPrintCompareAndRefuseJSON() throws {
        let code = Self.deepList + """
            print(len(str(x)))
            print(x == x, x == [[1]])
            print(str({a: [1, {b: [2]}]}))
            json(x)
            """
        let result = try DriftBinary.run(["run", try scriptFile(code)])
        #expect(result.status == 1)
        #expect(result.output == "203\ntrue false\n{a: [1, {b: [2]}]}\n")
        #expect(result.error.contains("json: cannot convert to JSON: lists and records nested more than 1000 deep"))
    }

    @Test func aNotebookWithADeepValueRenders() throws {
        let script = try scriptFile(Self.deepRecord + "print(\"ok\")\n")
        let html = script.replacingOccurrences(of: ".drift", with: ".html")
        let result = try DriftBinary.run(["notebook", script, "-o", html])
        #expect(result.status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("ok"))
    }

    /// Under a virtual-memory limit the 1 GB stack cannot be made: drift falls back to a smaller one
    /// (and still stops runaway recursion with an error) instead of waiting for a thread that never ran.
    @Test func aRefusedLargeStackFallsBackInsteadOfHanging() throws {
        let binary = try DriftBinary.require()
        let limited = ["30", "prlimit", "--as=900000000", binary]
        let plain = try DriftBinary.runProgram("/usr/bin/timeout", limited + ["-e", "print(1)"])
        #expect(plain.status == 0)
        #expect(plain.output == "1\n")
        let runaway = try DriftBinary.runProgram("/usr/bin/timeout", limited + [
            "--max-depth", "1000000", "-e", "fn f(n) { 1 + f(n + 1) }\nf(0)",
        ])
        #expect(runaway.status == 1)
        #expect(runaway.error.contains("nested calls fill the stack (runaway recursion?)"))
    }
}
