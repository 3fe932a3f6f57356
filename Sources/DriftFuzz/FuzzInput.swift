// FuzzInput: the set-up every target shares and one input of the `language` target. Each input is a Drift
// program (any bytes): it is checked, then run in a fresh session with a recursion limit, so a runaway recursion
// ends in an error like any other (FuzzTarget gives every input a 1-second budget, so a hang does too).
import DriftCore
import DriftLang

enum FuzzInput {
    /// Limits for the whole fuzzing process: 1 GB of memory, reads only under the working directory,
    /// writes nowhere (a fuzzed `write_csv` must not litter the disk).
    static func setUp() {
        MemoryLimit.set(1 << 30)
        if let policy = try? AccessPolicy(readable: ["."], writable: []) { FileAccess.restrict(to: policy) }
    }

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let source = String(decoding: bytes, as: UTF8.self)
        let session = Session(maximumCallDepth: 200, output: { _ in })
        _ = session.check(source: source, name: "<fuzz>")
        guard let report = session.run(source: source, name: "<fuzz>") else { return "ok" }
        return "error: " + (report.split(separator: "\n").first ?? "")
    }
}
