// FileAccess+Chunks: a file read front to back in pieces into a caller's buffer, so a file larger than memory
// can be scanned in bounded memory. Opening passes the same safe-mode checks as `FileAccess.read`.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file open for sequential reading; closed when released.
public final class SequentialFile {
    public let path: String
    /// The size in bytes for a regular file (0 for a pipe or device), for progress reports.
    public let size: Int
    private let descriptor: Int32

    fileprivate init(path: String, descriptor: Int32, size: Int) {
        self.path = path
        self.descriptor = descriptor
        self.size = size
    }

    deinit { close(descriptor) }

    /// Fills `buffer` from the file's current position: the number of bytes read, less than the buffer's size
    /// only at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = systemRead(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileAccessError.posix("read", path, errno: errno)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}

extension FileAccess {
    /// Opens `path` for reading in pieces (safe mode checks the path and the opened file).
    public static func openSequential(_ path: String) throws -> SequentialFile {
        try checkRead(path)
        let descriptor = open(resolved(path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileAccessError.posix("read", path, errno: errno) }
        do {
            try checkOpened(descriptor, path: path)
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw FileAccessError.posix("read", path, errno: errno) }
            if (info.st_mode & S_IFMT) == S_IFDIR { throw FileAccessError.posix("read", path, errno: EISDIR) }
            let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
            return SequentialFile(path: path, descriptor: descriptor, size: size)
        } catch {
            close(descriptor)
            throw error
        }
    }
}
