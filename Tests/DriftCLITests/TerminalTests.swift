// TerminalTests: the REPL on a pseudo-terminal, as a person types: prompt, history file and up-arrow
// recall, Tab completion, Ctrl-C at the prompt, Ctrl-D and :quit. Work with the stub language.
import Foundation
import Testing
import DriftTestSupport

@Suite(.serialized, .temporaryFiles) struct TerminalTests {
    private let historyPath: String

    init() throws {
        historyPath = try temporaryDirectory().appendingPathComponent("history").path
    }

    private func start() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(environment: ["DRIFT_HISTORY": historyPath])
        try terminal.expect("drift> ")
        return terminal
    }

    private func history() -> String {
        (try? String(contentsOfFile: historyPath, encoding: .utf8)) ?? ""
    }

    @Test func quitExitsWithStatusZero() throws {
        let terminal = try start()
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlDOnAnEmptyLineExits() throws {
        let terminal = try start()
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func eachEntryIsAppendedToTheHistoryFileAtOnce() throws {
        let terminal = try start()
        terminal.type("let a = 1\r")
        try terminal.expect("drift> ")
        #expect(history().hasSuffix("\nlet a = 1\n"))
        terminal.type(":vars\r")
        try terminal.expect("a     number  1")
        #expect(history().hasSuffix("\n:vars\n"))
        #expect(history().contains("\nlet a = 1\n#"))
        terminal.type(":q\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func upArrowRecallsByPrefixAcrossSessions() throws {
        try "#1\nlet alpha = 1\n#2\n:vars\n".write(toFile: historyPath, atomically: true, encoding: .utf8)
        let terminal = try start()
        terminal.type("\u{1B}[A")  // up: the latest entry
        try terminal.expect(":vars")
        terminal.type("\u{15}let\u{1B}[A")  // Ctrl-U clears; up after `let`: the latest starting with it
        try terminal.expect("alpha = 1")
        terminal.type("\r")
        try terminal.expect("drift> ")
        #expect(history().hasSuffix("\nlet alpha = 1\n"))
    }

    @Test func tabCompletesCommands() throws {
        let terminal = try start()
        terminal.type(":qu\t")
        try terminal.expect("it")
        terminal.type("\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCClearsTheLineAndKeepsTheREPL() throws {
        let terminal = try start()
        terminal.type("let unfinished")
        try terminal.expect("unfinished")
        terminal.type("\u{3}")
        let cleared = try terminal.expect("drift> ")
        #expect(cleared.contains("^C"))
        #expect(!cleared.contains("(use :quit or Ctrl-D to exit)"))
        terminal.type("\u{3}")
        try terminal.expect("(use :quit or Ctrl-D to exit)")
        try terminal.expect("drift> ")
        #expect(!history().contains("unfinished"))
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func unknownCommandSuggestion() throws {
        let terminal = try start()
        terminal.type(":hepl\r")
        try terminal.expect("did you mean :help?")
        terminal.type(":q\r")
        #expect(try terminal.waitForExit() == 0)
    }
}

/// Needs the real language (fails against the stub `Session`): values, multi-line entries, completion of
/// names and stopping a running loop with Ctrl-C.
@Suite(.serialized, .temporaryFiles) struct LanguageTerminalTests {
    private func start() throws -> PseudoTerminal {
        let history = try temporaryDirectory().appendingPathComponent("history").path
        let terminal = try PseudoTerminal(environment: ["DRIFT_HISTORY": history])
        try terminal.expect("drift> ")
        return terminal
    }

    @Test(.tags(.needsLanguage)) func showsValues() throws {
        let terminal = try start()
        terminal.type("1 + 2\r")
        try terminal.expect("3")
        try terminal.expect("drift> ")
    }

    @Test(.tags(.needsLanguage)) func multiLineEntryUsesTheContinuationPrompt() throws {
        let terminal = try start()
        terminal.type("fn twice(x) {\r")
        try terminal.expect("  ...> ")
        terminal.type("x * 2\r}\rtwice(21)\r")
        try terminal.expect("42")
    }

    @Test(.tags(.needsLanguage)) func ctrlCStopsARunningLoopAndKeepsTheState() throws {
        let terminal = try start()
        terminal.type("let kept = 7\r")
        try terminal.expect("drift> ")
        terminal.type("while true { }\r")
        try terminal.expect("while true { }\r\n")
        Thread.sleep(forTimeInterval: 0.3)
        terminal.type("\u{3}")
        try terminal.expect("interrupted")
        try terminal.expect("drift> ")
        terminal.type("kept\r")
        try terminal.expect("7")
    }

    @Test(.tags(.needsLanguage)) func tabCompletesVariables() throws {
        let terminal = try start()
        terminal.type("let threshold_value = 5\r")
        try terminal.expect("drift> ")
        terminal.type("thresh\t\r")
        try terminal.expect("5")
    }
}
