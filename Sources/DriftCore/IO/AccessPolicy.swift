// AccessPolicy: what safe mode (`drift --safe`) lets a script touch. Directories are resolved once
// (`..` and symbolic links followed) and every path a script names is resolved the same way before it
// is compared, so `allowed/../secret` and a link out of an allowed directory are both refused.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct AccessPolicy: Sendable, Equatable {
    /// Resolved directories under which files may be read.
    public let readableDirectories: [String]
    /// Resolved directories under which files may be written.
    public let writableDirectories: [String]
    /// Paths the command line itself writes, which need not exist yet (a notebook's output file and its
    /// figure directory), resolved; each allows itself and anything under it.
    public let commandOutputs: [String]

    /// Resolves each directory; a directory that does not exist is an error, not a silent no-op.
    public init(readable: [String], writable: [String], commandOutputs: [String] = []) throws(FileAccessError) {
        readableDirectories = try readable.map { directory throws(FileAccessError) in try Self.existingDirectory(directory) }
        writableDirectories = try writable.map { directory throws(FileAccessError) in try Self.existingDirectory(directory) }
        self.commandOutputs = commandOutputs.map(Self.resolve)
    }

    func allowsReading(_ resolved: String) -> Bool {
        readableDirectories.contains { Self.path(resolved, isInside: $0) }
            || allowsWriting(resolved)  // what a script may write, it may read back
    }

    func allowsWriting(_ resolved: String) -> Bool {
        (writableDirectories + commandOutputs).contains { Self.path(resolved, isInside: $0) }
    }

    static func path(_ path: String, isInside directory: String) -> Bool {
        directory == "/" || path == directory || path.hasPrefix(directory + "/")
    }

    /// The absolute path with every symbolic link and `..` resolved. For a path that does not exist
    /// (yet), the deepest existing ancestor is resolved and the rest appended, so a file about to be
    /// written is judged by where it would really land.
    static func resolve(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        var components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var rest: [String] = []
        while !components.isEmpty {
            let candidate = "/" + components.joined(separator: "/")
            if let real = realPath(candidate) { return normalize(real, appending: rest) }
            rest.insert(components.removeLast(), at: 0)
        }
        return normalize("/", appending: rest)
    }

    /// Appends components lexically, folding "." and ".." (only for the part that does not exist, where
    /// there are no links left to follow).
    private static func normalize(_ base: String, appending rest: [String]) -> String {
        var parts = base.split(separator: "/").map(String.init)
        for component in rest {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func existingDirectory(_ path: String) throws(FileAccessError) -> String {
        guard let real = realPath(path), FileAccess.isDirectory(real) else {
            throw FileAccessError("cannot allow '\(path)': not an existing directory")
        }
        return real
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func currentDirectory() -> String {
        guard let directory = getcwd(nil, 0) else { return "/" }
        defer { free(directory) }
        return String(cString: directory)
    }
}
