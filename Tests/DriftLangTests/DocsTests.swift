// The documentation is checked like code, so it cannot drift away from the language or from itself:
// - every ```drift block in README.md and docs/*.md parses and resolves (`drift check`), on its own; a block
//   fenced ```drift-continued is checked joined to the file's drift blocks before it (for a block that uses
//   names an earlier block defines);
// - each page holds at least the number of drift blocks listed for it, so the check cannot pass by finding
//   none, and every docs/*.md page is listed;
// - every relative link (`[text](path)`, `path#anchor`, `#anchor`, `[name]: path`) names a file or directory
//   that exists and, with an anchor, a heading of the target page, by GitHub's anchor rules.
import DriftLang
import Foundation
import Testing

/// One Markdown page of the documentation, and the fewest ```drift blocks it must hold.
struct DocPage: CustomTestStringConvertible, Sendable {
    /// Relative to the package root.
    let path: String
    let minimumDriftBlocks: Int
    var testDescription: String { path }

    static let root = GoldenScript.examples.deletingLastPathComponent()
    var url: URL { Self.root.appendingPathComponent(path) }

    /// README.md and every page under docs/. A new page goes here, with the blocks it is meant to hold.
    static let all: [DocPage] = [
        DocPage(path: "README.md", minimumDriftBlocks: 1),
        DocPage(path: "docs/README.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/language.md", minimumDriftBlocks: 2),
        DocPage(path: "docs/drift-tests.md", minimumDriftBlocks: 1),
        DocPage(path: "docs/data.md", minimumDriftBlocks: 1),
        DocPage(path: "docs/frames.md", minimumDriftBlocks: 3),
        DocPage(path: "docs/time.md", minimumDriftBlocks: 5),
        DocPage(path: "docs/databases.md", minimumDriftBlocks: 3),
        DocPage(path: "docs/parquet.md", minimumDriftBlocks: 3),
        DocPage(path: "docs/spark.md", minimumDriftBlocks: 2),
        DocPage(path: "docs/models-and-streams.md", minimumDriftBlocks: 2),
        DocPage(path: "docs/notebooks.md", minimumDriftBlocks: 1),
        DocPage(path: "docs/repl.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/kernel.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/safety.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/examples.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/architecture.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/testing.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/benchmarks.md", minimumDriftBlocks: 0),
        DocPage(path: "docs/modules.md", minimumDriftBlocks: 3),
        DocPage(path: "docs/strings.md", minimumDriftBlocks: 3),
        DocPage(path: "docs/vectors.md", minimumDriftBlocks: 4),
        DocPage(path: "docs/monitoring.md", minimumDriftBlocks: 2),
    ]

    func text() throws -> String { try String(contentsOf: url, encoding: .utf8) }
}

/// Just enough Markdown for the checks: fenced blocks, headings and their GitHub anchors, relative links.
enum Markdown {
    struct FencedBlock {
        /// The fence's info string, e.g. `drift` or `sh`.
        let info: String
        /// The 1-based line of the block's first line of code.
        let firstLine: Int
        let code: String
    }

    /// The fence a line opens or closes (its run of ``` or ~~~, at most 3 spaces in, or more inside a list
    /// item), or nil. A run of backticks followed by more backticks on the line is inline code.
    static func fence(_ line: String) -> (marker: String, indent: Int, info: String)? {
        let trimmed = line.drop { $0 == " " }
        let marker = trimmed.prefix { $0 == "`" || $0 == "~" }
        guard marker.count >= 3, Set(marker).count == 1 else { return nil }
        let info = trimmed.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
        if marker.first == "`" && info.contains("`") { return nil }
        return (String(marker), line.count - trimmed.count, info)
    }

    /// Whether `line` closes a block opened by `opening`: the same character, at least as many, nothing after.
    static func closes(_ line: String, _ opening: String) -> Bool {
        guard let candidate = fence(line) else { return false }
        return candidate.marker.first == opening.first && candidate.marker.count >= opening.count && candidate.info.isEmpty
    }

