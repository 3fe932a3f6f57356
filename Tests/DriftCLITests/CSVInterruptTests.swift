// CSVInterruptTests: Ctrl-C while the REPL reads a large CSV file stops the reading (the reader polls the
// cancellation flag before every block of rows) and keeps the session's variables.
import Foundation
import Testing
import DriftTestSupport

@Suite(.serialized, .temporaryFiles) struct CSVInterruptTests {
    /// A 48 MB CSV file of numbers, which a debug build takes seconds to read. The path is short, so the
    /// command that reads it fits on the terminal's line.
    private func largeCSV() throws -> String {
        let path = "/tmp/drift-\(UUID().uuidString.prefix(8)).csv"
        FileManager.default.createFile(atPath: path, contents: Data("x,y,z\n".utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        let rows = Data(String(repeating: "1.5,-2.25,0.125\n", count: 1 << 16).utf8)
        for _ in 0..<48 { try handle.write(contentsOf: rows) }
        return path
    }

    @Test(.tags(.needsLanguage)) func ctrlCStopsReadingALargeCSVAndKeepsTheState() throws {
        let path = try largeCSV()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let history = try temporaryDirectory().appendingPathComponent("history").path
        let terminal = try PseudoTerminal(environment: ["DRIFT_HISTORY": history])
        try terminal.expect("drift> ")
        terminal.type("let kept = 7\r")
        try terminal.expect("drift> ")
        terminal.type("let big = read_csv(\"\(path)\")\r")
        try terminal.expect("read_csv(\"\(path)\")\r\n")
        Thread.sleep(forTimeInterval: 0.3)
        let pressed = ContinuousClock.now
        terminal.type("\u{3}")
        try terminal.expect("interrupted")
        let stopped = ContinuousClock.now - pressed
        try terminal.expect("drift> ")
        // Generous for a loaded machine and a debug build; reading the whole file takes several times longer.
        #expect(stopped < .seconds(1.5), "reading stopped \(stopped) after Ctrl-C")
        terminal.type("kept\r")
        try terminal.expect("7")
        terminal.type("big\r")
        try terminal.expect("'big' is used before it is defined")
    }
}
