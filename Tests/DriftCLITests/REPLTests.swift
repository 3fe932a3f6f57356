// REPLTests: the loop's mechanics with a fake session and scripted input: multi-line entries, results and
// errors, Ctrl-C, `exit`, commands, `:save`/`:load`/`:time`, and what Tab completion asks the session.
import Foundation
import Testing
@testable import drift
import DriftTestSupport

@Suite(.serialized, .temporaryFiles) struct REPLTests {  // serialized: Cancellation is process-wide
    @Test func multiLineEntryIsEvaluatedAndRememberedAsOneItem() {
        let session = FakeSession()
        let (_, editor, captured) = runREPL(["fn f() {", "  1", "}", "f()"], session: session)
        #expect(editor.prompts == [REPL.prompt, REPL.continuationPrompt, REPL.continuationPrompt, REPL.prompt, REPL.prompt])
        #expect(editor.remembered == ["fn f() {\n  1\n}", "f()"])
        #expect(session.evaluated == ["fn f() {\n  1\n}", "f()"])
        #expect(captured.output == "=> fn f() {\n  1\n}\n=> f()\n")
    }

    @Test func errorsGoToStandardErrorAndTheLoopGoesOn() {
        let (repl, _, captured) = runREPL(["boom", "after"])
        #expect(captured.errors == "error: boom\n")
        #expect(captured.output == "=> after\n")
        #expect(repl.transcript == ["after"])
    }

    @Test func blankLinesAreSkipped() {
        let session = FakeSession()
        let (_, editor, _) = runREPL(["", "   ", "x"], session: session)
        #expect(session.evaluated == ["x"])
        #expect(editor.remembered == ["x"])
    }

    @Test func ctrlCDropsTheUnfinishedEntry() {
        let session = FakeSession()
        let (_, editor, captured) = runREPL(
            inputs: [.line("if x {"), .interrupted(partial: "1 +"), .line("y")], session: session)
        #expect(session.evaluated == ["y"])
        #expect(editor.prompts == [REPL.prompt, REPL.continuationPrompt, REPL.prompt, REPL.prompt])
        #expect(!captured.output.contains(REPL.exitHint))
    }

    @Test func ctrlCOnAnEmptyPromptSaysHowToExit() {
        let (_, _, captured) = runREPL(inputs: [.interrupted(partial: "")])
        #expect(captured.output == REPL.exitHint + "\n")
    }

    @Test func exitEndsTheLoopWithItsCodeOnceTheEntryIsInTheHistory() {
        let session = FakeSession()
        let editor = ScriptedEditor(["a", "exit(3)", "never"].map(LineInput.line))
        let repl = REPL(session: session, editor: editor, console: CapturedConsole().console)
        #expect(repl.run() == 3)
        #expect(session.evaluated == ["a", "exit(3)"])
        #expect(editor.remembered == ["a", "exit(3)"])
    }

    @Test func anInterruptedEvaluationSaysSoAndKeepsGoing() {
        let (repl, _, captured) = runREPL(["slow", "next"])
        #expect(captured.errors == "interrupted\n")
        #expect(captured.output == "=> next\n")
        #expect(repl.transcript == ["next"])
    }

