// DriftFuzz: the fuzz targets for the language, CSV files, saved models and Parquet files (FuzzTarget.swift), the
// target named by DRIFT_FUZZ_TARGET. Built by tools/fuzz.sh with `-sanitize=fuzzer,address -DFUZZING`, it hands
// control to libFuzzer's driver. A plain build is the replayer: `DRIFT_FUZZ_TARGET=csv DriftFuzz FILE...` runs
// each file as one input and prints `FILE: ` and what came of it, which is how a finding is reproduced.
import DriftCore
import Foundation

guard let target = FuzzTarget.chosen() else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("DriftFuzz: DRIFT_FUZZ_TARGET must be one of \(names)\n".utf8))
    exit(2)
}
FuzzInput.setUp()

#if FUZZING
/// libFuzzer's entry for programs that have their own `main` (Swift always emits one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

private let fuzzed = target
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    fuzzed.run(UnsafeBufferPointer(start: data, count: size))
    return 0
})
#else
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("DriftFuzz: cannot read \(path)\n".utf8))
        exit(1)
    }
    let outcome = data.withUnsafeBytes { target.run($0.bindMemory(to: UInt8.self)) }
    print("\(path): \(outcome)")
}
#endif
