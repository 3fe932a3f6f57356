// FileAccess: the gate's hooks for accesses that a library performs on Drift's behalf (SQLite opening a
// database file, a PostgreSQL connection) and for reading credentials from the environment. They allow
// everything today; a safe mode adds its policy here, so every such access is already routed through them.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileAccess {
    /// Called before a library reads the file at `path`; throws when the access is not allowed.
    public static func checkRead(_ path: String) throws(FileAccessError) {}

    /// Called before a library creates or changes the file at `path`; throws when the access is not allowed.
    public static func checkWrite(_ path: String) throws(FileAccessError) {}

    /// Called before a connection to `host`:`port` is opened (`host` may be a Unix socket directory).
    public static func checkNetwork(host: String, port: Int) throws(FileAccessError) {}

    /// The environment variable `name`, or nil when it is unset. Credentials (PGPASSWORD …) are read here.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
