// DatabaseConnections: the database sessions one Drift session keeps open. A Spark Connect session (a gRPC
// connection and a session on the server: about a second to open) is opened once per URL and shared by every
// read_sql and table() on that URL, until the Drift session ends (`close`, or when the last reference goes);
// the Spark client itself reconnects when its connection or server session is lost. SQLite files and PostgreSQL
// connections are still opened for the length of each call, which is cheap. `sessionsOpened` counts the Spark
// sessions opened, for tests.
import Foundation

public final class DatabaseConnections: @unchecked Sendable {
    /// One URL's session, opened under its own lock: opening one URL's session does not hold up another's.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var database: (any SQLDatabase)?
    }

    private var slots: [SparkURL: Slot] = [:]
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
        let slot = lock.withLock {
            if let slot = slots[url] { return slot }
            let slot = Slot()
            slots[url] = slot
            return slot
        }
        return try slot.lock.withLock {
            if let open = slot.database { return open }
            let database = try SparkConnector.open(url)
            slot.database = database
            lock.withLock { opened += 1 }
            return database
        }
    }

    /// Closes every kept session (a later call opens a new one).
    public func close() {
        let closing = lock.withLock {
            defer { slots = [:] }
            return Array(slots.values)
        }
        for slot in closing {
            slot.lock.withLock {
                slot.database?.close()
                slot.database = nil
            }
        }
    }
}
