// FileAccess: the one gate every file access of DriftCore goes through, so a safe mode with allowed
// directories can later be enforced in a single place. Uses POSIX calls directly for mmap, fsync and rename.

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

/// A file could not be read, written or listed, e.g. "cannot read 'x.csv': no such file".
public struct FileAccessError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// "cannot <action> '<path>': <reason from errno>".
    static func posix(_ action: String, _ path: String, errno code: Int32) -> FileAccessError {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file"
        case EACCES, EPERM: reason = "permission denied"
        case EISDIR: reason = "is a directory"
        case ENOTDIR: reason = "not a directory"
        case ENOSPC: reason = "no space left on device"
        default: reason = String(cString: strerror(code))
        }
        return FileAccessError("cannot \(action) '\(path)': \(reason)")
    }
}

/// A file's bytes and whether they are a read-only memory mapping of the file.
public struct FileContents {
    public let data: Data
    public let isMapped: Bool
}

public enum FileAccess {
    /// The directory that relative paths are resolved against, or nil for the process's working directory
    /// (the default, and what the command line uses). Bound for the code a session runs
    /// (`Session(baseDirectory:)`), so sessions side by side — tests running in parallel — each read
    /// `examples/data/…` from their own root without anyone changing the working directory. Every access
    /// here, and safe mode's checks, resolve through `resolved(_:)`; messages keep the path as written.
    @TaskLocal public static var baseDirectory: String?

    /// `path` as the system sees it: a relative path joined to `baseDirectory` when one is bound.
    public static func resolved(_ path: String) -> String {
        guard let base = baseDirectory, !path.isEmpty, !path.hasPrefix("/") else { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }

    /// The whole file. Regular files are memory-mapped (the pages are read on demand and shared with the
    /// page cache); other files (pipes, devices) are read into memory.
    public static func read(_ path: String) throws -> Data {
        try contents(path).data
    }

    /// The whole file as `read` gives it, and whether it is memory-mapped (then `discardPages` applies).
    public static func contents(_ path: String) throws -> FileContents {
        try checkRead(path)
        let descriptor = open(resolved(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccessError.posix("read", path, errno: errno) }
        defer { close(descriptor) }
        try checkOpened(descriptor, path: path)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileAccessError.posix("read", path, errno: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileAccessError.posix("read", path, errno: EISDIR) }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG && size > 0,
           let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED {
            madvise(mapped, size, MADV_SEQUENTIAL)
            let data = Data(bytesNoCopy: mapped, count: size, deallocator: .custom { pointer, count in
                munmap(pointer, count)
            })
            return FileContents(data: data, isMapped: true)
        }
        return FileContents(data: try readAll(descriptor, path: path), isMapped: false)
    }

    /// Drops the whole pages inside `range` of a memory-mapped file's bytes (starting at `base`) from the
    /// process's resident memory, for a reader that is done with them; touched again, they are read back from
    /// the page cache. Never call it on bytes that are not a mapping from `contents`.
    public static func discardPages(of base: UnsafeRawPointer, _ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let address = Int(bitPattern: base)
        let start = (address + range.lowerBound + page - 1) / page * page
        let end = (address + range.upperBound) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(pointer, end - start, MADV_DONTNEED)
    }

    /// Whether something exists at `path` (false where safe mode forbids reading it).
    public static func fileExists(_ path: String) -> Bool {
        (try? checkRead(path)) != nil && access(resolved(path), F_OK) == 0
    }

    /// Creates a directory and any missing parents; an existing directory is fine.
    public static func createDirectory(_ path: String) throws {
        try checkWrite(path)
        let target = resolved(path)
        var partial = target.hasPrefix("/") ? "" : "."
        for component in target.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o777) != 0 && errno != EEXIST {
                throw FileAccessError.posix("create the directory", path, errno: errno)
            }
        }
    }

    /// The names in a directory (without "." and ".."), sorted; used for path completion.
    public static func contentsOfDirectory(_ path: String) throws -> [String] {
        try checkRead(path)
        guard let directory = opendir(resolved(path)) else { throw FileAccessError.posix("list", path, errno: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Reads a stream to its end (a pipe, a device, a file that cannot be mapped). A stream may never
    /// end (`/dev/zero`), so every chunk polls Ctrl-C, and each doubling is checked against
    /// the memory limit before the buffer grows further.
    private static func readAll(_ descriptor: Int32, path: String) throws -> Data {
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var growth = GrowthCheck()
        while true {
            try Cancellation.check()
            try growth.grew(to: result.count, for: "reading '\(path)' (\(MemoryLimit.format(result.count)) so far)")
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.posix("read", path, errno: errno)
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

/// POSIX read(2), named apart from `FileAccess.read`.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(descriptor, buffer, count)
    #else
    Darwin.read(descriptor, buffer, count)
    #endif
}
