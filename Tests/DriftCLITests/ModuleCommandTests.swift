// ModuleCommandTests: the command line with imports and exit — `drift check` follows imports (and runs
// nothing), imports are relative to the importing file wherever drift is started from, and `exit(code)`
// sets the status of `drift run`, `drift -e`, standard input, the REPL and `drift notebook`.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct ModuleCommandTests {
    /// A directory with main.drift importing lib/helpers.drift, which imports util.drift beside it.
    private func project(helpers: String = "import \"util.drift\"\nprint(\"helpers ran\")\nfn double(x) { twice(x) }\n") throws -> URL {
        let root = try temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try "import \"lib/helpers.drift\"\nprint(double(21))\n".write(to: root.appendingPathComponent("main.drift"), atomically: true, encoding: .utf8)
        try helpers.write(to: root.appendingPathComponent("lib/helpers.drift"), atomically: true, encoding: .utf8)
        try "fn twice(x) { 2 * x }\n".write(to: root.appendingPathComponent("lib/util.drift"), atomically: true, encoding: .utf8)
        return root
    }

    @Test(.tags(.needsLanguage)) func importsAreRelativeToTheImportingFileWhereverDriftStarts() throws {
        let root = try project()
        let result = try DriftBinary.run(["run", root.appendingPathComponent("main.drift").path], in: URL(fileURLWithPath: "/"))
        #expect(result.error == "")
        #expect(result.output == "helpers ran\n42\n")
        #expect(result.status == 0)
    }

    @Test(.tags(.needsLanguage)) func checkFollowsImportsAndRunsNothing() throws {
        let root = try project()
        let clean = try DriftBinary.run(["check", "main.drift"], in: root)
        #expect(clean.status == 0)
        #expect(clean.output == "", "check ran the module")
        #expect(clean.error == "")

        let broken = try project(helpers: "fn double(x) { twice(x) }\nlet = 1\n")
        let result = try DriftBinary.run(["check", "main.drift"], in: broken)
        #expect(result.status == 1)
        #expect(result.error.contains("lib/helpers.drift:2:5: error: expected a variable name after 'let' but found '='"))
        #expect(result.error.contains("imported from main.drift:1:8"))
        #expect(result.error.contains("lib/helpers.drift:1:16: error: unknown name 'twice'"))
    }

    @Test(.tags(.needsLanguage)) func theReplImportsRelativeToTheWorkingDirectory() throws {
        let root = try project()
        let result = try DriftBinary.run(["repl"], input: "import \"lib/helpers.drift\" as h\nh.double(4)\n", in: root)
        #expect(result.error == "")
        #expect(result.output == "helpers ran\n8\n")
    }

    @Test(.tags(.needsLanguage)) func runExitsWithTheCodeAfterItsOutput() throws {
        let path = try scriptFile("print(\"report written\")\nif true { exit(3) }\nprint(\"never\")\n")
        let result = try DriftBinary.run(["run", path])
        #expect(result.status == 3)
        #expect(result.output == "report written\n")
        #expect(result.error == "")
        let early = try DriftBinary.run(["run", try scriptFile("exit(0)\nprint(\"never\")\n")])
        #expect(early.status == 0)
        #expect(early.output == "")
    }

    @Test(.tags(.needsLanguage)) func snippetsAndStandardInputExitWithTheCode() throws {
        let snippet = try DriftBinary.run(["-e", "print(1); exit(4)"])
        #expect(snippet.status == 4)
        #expect(snippet.output == "1\n")
        #expect(try DriftBinary.run([], input: "exit(5)\n").status == 5)
        let refused = try DriftBinary.run(["-e", "exit(300)"])
        #expect(refused.status == 1)
        #expect(refused.error.contains("exit: argument 'code' must be a whole number from 0 to 255, got 300"))
    }

    @Test(.tags(.needsLanguage)) func exitLeavesTheReplWithItsCode() throws {
        let result = try DriftBinary.run(["repl"], input: "print(1)\nexit(6)\nprint(2)\n")
        #expect(result.status == 6)
        #expect(result.output == "1\n")
    }

    @Test(.tags(.needsLanguage)) func aNotebookStopsAtExitAndIsWrittenWithTheCellsRunSoFar() throws {
        let root = try temporaryDirectory()
        let script = root.appendingPathComponent("job.drift")
        let page = root.appendingPathComponent("job.md")
        try "# %%\nprint(\"first\")\n# %%\nexit(2)\n# %%\nprint(\"third\")\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try DriftBinary.run(["notebook", script.path, "-o", page.path])
        #expect(result.status == 2)
        let markdown = try String(contentsOf: page, encoding: .utf8)
        #expect(markdown.contains("first"))
        #expect(markdown.contains("*Stopped by exit(2); 1 later cell not run.*"))
        #expect(!markdown.contains("third\n```"), "the cell after exit ran")
    }

    @Test(.tags(.needsLanguage)) func aFailedCellTurnsANotebooksExitZeroIntoOne() throws {
        let root = try temporaryDirectory()
        let script = root.appendingPathComponent("job.drift")
        try "# %%\n1 + {}\n# %%\nexit(0)\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try DriftBinary.run(["notebook", "--keep-going", script.path, "-o", root.appendingPathComponent("job.html").path])
        #expect(result.status == 1)
        #expect(result.error.contains("cannot apply '+' to number and record"))
    }
}
