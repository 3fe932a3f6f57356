// DatabaseConnections: the database sessions one Drift session keeps open. A Spark Connect session (a gRPC
// connection and a session on the server: about a second to open) is opened once per URL and shared by every
// read_sql and table() on that URL, until the Drift session ends (`close`, or when the last reference goes);
// the Spark client itself reconnects when its connection or server session is lost. SQLite files and PostgreSQL
// connections are still opened for the length of each call, which is cheap. `sessionsOpened` counts the Spark
// sessions opened, for tests.
import Foundation

public final class DatabaseConnections: @unchecked Sendable {
    private var sparkSessions: [SparkURL: any SQLDatabase] = [:]
    private var opened = 0
    private let lock = NSLock()

    public init() {}

    deinit { close() }

    /// How many Spark sessions this has opened.
    public var sessionsOpened: Int { lock.withLock { opened } }

    /// Runs `body` on the database at `url`: the kept session of a Spark URL, else one opened and closed around it.
    public func withDatabase<T>(_ url: DatabaseURL, _ body: (any SQLDatabase) throws -> T) throws -> T {
        guard case .spark(let spark) = url else { return try url.withDatabase(body) }
        return try body(try session(spark))
    }

    private func session(_ url: SparkURL) throws -> any SQLDatabase {
        try lock.withLock {
            if let open = sparkSessions[url] { return open }
            let database = try SparkConnector.open(url)
            sparkSessions[url] = database
            opened += 1
            return database
        }
    }

    /// Closes every kept session (a later call opens a new one).
    public func close() {
        let sessions = lock.withLock {
            defer { sparkSessions = [:] }
            return Array(sparkSessions.values)
        }
        for session in sessions { session.close() }
    }
}