    /// The fenced code blocks, in order.
    static func fencedBlocks(_ text: String) -> [FencedBlock] {
        var blocks: [FencedBlock] = []
        var open: (marker: String, indent: Int, info: String, firstLine: Int, lines: [String])?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if let current = open {
                if closes(line, current.marker) {
                    blocks.append(FencedBlock(info: current.info, firstLine: current.firstLine,
                                              code: current.lines.joined(separator: "\n")))
                    open = nil
                } else {
                    let indent = line.prefix { $0 == " " }.count
                    open?.lines.append(String(line.dropFirst(min(current.indent, indent))))
                }
            } else if let opening = fence(line) {
                open = (opening.marker, opening.indent, opening.info, index + 2, [])
            }
        }
        return blocks
    }

    /// The lines outside fenced blocks (lines inside, and the fences, become empty, so line numbers stay).
    static func linesOutsideFences(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        var opening: String?
        for (index, line) in lines.enumerated() {
            if let marker = opening {
                if closes(line, marker) { opening = nil }
                lines[index] = ""
            } else if let start = fence(line) {
                opening = start.marker
                lines[index] = ""
            }
        }
        return lines
    }

    /// The text outside fenced blocks and inline code spans; those characters become spaces, so line
    /// numbers stay.
    static func prose(_ text: String) -> String {
        // Inline code: a run of n backticks up to the next run of exactly n backticks (it may span lines).
        var characters = Array(linesOutsideFences(text).joined(separator: "\n"))
        var index = 0
        while index < characters.count {
            guard characters[index] == "`" else { index += 1; continue }
            var runEnd = index
            while runEnd < characters.count && characters[runEnd] == "`" { runEnd += 1 }
            var search = runEnd
            var closing: Int?
            while search < characters.count {
                guard characters[search] == "`" else { search += 1; continue }
                var end = search
                while end < characters.count && characters[end] == "`" { end += 1 }
                if end - search == runEnd - index { closing = end; break }
                search = end
            }
            guard let close = closing else { index = runEnd; continue }
            for position in index..<close where characters[position] != "\n" { characters[position] = " " }
            index = close
        }
        return String(characters)
    }

    /// GitHub's anchor for a heading: lowercase; every character but letters, digits, marks, '-', '_' and
    /// spaces dropped; each space becomes '-'.
    static func slug(_ heading: String) -> String {
        var result = ""
        for character in heading.lowercased() {
            if character == " " {
                result.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber
                        || character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) {
                result.append(character)
            }
        }
        return result
    }

    /// The anchors of a page's ATX headings (`#` to `######`, outside fenced blocks); a repeated one gets
    /// -1, -2, … as on GitHub.
    static func anchors(_ text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var anchors: Set<String> = []
        for line in linesOutsideFences(text) {
            let trimmed = line.drop { $0 == " " }
            let hashes = trimmed.prefix { $0 == "#" }
            guard (1...6).contains(hashes.count), trimmed.dropFirst(hashes.count).first == " " else { continue }
            var heading = trimmed.dropFirst(hashes.count).trimmingCharacters(in: .whitespaces)
            while heading.hasSuffix("#") { heading.removeLast() }
            let base = slug(heading.trimmingCharacters(in: .whitespaces))
            let count = seen[base, default: 0]
            seen[base] = count + 1
            anchors.insert(count == 0 ? base : "\(base)-\(count)")
        }
        return anchors
    }

    /// Link targets outside code, with their lines: inline links and images `[text](target "title")` and
    /// reference definitions `[name]: target`. Targets with a scheme (https:, mailto:) are left out.
    static func relativeLinks(_ text: String) -> [(target: String, line: Int)] {
        let inline = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/
        let definition = /^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)>?/
        var links: [(String, Int)] = []
        for (index, line) in prose(text).components(separatedBy: "\n").enumerated() {
            var targets = line.matches(of: inline).map { String($0.output.1) }
            if let match = line.firstMatch(of: definition) { targets.append(String(match.output.1)) }
            for target in targets where target.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.-]*:/) == nil {
                links.append((target, index + 1))
            }
        }
        return links
    }

    /// What is wrong with the relative links of `text`, the page at `page`: one message per broken link.
    static func brokenLinks(in text: String, page: URL) -> [String] {
        var problems: [String] = []
        for (target, line) in relativeLinks(text) {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let anchor = parts.count > 1 ? String(parts[1]) : nil
            let file = path.isEmpty ? page : page.deletingLastPathComponent().appendingPathComponent(path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else {
                problems.append("line \(line): '\(target)': no file \(file.path)")
                continue
            }
            guard let anchor else { continue }
            guard !isDirectory.boolValue, file.pathExtension == "md",
                  let targetText = try? String(contentsOf: file, encoding: .utf8) else {
                problems.append("line \(line): '\(target)': an anchor into something that is not a Markdown page")
                continue
            }
            if !anchors(targetText).contains(anchor) {
                problems.append("line \(line): '\(target)': no heading with the anchor '#\(anchor)' in \(file.lastPathComponent)")
            }
        }
        return problems
    }
}

