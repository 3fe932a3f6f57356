// Robustness: truncated and mutated programs get diagnostics placed inside them, never a trap. Every golden script is
// cut at many points and has bytes flipped (seeded), then parsed and resolved. (They are not run: a
// mutation can make a loop endless.)
import DriftLang
import Foundation
import Testing

@Test func truncatedAndMutatedProgramsNeverTrap() throws {
    var generator = SplitMix(seed: 42)
    let session = Session { _ in }
    let noise = Array("()[]{}\",.:;=>|+-*/%^<!#\n\\ 0a".utf8)
    for script in GoldenScript.all {
        let bytes = Array(try Data(contentsOf: script.path))
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            let prefix = String(decoding: bytes[..<cut], as: UTF8.self)
            expectDiagnosticsWithin(session.check(source: prefix, name: "cut.drift"), name: "cut.drift", source: prefix)
        }
        for _ in 0..<20 {
            var mutated = bytes
            for _ in 0..<3 where !mutated.isEmpty {
                mutated[Int(generator.next() % UInt64(mutated.count))] = noise[Int(generator.next() % UInt64(noise.count))]
            }
            let source = String(decoding: mutated, as: UTF8.self)
            expectDiagnosticsWithin(session.check(source: source, name: "mutated.drift"), name: "mutated.drift", source: source)
        }
    }
}

/// Each diagnostic is an error placed in the checked text: "name:line:column: error: …" with the line and
/// column inside the source (one past its end at most, where an unfinished program stops).
private func expectDiagnosticsWithin(_ diagnostics: [String], name: String, source: String) {
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    for diagnostic in diagnostics {
        let parts = diagnostic.prefix { $0 != "\n" }.split(separator: ":", maxSplits: 3)
        guard parts.count == 4, parts[0] == name, let line = Int(parts[1]), let column = Int(parts[2]),
              parts[3].hasPrefix(" error: ") else {
            Issue.record("not a placed error: \(diagnostic)")
            continue
        }
        #expect(line >= 1 && line <= lines.count, "line \(line) of \(lines.count): \(diagnostic)")
        if line >= 1 && line <= lines.count {
            #expect(column >= 1 && column <= lines[line - 1].utf8.count + 1, "column \(column): \(diagnostic)")
        }
    }
}

/// A tiny seeded generator so the mutations are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
