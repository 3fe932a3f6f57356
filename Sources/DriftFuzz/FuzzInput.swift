// FuzzInput: what the fuzzer does with one input. Each input is a Drift program (any bytes): it is
// checked, then run in a fresh session with a 1-second budget and a recursion limit, so a hang or a
// runaway recursion ends in an error like any other. Anything but a value or an error — a trap, a
// crash, an address-sanitizer report — is a finding.
import DriftCore
import DriftLang
import Foundation
import Synchronization

/// Counts inputs so a late timer cannot cancel the next input's run.
private let generation = Atomic<Int>(0)

enum FuzzInput {
    /// Limits for the whole fuzzing process: 1 GB of memory, reads only under the working directory,
    /// writes nowhere (a fuzzed `write_csv` must not litter the disk).
    static func setUp() {
        MemoryLimit.set(1 << 30)
        if let policy = try? AccessPolicy(readable: ["."], writable: []) { FileAccess.restrict(to: policy) }
    }

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let source = String(decoding: bytes, as: UTF8.self)
        let mine = generation.add(1, ordering: .relaxed).newValue
        Cancellation.reset()
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            if generation.load(ordering: .relaxed) == mine { Cancellation.request() }
        }
        let session = Session(maximumCallDepth: 200, output: { _ in })
        _ = session.check(source: source, name: "<fuzz>")
        _ = session.run(source: source, name: "<fuzz>")
    }
}
