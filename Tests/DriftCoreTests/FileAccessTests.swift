// FileAccessTests: reading, atomic writing, listing, and the errors FileAccess reports.
import Foundation
import Testing
import DriftCore
import DriftTestSupport

/// A fresh path in a private temporary directory, removed when the test ends.
func temporaryPath(_ name: String) throws -> String {
    try TemporaryFiles.directory("drift-core-tests").appendingPathComponent(name).path
}

@Suite(.temporaryFiles) struct FileAccessTests {
    @Test func atomicWriteReplacesAndLeavesNoTemporaryFile() throws {
        let path = try temporaryPath("data.txt")
        let directory = (path as NSString).deletingLastPathComponent
        try FileAccess.writeAtomically(Data("first".utf8), to: path)
        try FileAccess.writeAtomically(Data("second, longer".utf8), to: path)
        #expect(String(decoding: try FileAccess.read(path), as: UTF8.self) == "second, longer")
        #expect(try FileAccess.contentsOfDirectory(directory) == ["data.txt"])
        #expect(FileAccess.fileExists(path) && !FileAccess.fileExists(path + ".missing"))
    }

    @Test func relativePathsResolveAgainstTheBoundBaseDirectory() throws {
        let directory = (try temporaryPath("x") as NSString).deletingLastPathComponent
        try FileAccess.$baseDirectory.withValue(directory) {
            try FileAccess.createDirectory("out/deeper")
            try FileAccess.writeAtomically(Data("kept".utf8), to: "out/deeper/file.txt")
            #expect(String(decoding: try FileAccess.read("out/deeper/file.txt"), as: UTF8.self) == "kept")
            #expect(FileAccess.fileExists("out/deeper/file.txt") && FileAccess.isDirectory("out"))
            #expect(try FileAccess.contentsOfDirectory("out") == ["deeper"])
            #expect(FileAccess.resolved("/abs/path") == "/abs/path")
            // Messages name the path as written, not as resolved.
            #expect(throws: FileAccessError("cannot read 'missing.txt': no such file")) { try FileAccess.read("missing.txt") }
        }
        #expect(FileManager.default.fileExists(atPath: directory + "/out/deeper/file.txt"))
        #expect(!FileAccess.fileExists("out/deeper/file.txt"))  // unbound again: the working directory
    }

    @Test func readsEmptyFiles() throws {
        let path = try temporaryPath("empty.txt")
        try FileAccess.writeAtomically(Data(), to: path)
        #expect(try FileAccess.read(path).isEmpty)
    }

    @Test func listsDirectoriesSorted() throws {
        let path = try temporaryPath("b")
        let directory = (path as NSString).deletingLastPathComponent
        for name in ["b", "a", "c"] { try FileAccess.writeAtomically(Data(), to: directory + "/" + name) }
        #expect(try FileAccess.contentsOfDirectory(directory) == ["a", "b", "c"])
    }

    @Test func errorsNameThePathAndReason() {
        #expect(throws: FileAccessError("cannot read '/nonexistent/x.csv': no such file")) {
            try FileAccess.read("/nonexistent/x.csv")
        }
        #expect(throws: FileAccessError("cannot read '/tmp': is a directory")) { try FileAccess.read("/tmp") }
        #expect(throws: FileAccessError("cannot write '/nonexistent/dir/x.csv': no such file")) {
            try FileAccess.writeAtomically(Data(), to: "/nonexistent/dir/x.csv")
        }
        #expect(throws: FileAccessError("cannot list '/nonexistent': no such file")) {
            try FileAccess.contentsOfDirectory("/nonexistent")
        }
    }
}
