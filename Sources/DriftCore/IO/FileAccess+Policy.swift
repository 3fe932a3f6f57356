// FileAccess+Policy: safe mode's checks, made where every file, environment and network access already
// passes — Drift's own reads and writes, and the hooks libraries call before acting for Drift (SQLite
// opening a database file, a PostgreSQL connection, PG* credentials). The command line installs a policy
// once at start-up; nothing can lift it afterwards.
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let installedPolicy = Mutex<AccessPolicy?>(nil)

extension FileAccess {
    /// The policy in force, or nil when access is unrestricted (the default).
    public static var policy: AccessPolicy? { installedPolicy.withLock { $0 } }

    /// Restricts this process to `policy` for good: a second call cannot widen the first one's policy.
    public static func restrict(to policy: AccessPolicy) {
        installedPolicy.withLock { current in
            if current == nil { current = policy }
        }
    }

    /// Refuses, naming what safe mode allows instead, a path outside the readable directories. Called
    /// before every read, including a library's (SQLite opening a database).
    public static func checkRead(_ path: String) throws(FileAccessError) {
        guard let policy else { return }
        guard policy.allowsReading(AccessPolicy.resolve(resolved(path))) else { throw readRefused(path, policy) }
    }

    /// Refuses a path outside the writable directories; called before every file is created or changed.
    public static func checkWrite(_ path: String) throws(FileAccessError) {
        guard let policy else { return }
        guard policy.allowsWriting(AccessPolicy.resolve(resolved(path))) else {
            let allowed = policy.writableDirectories.isEmpty
                ? "safe mode allows no writing unless --allow-write names a directory"
                : "safe mode allows writing only under " + describe(policy.writableDirectories) + " (--allow-write)"
            throw FileAccessError("cannot write '\(path)': \(allowed)")
        }
    }

    /// Checks that an already opened file really lies where it may be read: its path is taken from the
    /// open descriptor, so a link swapped in after `checkRead` is caught.
    static func checkOpened(_ descriptor: Int32, path: String) throws(FileAccessError) {
        #if os(Linux)
        guard let policy else { return }
        guard let opened = AccessPolicy.realPath("/proc/self/fd/\(descriptor)"), policy.allowsReading(opened) else {
            throw readRefused(path, policy)
        }
        #endif
    }

    /// The environment variable `name`, or nil when it is unset — and always nil in safe mode, which gives
    /// scripts no environment. Credentials (PGPASSWORD …) are read here.
    public static func environment(_ name: String) -> String? {
        guard policy == nil else { return nil }
        return getenv(name).map { String(cString: $0) }
    }

    /// Called before a connection to `host`:`port` is opened (`host` may be a Unix socket directory);
    /// safe mode allows none.
    public static func checkNetwork(host: String, port: Int) throws(FileAccessError) {
        if policy != nil { throw FileAccessError("cannot connect to \(host):\(port): safe mode allows no network connections") }
    }

    /// "cannot read 'x': safe mode allows reading only under '/a', '/b' (--allow-read)".
    private static func readRefused(_ path: String, _ policy: AccessPolicy) -> FileAccessError {
        FileAccessError("cannot read '\(path)': safe mode allows reading only under "
            + describe(policy.readableDirectories + policy.writableDirectories) + " (--allow-read)")
    }

    private static func describe(_ directories: [String]) -> String {
        directories.isEmpty ? "no directory" : directories.map { "'\($0)'" }.joined(separator: ", ")
    }
}
