// ShellHandlerTests: the shell channel's requests answered over a real Session, with the messages the
// kernel would send recorded instead of sent — execution and its IOPub outputs, rich MIME bundles,
// errors with the caret, completion, inspection, is_complete, history, comm info and shutdown.
import DriftLang
import Foundation
import Testing
@testable import DriftKernel

@Suite struct ShellHandlerTests {
    let outlet = RecordingOutlet()
    let handler: ShellHandler

    init() {
        handler = ShellHandler(session: Session { _ in }, codec: WireCodec(key: "k"), outlet: outlet)
    }

    /// Runs `code` and returns the execute reply's content.
    @discardableResult
    func execute(_ code: String, silent: Bool = false) -> [String: Any] {
        handler.handle(request("execute_request", ["code": code, "silent": silent]))
        return outlet.replies.last?.content ?? [:]
    }

    @Test func executeFramesOutputsWithBusyAndIdleAndCountsCells() throws {
        let reply = execute("let x = 41\nprint(\"hello, world\")\nx + 1")
        #expect(reply["status"] as? String == "ok")
        #expect(reply["execution_count"] as? Int == 1)
        let types = outlet.messages.map(\.type)
        #expect(types == ["status", "execute_input", "stream", "execute_result", "execute_reply", "status"])
        let statuses = outlet.messages.filter { $0.type == "status" }.map { $0.content["execution_state"] as? String }
        #expect(statuses == ["busy", "idle"])
        let stream = try #require(outlet.outputs.first { $0.type == "stream" })
        #expect(stream.content["name"] as? String == "stdout")
        #expect(stream.content["text"] as? String == "hello, world\n")
        let result = try #require(outlet.outputs.first { $0.type == "execute_result" })
        #expect((result.content["data"] as? [String: String])?["text/plain"] == "42")
        // The reply goes back to the sender.
        #expect(outlet.replies.last?.message.identities == [Data("client".utf8)])
        // Variables persist between cells.
        execute("x * 2")
        #expect((outlet.outputs.last?.content["data"] as? [String: String])?["text/plain"] == "82")
        #expect(outlet.replies.last?.content["execution_count"] as? Int == 2)
    }

    @Test func repliesNameTheirRequestAsParent() throws {
        let asked = request("kernel_info_request", id: "ask-1")
        handler.handle(asked)
        #expect(outlet.messages.count == 3)
        #expect(outlet.messages.allSatisfy { $0.message.parentHeader == asked.rawHeader })
        let info = try #require(outlet.replies.first?.content)
        #expect(info["protocol_version"] as? String == "5.3")
        let language = try #require(info["language_info"] as? [String: String])
        #expect(language == JupyterLanguage.languageInfo)
        #expect(language["name"] == "drift" && language["file_extension"] == ".drift")
    }

    @Test func chartsAreSVGTablesHTMLAndResultsMarkdown() throws {
        execute("hist([1, 2, 2, 3])")
        let chart = try #require(outlet.outputs.last?.content["data"] as? [String: String])
        #expect(chart["image/svg+xml"]?.hasPrefix("<svg xmlns=") == true)
        #expect(chart["text/plain"] != nil && chart["text/html"] == nil)
        execute("read_csv(\"\(examples)/credit_reference.csv\") |> head(2)")
        let table = try #require(outlet.outputs.last?.content["data"] as? [String: String])
        #expect(table["text/html"]?.contains("<table>") == true)
        execute("ks_test([1, 2, 3, 4], [2, 3, 4, 5])")
        let test = try #require(outlet.outputs.last?.content["data"] as? [String: String])
        #expect(test["text/html"] != nil && test["text/markdown"] != nil && test["text/plain"] != nil)
    }

    @Test func showIsDisplayDataInOrderWithPrints() {
        execute("print(\"before\")\nshow(hist([1, 2]), 3)\nprint(\"after\")")
        let outputs = outlet.outputs.filter { $0.type != "execute_input" }
        #expect(outputs.map(\.type) == ["stream", "display_data", "display_data", "stream"])
        #expect(outputs.map { $0.content["text"] as? String } == ["before\n", nil, nil, "after\n"])
        #expect(outputs[1].content["execution_count"] == nil)
    }

    @Test func errorsCarryTheCellLineColumnAndCaret() throws {
        let reply = execute("let a = 1\nlet b = a + nope")
        #expect(reply["status"] as? String == "error")
        #expect(reply["ename"] as? String == "DriftError")
        #expect(reply["evalue"] as? String == "unknown name 'nope'")
        let error = try #require(outlet.outputs.first { $0.type == "error" })
        let traceback = try #require(error.content["traceback"] as? [String])
        #expect(traceback == ["<cell 1>:2:13: error: unknown name 'nope'", "  let b = a + nope", "              ^"])
    }

