// HistoryTests: where the history file is, and that entries appended to it (multi-line ones included)
// come back from readline as the same items.
import CReadline
import Foundation
import Testing
@testable import drift
import DriftTestSupport

@Suite(.temporaryFiles) struct HistoryTests {
    @Test func path() {
        #expect(History.defaultPath(environment: ["DRIFT_HISTORY": "/tmp/h", "HOME": "/home/u"]) == "/tmp/h")
        #expect(History.defaultPath(environment: ["HOME": "/home/u"]) == "/home/u/.drift_history")
        #expect(History.defaultPath(environment: [:]) == nil)
    }

    @Test func appendedEntriesReloadAsTheSameItems() throws {
        let path = try temporaryDirectory().appendingPathComponent("history").path
        let history = History(path: path)
        let entries = ["let a = 1", "fn f() {\n  a\n}", ":vars"]
        for entry in entries { history.append(entry, at: Date(timeIntervalSince1970: 1_700_000_000)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            == entries.map { "#1700000000\n\($0)\n" }.joined())

        clear_history()
        history.load()
        defer { clear_history() }
        let list = history_list()
        let loaded = (0..<entries.count).compactMap { list?[$0].map { String(cString: $0.pointee.line) } }
        #expect(loaded == entries)
    }
}
