// NothingLostTests: a process killed in the middle of writing a file leaves the old file or the whole
// new one, never a torn one; two REPLs typing at once both keep every entry in one history file.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct NothingLostTests {
    /// Kills `write_csv` of 2,000,000 rows after each delay, and once as soon as its temporary file
    /// appears (nil), so that at least one kill lands mid-write however loaded the machine is.
    @Test func killedMidWriteLeavesTheOldFileOrTheWholeNewOne() throws {
        var killedMidWrite = 0
        for delay in [nil, 0.15, 0.4, 0.7, 1.0, 1.4, 2.0] {
            let directory = try temporaryDirectory()
            let target = directory.appendingPathComponent("table.csv")
            let original = "a\nold\n"
            try original.write(to: target, atomically: true, encoding: .utf8)
            let rows = 2_000_000
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try DriftBinary.require())
            process.arguments = ["-e", "write_csv(dataframe({a: range(\(rows))}), \"\(target.path)\")"]
            try process.run()
            if let delay {
                Thread.sleep(forTimeInterval: delay)
            } else {
                let deadline = Date().addingTimeInterval(60)
                while Date() < deadline, process.isRunning,
                      !((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).contains(where: { $0.hasPrefix("table.csv.tmp-") }) {
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            if names.contains(where: { $0.hasPrefix("table.csv.tmp-") }) { killedMidWrite += 1 }
            let text = try String(contentsOf: target, encoding: .utf8)
            if text != original {
                // The new file: every row, in order, to the last.
                #expect(text.hasPrefix("a\n0\n1\n2\n"))
                #expect(text.hasSuffix("\n\(rows - 1)\n"))
                #expect(text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } == rows + 1)
            }
        }
        #expect(killedMidWrite > 0)
    }

    @Test(.tags(.needsLanguage)) func twoREPLsAtOnceKeepEveryEntryOfBoth() throws {
        let history = try temporaryDirectory().appendingPathComponent("history").path
        let first = try PseudoTerminal(environment: ["DRIFT_HISTORY": history])
        let second = try PseudoTerminal(environment: ["DRIFT_HISTORY": history])
        try first.expect("drift> ")
        try second.expect("drift> ")
        for index in 0..<25 {
            first.type("let a\(index) = \(index)\r")
            second.type("fn b\(index)() {\r\(index)\r}\r")
            try first.expect("drift> ")
            try second.expect("drift> ")
        }
        first.type(":quit\r")
        second.type(":quit\r")
        #expect(try first.waitForExit() == 0)
        #expect(try second.waitForExit() == 0)

        let text = try String(contentsOfFile: history, encoding: .utf8)
        for index in 0..<25 {
            #expect(text.contains("\nlet a\(index) = \(index)\n"))
            #expect(text.contains("\nfn b\(index)() {\n\(index)\n}\n"))
        }
        // Whole records only: every entry follows its own timestamp line.
        let records = text.components(separatedBy: "\n#").count
        #expect(records == 25 * 2 + 2)  // + each REPL's :quit
    }
}
