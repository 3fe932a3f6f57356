// DriftBench: writes the benchmark's seeded data (see BenchData.swift). bench/run.py runs it once and then
// times Drift through the release `drift` binary, so the timings go through the same builtins a user calls.
// `frames` times the group-by and join rows in the core alone (FrameTimings.swift).
// Usage: DriftBench generate DIR | DriftBench frames DIR [ROUNDS [TASK...]]
import DriftCore
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
do {
    switch (arguments.count, arguments.count > 1 ? arguments[1] : "") {
    case (3, "generate"): try generateBenchData(in: arguments[2])
    case (3..., "frames"):
        try timeFrameVerbs(in: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5, only: Array(arguments.dropFirst(4)))
    default:
        print("usage: DriftBench generate DIR | DriftBench frames DIR [ROUNDS [TASK...]]")
        exit(2)
    }
} catch {
    print("error: \(error)")
    exit(1)
}
