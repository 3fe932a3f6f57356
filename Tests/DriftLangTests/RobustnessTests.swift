// Robustness: truncated and mutated programs get diagnostics, never a trap. Every golden script is
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
            _ = session.check(source: prefix, name: "cut.drift")
        }
        for _ in 0..<20 {
            var mutated = bytes
            for _ in 0..<3 where !mutated.isEmpty {
                mutated[Int(generator.next() % UInt64(mutated.count))] = noise[Int(generator.next() % UInt64(noise.count))]
            }
            let source = String(decoding: mutated, as: UTF8.self)
            _ = session.check(source: source, name: "mutated.drift")
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
