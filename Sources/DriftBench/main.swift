// DriftBench: writes the benchmark's seeded data (see BenchData.swift). bench/run.py runs it once and then
// times Drift through the release `drift` binary, so the timings go through the same builtins a user calls.
// Usage: DriftBench generate DIR
import DriftCore
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, arguments[1] == "generate" else {
    print("usage: DriftBench generate DIR")
    exit(2)
}
do {
    try generateBenchData(in: arguments[2])
} catch {
    print("error: \(error)")
    exit(1)
}
