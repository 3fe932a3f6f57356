// FileAccess: questions about directories, for path completion in the REPL.
import Glibc

extension FileAccess {
    /// Whether the path names a directory (following symbolic links); false where safe mode forbids reading.
    public static func isDirectory(_ path: String) -> Bool {
        guard (try? checkRead(path)) != nil else { return false }
        var info = stat()
        return stat(resolved(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
