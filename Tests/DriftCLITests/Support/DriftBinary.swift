// DriftBinary: finds the `drift` executable this test run built and runs it without a terminal.
import Foundation
import Testing
import DriftTestSupport

enum DriftBinary {
    /// `$DRIFT_BINARY`, else `drift` in the build products directory holding the running test bundle.
    static let path: String? = {
        if let path = ProcessInfo.processInfo.environment["DRIFT_BINARY"] { return path }
        let runningTests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = runningTests.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("drift").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// The binary, or a test failure saying it was not found.
    static func require() throws -> String {
        try #require(path, "no `drift` executable next to the test bundle; set DRIFT_BINARY")
    }

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `drift arguments` with `input` on a pipe as standard input.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        try runProgram(try require(), arguments, input: input, environment: environment, in: directory)
    }

    /// Runs any program the same way, reading its output and errors concurrently so neither pipe fills.
    static func runProgram(_ path: String, _ arguments: [String], input: String = "", environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let errors = ErrorCollector()
        let reader = Thread { errors.data = stderr.fileHandleForReading.readDataToEndOfFile(); errors.done.signal() }
        reader.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        errors.done.wait()
        let error = errors.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }
}

/// Standard error read on its own thread; the semaphore orders the access.
private final class ErrorCollector: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// The package root (where `examples/` lives), two levels above this test target's folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary directory for one test, removed when the test ends (see `TemporaryFiles`).
func temporaryDirectory() throws -> URL {
    try TemporaryFiles.directory("drift-cli")
}

/// Writes `text` as script.drift in a new temporary directory and returns its path.
func scriptFile(_ text: String) throws -> String {
    let path = try temporaryDirectory().appendingPathComponent("script.drift").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
