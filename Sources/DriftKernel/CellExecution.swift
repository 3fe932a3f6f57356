// CellExecution: `execute_request`. The cell runs in the session (variables persist between cells);
// IOPub carries `execute_input`, printed text as `stream` while the cell runs, each `show(...)` as
// `display_data`, the cell's value as `execute_result`, and an error as `error` with the diagnostic
// (the cell's line and column, the caret, the call stack) as its traceback. An interrupt
// (`interrupt_request` or SIGINT) stops the cell with a `KeyboardInterrupt` error; the session keeps
// its state.
import DriftCore
import DriftLang

extension ShellHandler {
    func execute(_ request: ExecuteRequest, in exchange: Exchange) {
        exchange.whileBusy {
            if request.storeHistory { executionCount += 1 }
            let count = executionCount
            if !request.silent { exchange.publish("execute_input", ExecuteInput(code: request.code, executionCount: count)) }
            let outcome = run(request.code, name: "<cell \(count)>", silent: request.silent, in: exchange)
            if request.storeHistory { history.record(line: count, input: request.code, output: outcome.result) }
            guard let error = outcome.error else {
                if let data = outcome.data { exchange.publish("execute_result", DisplayOutput(executionCount: count, data: data)) }
                return exchange.reply("execute_reply", ExecuteReply(status: "ok", executionCount: count))
            }
            exchange.publish("error", ErrorOutput(ename: error.name, evalue: error.value, traceback: error.traceback))
            if request.stopOnError { abortQueuedCells() }
            exchange.reply("execute_reply", ErrorOutput(
                status: "error", executionCount: count, ename: error.name, evalue: error.value, traceback: error.traceback))
        }
    }

    /// What a cell ended with: its value's MIME bundle and plain text, or its error.
    private struct Outcome {
        var data: MIMEData?
        var result: String?
        var error: JupyterError?
    }

    private func run(_ code: String, name: String, silent: Bool, in exchange: Exchange) -> Outcome {
        let stream = StreamBuffer { text in
            if !silent { exchange.publish("stream", StreamOutput(text: text)) }
        }
        var outcome = Outcome()
        Cancellation.reset()
        session.runCell(code, name: name) { output in
            switch output {
            case .printed(let text):
                stream.write(text)
            case .warning(let text):
                stream.flush()
                if !silent { exchange.publish("stream", StreamOutput(name: "stderr", text: text)) }
            case .shown(let value):
                stream.flush()
                if !silent { exchange.publish("display_data", DisplayOutput(data: Renderer.mimeBundle(value))) }
            case .value(let value):
                let data = Renderer.mimeBundle(value)
                outcome.data = silent ? nil : data
                outcome.result = data["text/plain"]
            case .error(let report):
                outcome.error = JupyterError(report: report)
            }
        }
        stream.flush()
        if let reason = Cancellation.reason {
            // Work that noticed the request may have ended quietly; the cell was stopped either way.
            let name = reason == .memoryLimit ? "MemoryError" : "KeyboardInterrupt"
            outcome.error = JupyterError(
                name: name, value: Cancellation.message, traceback: outcome.error?.traceback ?? ["\(name): \(Cancellation.message)"])
            Cancellation.reset()
        }
        return outcome
    }
}
