// DocComments: help texts for functions written in Drift. Comment lines starting with `##` directly
// above `fn name(…)` document that function; `help` shows the signature and those lines.

enum DocComments {
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
