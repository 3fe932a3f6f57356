// EntryCompleteness: whether typed code is a whole entry yet, by the parser's continuation rule the
// REPL uses (an open bracket, block or string continues the entry on the next line). The Jupyter
// kernel answers `is_complete_request` with it.

public enum EntryCompleteness: Equatable, Sendable {
    /// The code parses as it is: run it.
    case complete
    /// The code stops inside a construct; the next line would start with `indent`.
    case incomplete(indent: String)
    /// The code has a syntax error that more lines cannot fix.
    case invalid
}

extension Session {
    public func completeness(of entry: String) -> EntryCompleteness {
        let parsed = LargeStack.run { _ in Parser.parse(SourceFile(name: "<entry>", text: entry)) }
        if parsed.isIncomplete { return .incomplete(indent: Session.continuationIndent(after: entry)) }
        return parsed.diagnostics.isEmpty ? .complete : .invalid
    }

    /// The last line's indentation, two spaces deeper when the line opens a bracket or block.
    static func continuationIndent(after entry: String) -> String {
        let last = entry.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        let indent = String(last.prefix { $0 == " " || $0 == "\t" })
        let opens = last.trimmingSpaces.last.map { "([{".contains($0) } ?? false
        return opens ? indent + "  " : indent
    }
}
