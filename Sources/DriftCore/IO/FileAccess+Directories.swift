// FileAccess: questions about directories, for path completion in the REPL.
import Glibc

extension FileAccess {
    /// Whether the path names a directory (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