    @Test func cellsRunOneAtATimeAndSaveWithTheirMarkers() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-cells-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("steps.drift").path
        let saved = directory.appendingPathComponent("saved.drift").path
        try "# %% [markdown]\n# Intro\n# %% load\nlet a = 1\nlet b = 2\n# %% show\na + 1\n".write(toFile: script, atomically: true, encoding: .utf8)
        let session = FakeSession()
        let (repl, _, captured) = runREPL([":cell \(script)", ":cell", "typed", ":cell", ":save \(saved)"], session: session)
        #expect(session.ran.map(\.source) == ["let a = 1\nlet b = 2", "a + 1"])
        // Each cell's code is shown as if typed at the prompt, then its output.
        #expect(captured.output.contains(
            "Intro\n[cell 2 of 3: load]\ndrift> let a = 1\n  ...> let b = 2\nran line 4\n[cell 3 of 3: show]\ndrift> a + 1\nran line 7\n"))
        #expect(captured.output.contains("no more cells in \(script)"))
        #expect(repl.transcript.count == 4)
        let text = try String(contentsOfFile: saved, encoding: .utf8)
        #expect(text == "# %% [markdown]\n# Intro\n\n# %% load\nlet a = 1\nlet b = 2\n\n# %% show\na + 1\n\n# %%\ntyped\n")
    }

    @Test func cellWithoutAnOpenScriptSaysHowToStart() {
        let (_, _, captured) = runREPL([":cell"])
        #expect(captured.errors == "no script is open: use :cell FILE first\n")
    }

    @Test func quitEndsTheLoop() {
        for quit in [":quit", ":q", "  :q  "] {
            let session = FakeSession()
            _ = runREPL([quit, "never"], session: session)
            #expect(session.evaluated.isEmpty)
        }
    }

    @Test func helpOverviewAndNames() {
        let (_, editor, captured) = runREPL([":help", "?mean", ":help mean", "?nothing"])
        #expect(captured.output.contains(":save FILE"))
        #expect(captured.output.components(separatedBy: "mean(xs): the arithmetic mean").count == 3)
        #expect(captured.errors == "no help for 'nothing'\n")
        #expect(editor.remembered == [":help", "?mean", ":help mean", "?nothing"])
    }

    @Test func unknownCommandSuggestsTheClosest() {
        let (_, _, captured) = runREPL([":hlep", ":xyzzy", ":save"])
        #expect(captured.errors.contains("unknown command ':hlep'; did you mean :help?"))
        #expect(captured.errors.contains("unknown command ':xyzzy' (:help lists the commands)"))
        #expect(captured.errors.contains("usage: :save FILE"))
    }

    @Test func varsWithNoVariables() {
        let (_, _, captured) = runREPL([":vars"])
        #expect(captured.output == "no variables\n")
    }

    @Test func saveWritesTheEntriesThatRanAsAScript() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("session.drift").path
        let (_, _, captured) = runREPL(["let a = 1", "boom", "fn f() {", "a", "}", ":vars", ":save \(path)"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "let a = 1\nfn f() {\na\n}\n")
        #expect(captured.output.hasSuffix("saved 2 entries to \(path)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["session.drift"])
    }

    @Test func saveReportsAFileThatCannotBeWritten() {
        let (_, _, captured) = runREPL([":save /nonexistent-dir/x.drift"])
        #expect(captured.errors.hasPrefix("cannot write '/nonexistent-dir/x.drift'"))
    }

    @Test func loadRunsTheFileInTheSessionAndKeepsItForSave() throws {
        let directory = try temporaryDirectory()
        let script = directory.appendingPathComponent("defs.drift").path
        let saved = directory.appendingPathComponent("saved.drift").path
        try "fn g() { 2 }\n".write(toFile: script, atomically: true, encoding: .utf8)
        let session = FakeSession()
        let (_, _, captured) = runREPL([":load \(script)", ":load /no/such.drift", "g()", ":save \(saved)"], session: session)
        #expect(session.ran.map(\.name) == [script])
        #expect(session.ran.first?.source == "fn g() { 2 }\n")
        #expect(captured.errors == "cannot read '/no/such.drift': no such file\n")
        #expect(try String(contentsOfFile: saved, encoding: .utf8) == "fn g() { 2 }\n\ng()\n")
    }

    @Test func loadReportsTheScriptsError() throws {
        let script = try temporaryDirectory().appendingPathComponent("bad.drift").path
        try "boom\n".write(toFile: script, atomically: true, encoding: .utf8)
        let (repl, _, captured) = runREPL([":load \(script)"])
        #expect(captured.errors == "error: boom\n")
        #expect(repl.transcript.isEmpty)
    }

    @Test func timePrintsTheDisplayThenTheElapsedTime() {
        let (_, _, captured) = runREPL([":time 1 + 2"])
        let lines = captured.output.split(separator: "\n")
        #expect(lines.first == "=> 1 + 2")
        #expect(lines.last?.hasPrefix("time: ") == true)
    }

    @Test func completionOfCommandsAndCodeArguments() throws {
        let session = FakeSession()
        session.candidates = ["mean", "median"]
        let (repl, editor, _) = runREPL([], session: session)
        defer { withExtendedLifetime(repl) {} }
        let complete = try #require(editor.provider)
        #expect(complete(":s", 2) == [":save"])
        #expect(complete(":", 1) == CommandInfo.all.map { ":" + $0.name })
        #expect(complete("x = me", 6) == ["mean", "median"])
        #expect(complete("?me", 3) == ["mean", "median"])
        #expect(complete(":help me", 8) == ["mean", "median"])
        #expect(session.completionRequests.map(\.line) == ["x = me", "me", "me"])
        #expect(session.completionRequests.map(\.cursor) == [6, 2, 2])
    }
}
