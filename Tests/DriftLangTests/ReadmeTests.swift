// The Drift examples in README.md parse and resolve (`drift check`), so the documentation cannot
// drift away from the language.
import DriftLang
import Foundation
import Testing

@Test func readmeDriftBlocksCheckCleanly() throws {
    let readme = GoldenScript.examples.deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let blocks = text.components(separatedBy: "```drift\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
    #expect(blocks.count >= 3)
    for (index, block) in blocks.enumerated() {
        let session = Session { _ in }
        let diagnostics = session.check(source: block, name: "README block \(index + 1)")
        #expect(diagnostics.isEmpty, "\(diagnostics.joined())")
    }
}
