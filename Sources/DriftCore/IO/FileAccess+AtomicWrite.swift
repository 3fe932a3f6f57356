// FileAccess+AtomicWrite: every file Drift writes (CSV, JSON, models, SVG, notebooks, saved sessions)
// goes to a temporary file in the same directory, is flushed to disk, then renamed over the target, so a
// crash or a kill at any moment leaves the old file or the whole new one, never a torn one. Large
// outputs stream through `AtomicFileWriter` in chunks instead of being built in memory first.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file being written; `write` appends bytes.
public struct AtomicFileWriter {
    fileprivate let descriptor: Int32
    fileprivate let path: String

    /// Appends `bytes`, retrying short writes and interruptions.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(FileAccessError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.posix("write", path, errno: errno)
            }
            offset += written
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

extension FileAccess {
    /// Writes `data` atomically to `path`.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        try writeAtomically(to: path) { file in
            try data.withUnsafeBytes { try file.write($0) }
        }
    }

    /// Lets `produce` write the new contents piece by piece, then renames them over `path`. If `produce`
    /// throws (an error, a Ctrl-C), the temporary file is removed and `path` is untouched.
    public static func writeAtomically(to path: String, _ produce: (AtomicFileWriter) throws -> Void) throws {
        try checkWrite(path)
        let target = resolved(path)
        var status = stat()
        if path.hasSuffix("/") || (stat(target, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR) {
            throw FileAccessError("cannot write '\(path)': that names a directory, not a file")
        }
        var template = Array("\(target).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { throw FileAccessError.posix("write", path, errno: errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        do {
            try produce(AtomicFileWriter(descriptor: descriptor, path: path))
            if fsync(descriptor) != 0 { throw FileAccessError.posix("write", path, errno: errno) }
            closed = true
            if close(descriptor) != 0 { throw FileAccessError.posix("write", path, errno: errno) }
            if !applyDefaultPermissions(temporary) || rename(temporary, target) != 0 {
                throw FileAccessError.posix("write", path, errno: errno)
            }
        } catch {
            if !closed { close(descriptor) }
            unlink(temporary)
            throw error
        }
    }

    /// mkstemp creates files readable only by the owner; give the result the usual 0644 (less the umask).
    private static func applyDefaultPermissions(_ temporary: String) -> Bool {
        let mask = umask(0)
        umask(mask)
        return chmod(temporary, 0o666 & ~mask) == 0
    }
}

/// POSIX write(2), named apart from `AtomicFileWriter.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, buffer, count)
    #else
    Darwin.write(descriptor, buffer, count)
    #endif
}