@Suite struct DocsTests {
    @Test func everyDocsPageIsListed() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: DocPage.root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        let listed = DocPage.all.map(\.path).filter { $0.hasPrefix("docs/") }
        #expect(Set(onDisk) == Set(listed), "docs/*.md and DocPage.all differ")
        // The pages as a whole hold a good number of examples.
        #expect(DocPage.all.reduce(0) { $0 + $1.minimumDriftBlocks } >= 9)
    }

    @Test(arguments: DocPage.all)
    func driftBlocksCheckCleanly(_ page: DocPage) throws {
        let blocks = Markdown.fencedBlocks(try page.text())
        var checked = 0
        var previous = ""  // the file's drift blocks so far, padded so line numbers are the page's
        for block in blocks where block.info.hasPrefix("drift") {
            let padding: String
            switch block.info {
            case "drift":
                padding = String(repeating: "\n", count: block.firstLine - 1)
            case "drift-continued":
                #expect(checked > 0, "\(page.path):\(block.firstLine): drift-continued with no drift block before it")
                let linesSoFar = previous.components(separatedBy: "\n").count
                padding = previous + String(repeating: "\n", count: max(1, block.firstLine - linesSoFar))
            default:
                Issue.record("\(page.path):\(block.firstLine): unknown fence info '\(block.info)' (drift or drift-continued)")
                continue
            }
            let source = padding + block.code
            let session = Session { _ in }
            let diagnostics = session.check(source: source, name: page.path)
            #expect(diagnostics.isEmpty, "\(diagnostics.joined(separator: "\n"))")
            previous = source
            checked += 1
        }
        #expect(checked >= page.minimumDriftBlocks, "\(page.path) has \(checked) drift blocks, expected at least \(page.minimumDriftBlocks)")
    }

    @Test(arguments: DocPage.all)
    func relativeLinksResolve(_ page: DocPage) throws {
        let problems = Markdown.brokenLinks(in: try page.text(), page: page.url)
        #expect(problems.isEmpty, "\(page.path):\n\(problems.joined(separator: "\n"))")
    }

    @Test func anchorsFollowGitHubsRules() {
        #expect(Markdown.slug("Using `drift`") == "using-drift")
        #expect(Markdown.slug("Histograms, drift tests and the drift report") == "histograms-drift-tests-and-the-drift-report")
        #expect(Markdown.slug("C++ & Swift_ok") == "c--swift_ok")
        #expect(Markdown.slug("Drift's documentation") == "drifts-documentation")
        let page = "# Title\n\n```drift\n# a comment, not a heading\n```\n\n## Notes\n\n## Notes\n### `read_csv` rules #\n"
        #expect(Markdown.anchors(page) == ["title", "notes", "notes-1", "read_csv-rules"])
    }

    @Test func brokenLinksAreFound() {
        let readme = DocPage.root.appendingPathComponent("README.md")
        let text = """
        [ok](docs/safety.md) [ok](docs/safety.md#safe-mode) ![ok](docs/notebook.png) [ok](docs/) [ok](#licence)
        [web](https://example.com/x.md) `[code](not-checked.md)`
        [missing file](docs/nope.md)
        [missing heading](docs/safety.md#no-such-heading)
        [missing here](#nowhere)
        [ref]: docs/also-missing.md

        ## Licence
        ```
        [in a fence](not-checked-either.md)
        ```
        """
        let problems = Markdown.brokenLinks(in: text, page: readme)
        #expect(problems.count == 4, "\(problems)")
        #expect(problems.contains { $0.contains("nope.md") })
        #expect(problems.contains { $0.contains("#no-such-heading") })
        #expect(problems.contains { $0.contains("#nowhere") })
        #expect(problems.contains { $0.contains("also-missing.md") })
    }

    @Test func fencedBlocksAreFound() {
        let text = "a\n```drift\nlet x = 1\n```\n- item\n  ```sh\n  ls\n  ```\n````drift-continued\nx\n````\n"
        let blocks = Markdown.fencedBlocks(text)
        #expect(blocks.map(\.info) == ["drift", "sh", "drift-continued"])
        #expect(blocks.map(\.firstLine) == [3, 7, 10])
        #expect(blocks.map(\.code) == ["let x = 1", "ls", "x"])
    }
}