    @Test func cellsQueuedBehindAFailureAreAbortedBeforeItsReply() {
        var queued: [String: Any] = [:]
        handler.handleQueuedRequests = { [handler, outlet] in
            handler.handle(request("execute_request", ["code": "let ran = 1"]))
            queued = outlet.replies.last?.content ?? [:]
        }
        #expect(execute("nope")["status"] as? String == "error")
        #expect(queued["status"] as? String == "aborted")
        #expect(!handler.abortsQueuedCells)
        #expect(execute("ran")["status"] as? String == "error")
        queued = [:]
        handler.handle(request("execute_request", ["code": "nope", "stop_on_error": false]))
        #expect(queued.isEmpty)
    }

    @Test func silentCellsShowNothingAndDoNotCount() {
        execute("1 + 1", silent: true)
        #expect(outlet.outputs.isEmpty)
        #expect(outlet.replies.last?.content["execution_count"] as? Int == 0)
    }

    @Test func completesNamesFieldsAndColumns() throws {
        execute("let frame_data = read_csv(\"\(examples)/credit_reference.csv\")")
        handler.handle(request("complete_request", ["code": "x = frame_d", "cursor_pos": 11]))
        var reply = try #require(outlet.replies.last?.content)
        #expect(reply["matches"] as? [String] == ["frame_data"])
        #expect(reply["cursor_start"] as? Int == 4 && reply["cursor_end"] as? Int == 11)
        handler.handle(request("complete_request", ["code": "1\nframe_data.ag", "cursor_pos": 15]))
        reply = try #require(outlet.replies.last?.content)
        #expect(reply["matches"] as? [String] == ["frame_data.age"])
        #expect(reply["cursor_start"] as? Int == 2)
        // Code points, not bytes: "é" is one.
        handler.handle(request("complete_request", ["code": "\"é\"; frame_d", "cursor_pos": 12]))
        #expect(outlet.replies.last?.content["cursor_start"] as? Int == 5)
    }

    @Test func inspectShowsHelpAndVariables() throws {
        handler.handle(request("inspect_request", ["code": "mean(x)", "cursor_pos": 2]))
        var reply = try #require(outlet.replies.last?.content)
        #expect(reply["found"] as? Bool == true)
        #expect((reply["data"] as? [String: String])?["text/plain"]?.hasPrefix("mean(") == true)
        execute("let threshold = 0.05")
        handler.handle(request("inspect_request", ["code": "threshold", "cursor_pos": 9]))
        reply = try #require(outlet.replies.last?.content)
        #expect((reply["data"] as? [String: String])?["text/plain"] == "threshold: number 0.05")
        handler.handle(request("inspect_request", ["code": "no_such_name", "cursor_pos": 3]))
        #expect(outlet.replies.last?.content["found"] as? Bool == false)
    }

    @Test func isCompleteFollowsTheREPLsContinuation() {
        func status(_ code: String) -> (String?, String?) {
            handler.handle(request("is_complete_request", ["code": code]))
            let reply = outlet.replies.last?.content ?? [:]
            return (reply["status"] as? String, reply["indent"] as? String)
        }
        #expect(status("1 + 2") == ("complete", nil))
        #expect(status("fn f(x) {") == ("incomplete", "  "))
        #expect(status("let v = [1,") == ("incomplete", ""))
        #expect(status("  if x {") == ("incomplete", "    "))
        #expect(status("\"open string") == ("incomplete", ""))
        #expect(status("1 +* 2") == ("invalid", nil))
    }

    @Test func historyTailRangeAndSearch() throws {
        for code in ["1 + 1", "let a = 2", "a * 10", "1 + 1"] { execute(code) }
        func history(_ query: [String: Any]) -> [[Any]] {
            handler.handle(request("history_request", ["output": false, "raw": true].merging(query) { $1 }))
            return outlet.replies.last?.content["history"] as? [[Any]] ?? []
        }
        #expect(history(["hist_access_type": "tail", "n": 2]).map { $0[2] as? String } == ["a * 10", "1 + 1"])
        #expect(history(["hist_access_type": "range", "session": 1, "start": 2, "stop": 3]).map { $0[1] as? Int } == [2])
        #expect(history(["hist_access_type": "search", "pattern": "1 +*"]).count == 2)
        #expect(history(["hist_access_type": "search", "pattern": "1 +*", "unique": true]).count == 1)
        let withOutput = history(["hist_access_type": "tail", "n": 1, "output": true])
        #expect(withOutput.first?[2] as? [String] == ["1 + 1", "2"])
    }

    @Test func commInfoShutdownAndUnknownRequests() {
        handler.handle(request("comm_info_request"))
        #expect((outlet.replies.last?.content["comms"] as? [String: Any])?.isEmpty == true)
        let before = outlet.messages.count
        handler.handle(request("no_such_request"))
        handler.handle(request("execute_request", ["not_code": 1]))
        #expect(outlet.messages.count == before)
        #expect(!handler.shutdownRequested)
        handler.handle(request("shutdown_request", ["restart": true]))
        #expect(outlet.replies.last?.content["restart"] as? Bool == true)
        #expect(handler.shutdownRequested)
    }
}

/// The shipped example data.
let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("examples/data").path
