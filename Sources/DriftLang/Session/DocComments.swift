// DocComments: help texts for functions written in Drift. Comment lines starting with `##` directly
// above `fn name(…)` document that function; `help` shows the signature and those lines.

enum DocComments {
    /// The standard library's documented functions (stdlib/*.drift), by name: read from the embedded sources
    /// the first time `help` asks, not when every session starts (3 million instructions of `drift -e 1`).
    static let standardLibrary: [String: String] = Dictionary(
        embeddedStdlib.flatMap { extract(from: $0.source) }.map { ($0.name, $0.doc) },
        uniquingKeysWith: { _, later in later }
    )

    static func extract(from source: String) -> [(name: String, doc: String)] {
        var docs: [(String, String)] = []
        var pending: [String] = []
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("##") {
                pending.append(String(trimmed.dropFirst(2).drop { $0 == " " }))
            } else if trimmed.hasPrefix("fn "), !pending.isEmpty {
                let header = trimmed.dropFirst(3)
                let name = header.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                let signature = header.prefix { $0 != "{" }.trimmingSuffix()
                docs.append((String(name), "\(signature)\n\n" + pending.joined(separator: "\n") + "\n"))
                pending = []
            } else {
                pending = []
            }
        }
        return docs
    }
}

private extension Substring {
    func trimmingSuffix() -> String {
        var text = String(self)
        while text.last == " " { text.removeLast() }
        return text
    }
}
