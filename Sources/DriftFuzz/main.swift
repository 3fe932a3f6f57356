// DriftFuzz: the fuzz target for the lexer, parser, compiler and interpreter. Built by tools/fuzz.sh with
// `-sanitize=fuzzer,address -DFUZZING`, it hands control to libFuzzer's driver. A plain build is the
// replayer: `DriftFuzz FILE...` runs each file as one input, which is how a finding is reproduced.
import Foundation

FuzzInput.setUp()

#if FUZZING
/// libFuzzer's entry for programs that have their own `main` (Swift always emits one).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    FuzzInput.run(UnsafeBufferPointer(start: data, count: size))
    return 0
})
#else
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("DriftFuzz: cannot read \(path)\n".utf8))
        exit(1)
    }
    data.withUnsafeBytes { FuzzInput.run($0.bindMemory(to: UInt8.self)) }
    print("ok \(path)")
}
#endif
