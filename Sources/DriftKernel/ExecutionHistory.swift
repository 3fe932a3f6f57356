// ExecutionHistory: the cells this kernel ran, for `history_request` — the last n (`tail`), a range of
// execution counts (`range`), or those matching a glob pattern (`search`, with `unique` and `n`). Kept
// in memory for the kernel's life; each kernel process is one history session.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One history item as Jupyter lists it: `[session, line, input]`, or `[session, line, [input, output]]`.
struct HistoryEntry: Encodable, Equatable {
    var line: Int
    var input: String
    /// The result's plain text, when the request asked for outputs (nil: the cell showed no value).
    var output: String?
    var includesOutput: Bool

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(ExecutionHistory.session)
        try container.encode(line)
        guard includesOutput else { return try container.encode(input) }
        var pair = container.nestedUnkeyedContainer()
        try pair.encode(input)
        try pair.encode(output)
    }
}

struct ExecutionHistory {
    /// The history session number of this kernel process.
    static let session = 1

    private var cells: [(line: Int, input: String, output: String?)] = []

    mutating func record(line: Int, input: String, output: String?) {
        cells.append((line, input, output))
    }

    func entries(for request: HistoryRequest) -> [HistoryEntry] {
        var chosen = cells[...]
        switch request.accessType {
        case "range":
            let lines = (request.start ?? 0)..<(request.stop ?? Int.max)
            chosen = chosen.filter { lines.contains($0.line) }
        case "search":
            let pattern = request.pattern ?? "*"
            chosen = chosen.filter { fnmatch(pattern, $0.input, 0) == 0 }
            if request.unique == true {
                var seen: Set<String> = []
                chosen = ArraySlice(chosen.reversed().filter { seen.insert($0.input).inserted }.reversed())
            }
            if let count = request.count { chosen = chosen.suffix(max(0, count)) }
        default:
            chosen = chosen.suffix(max(0, request.count ?? 10))
        }
        return chosen.map { HistoryEntry(line: $0.line, input: $0.input, output: $0.output, includesOutput: request.output == true) }
    }
}
