// ShellHandler: answers the shell channel's requests over the one long-lived `Session` — kernel info,
// execution (in CellExecution.swift), completion with the REPL's completer, inspection with `help`,
// `is_complete` with the REPL's continuation rule, history, comm info (no comms) and shutdown. Every
// request is framed by `busy` and `idle` on IOPub. A request whose content does not decode is logged
// and dropped; an unknown one is ignored, as the protocol asks.
import DriftLang
import Foundation

final class ShellHandler {
    let session: Session
    let codec: WireCodec
    let outlet: any MessageOutlet
    /// The count of the last cell run with `store_history`.
    var executionCount = 0
    var history = ExecutionHistory()
    /// Set by a `shutdown_request`: the kernel stops after replying.
    private(set) var shutdownRequested = false
    /// Handles the requests already queued on the shell socket (the kernel sets it). A cell that fails
    /// with `stop_on_error` calls it before its reply, with `abortsQueuedCells` set, so the cells queued
    /// behind it (Run All) are answered `aborted`, not run, while later requests are not affected.
    var handleQueuedRequests: () -> Void = {}
    private(set) var abortsQueuedCells = false

    init(session: Session, codec: WireCodec, outlet: any MessageOutlet) {
        self.session = session
        self.codec = codec
        self.outlet = outlet
    }

    func handle(_ request: IncomingMessage) {
        let exchange = Exchange(request: request, channel: .shell, codec: codec, outlet: outlet)
        do {
            switch exchange.type {
            case "kernel_info_request": exchange.whileBusy { exchange.reply("kernel_info_reply", KernelInfoReply.drift) }
            case "execute_request" where abortsQueuedCells:
                exchange.whileBusy { exchange.reply("execute_reply", StatusReply(status: "aborted")) }
            case "execute_request": try execute(exchange.request.content(as: ExecuteRequest.self), in: exchange)
            case "complete_request": try complete(exchange.request.content(as: CursorRequest.self), in: exchange)
            case "inspect_request": try inspect(exchange.request.content(as: CursorRequest.self), in: exchange)
            case "is_complete_request": try checkCompleteness(exchange.request.content(as: CodeRequest.self), in: exchange)
            case "history_request":
                let query = try exchange.request.content(as: HistoryRequest.self)
                exchange.whileBusy { exchange.reply("history_reply", HistoryReply(history: history.entries(for: query))) }
            case "comm_info_request": exchange.whileBusy { exchange.reply("comm_info_reply", CommInfoReply()) }
            case "shutdown_request":
                let shutdown = try exchange.request.content(as: ShutdownRequest.self)
                exchange.whileBusy { exchange.reply("shutdown_reply", ShutdownReply(restart: shutdown.restart)) }
                shutdownRequested = true
            default:
                KernelLog.write("ignored \(exchange.type) on the shell channel")
            }
        } catch {
            KernelLog.write("dropped \(exchange.type): its content does not fit it: \(error)")
        }
    }

    /// Answers the execute requests queued now `aborted` (other requests as usual).
    func abortQueuedCells() {
        abortsQueuedCells = true
        handleQueuedRequests()
        abortsQueuedCells = false
    }

    private func complete(_ request: CursorRequest, in exchange: Exchange) {
        let cursor = CodeCursor(request)
        let line = cursor.currentLine
        // Every candidate replaces the word before the cursor: the text after the last word break.
        let word = line.unicodeScalars.reversed().prefix { !Session.completionWordBreakCharacters.unicodeScalars.contains($0) }
        let matches = session.completions(line: line, cursor: line.utf8.count)
        exchange.whileBusy {
            exchange.reply("complete_reply", CompleteReply(
                matches: matches, cursorStart: cursor.position - word.count, cursorEnd: cursor.position))
        }
    }

    private func inspect(_ request: CursorRequest, in exchange: Exchange) {
        let name = CodeCursor(request).name
        var text = session.documentation(of: name)
        if text == nil, let variable = session.variables().first(where: { $0.name == name }) {
            text = "\(variable.name): \(variable.kind) \(variable.size)"
        }
        exchange.whileBusy {
            exchange.reply("inspect_reply", InspectReply(found: text != nil, data: text.map { ["text/plain": $0] } ?? [:]))
        }
    }

    private func checkCompleteness(_ request: CodeRequest, in exchange: Exchange) {
        let reply: IsCompleteReply
        switch session.completeness(of: request.code) {
        case .complete: reply = IsCompleteReply(status: "complete")
        case .incomplete(let indent): reply = IsCompleteReply(status: "incomplete", indent: indent)
        case .invalid: reply = IsCompleteReply(status: "invalid")
        }
        exchange.whileBusy { exchange.reply("is_complete_reply", reply) }
    }
}

/// A request's code around its cursor, which Jupyter counts in Unicode code points.
struct CodeCursor {
    let scalars: [Unicode.Scalar]
    let position: Int

    init(_ request: CursorRequest) {
        scalars = Array(request.code.unicodeScalars)
        position = min(max(0, request.cursorPosition ?? scalars.count), scalars.count)
    }

    /// The line the cursor is on, up to the cursor.
    var currentLine: String {
        var line = String.UnicodeScalarView()
        line.append(contentsOf: scalars[..<position].reversed().prefix { $0 != "\n" }.reversed())
        return String(line)
    }

    /// The name the cursor is in or just after.
    var name: String {
        func isNamePart(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" }
        let start = scalars[..<position].lastIndex { !isNamePart($0) }.map { $0 + 1 } ?? 0
        let end = scalars[position...].firstIndex { !isNamePart($0) } ?? scalars.count
        var name = String.UnicodeScalarView()
        name.append(contentsOf: scalars[start..<end])
        return String(name)
    }
}
