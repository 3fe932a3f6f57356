// TemporaryFiles: the tests' temporary directories, removed when done. A test or suite marked `.temporaryFiles`
// gets a root directory of its own, removed (with everything made in it) when the test ends; a directory made
// outside such a test (a resource shared by a whole run) goes under the process's root, removed at exit. So a
// run of the suites leaves nothing in /tmp, whichever helper a test uses to make its files.
import Foundation
import Synchronization
import Testing

public enum TemporaryFiles {
    /// The running test's root, bound by the `.temporaryFiles` trait.
    @TaskLocal static var testRoot: URL?

    /// The process's root, made on first use and removed at exit.
    private static let processRoot: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drift-tests-\(UUID().uuidString)")
        removedAtExit.withLock { $0 = url.path }
        atexit { TemporaryFiles.removedAtExit.withLock { path in if let path { try? FileManager.default.removeItem(atPath: path) } } }
        return url
    }()
    private static let removedAtExit = Mutex<String?>(nil)

    /// A fresh directory named `prefix-UUID` under the running test's root (or the process's).
    public static func directory(_ prefix: String) throws -> URL {
        let url = (testRoot ?? processRoot).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh directory for a resource the whole run shares (made once, used by many tests), removed at exit.
    public static func runDirectory(_ prefix: String) throws -> URL {
        try TemporaryFiles.$testRoot.withValue(nil) { try directory(prefix) }
    }

    /// Runs `body` with a root of its own for the temporary directories made in it, then removes the root.
    static func withRoot(_ body: () async throws -> Void) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("drift-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try await $testRoot.withValue(root) { try await body() }
    }
}

/// Gives each test (of a suite, or one test) its own temporary root, removed when the test ends.
public struct TemporaryFilesTrait: TestTrait, SuiteTrait, TestScoping {
    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        guard !test.isSuite else { return try await function() }
        try await TemporaryFiles.withRoot(function)
    }
}

extension Trait where Self == TemporaryFilesTrait {
    /// Temporary directories made during each test are removed when it ends.
    public static var temporaryFiles: Self { Self() }
}
