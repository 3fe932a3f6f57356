// JupyterError: a rendered Drift diagnostic as Jupyter's error fields — `ename`, `evalue` (the message)
// and `traceback` (the report's lines: file:line:col, the source line, the caret, the call stack).

public struct JupyterError: Equatable, Sendable {
    public var name: String
    public var value: String
    public var traceback: [String]

    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }

    /// The fields of a rendered diagnostic: "file:3:5: error: message" gives the message.
    public init(report: String) {
        let first = report.split(separator: "\n").first.map(String.init) ?? report
        let message = first.range(of: "error: ").map { String(first[$0.upperBound...]) } ?? first
        self.init(name: "DriftError", value: message,
                  traceback: report.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty })
    }
}
