// SparkDatabase: a Spark Connect session as a SQLDatabase in the Spark SQL dialect, so `read_sql` and the
// pushed-down summaries of `table()` (SQLTableSource) run on Spark as on PostgreSQL. `register()` hands its
// opener to DriftSources' SparkConnector (DriftSources itself has no gRPC). A Drift session keeps one open per URL
// (DatabaseConnections); when its client finds the connection or the server's session lost (a restarted server,
// an idle session the server timed out), a new client is opened and the query runs again, once. Spark has no
// transactions, and writing data frames to Spark is not supported: write_sql refuses a spark:// URL.
import DriftCore
import DriftSources
import Synchronization

public final class SparkDatabase: SQLDatabase, Sendable {
    public let url: SparkURL
    private let client: Mutex<SparkConnectClient>
    private let clients = Atomic<Int>(1)

    public var dialect: SQLDialect { .spark }

    public init(_ url: SparkURL) throws {
        self.url = url
        client = Mutex(try SparkConnectClient(url))
    }

    /// Makes `spark://` URLs open Spark Connect sessions (idempotent).
    public static func register() {
        SparkConnector.register { try SparkDatabase($0) }
    }

    /// How many clients (a connection and a server session each) this database has opened: 1, plus reconnections.
    public var clientsOpened: Int { clients.load(ordering: .relaxed) }

    /// The client queries run on now.
    var currentClient: SparkConnectClient { client.withLock { $0 } }

    public func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame {
        let current = currentClient
        do {
            return try current.query(sql, parameters: parameters)
        } catch let lost as SparkConnectionLost {
            // A new client has not connected yet, so its failure is an ordinary error: one reconnection per query.
            // It is opened under the lock, so queries that lost the same client share the one that replaces it.
            let fresh = try client.withLock { held throws -> SparkConnectClient in
                guard held === current else { return held }
                do { held = try SparkConnectClient(url) } catch { throw lost.error }
                clients.add(1, ordering: .relaxed)
                current.close()
                return held
            }
            return try fresh.query(sql, parameters: parameters)
        }
    }

    public func transaction(_ body: (any SQLStatementRunner) throws -> Void) throws {
        throw SQLError("write_sql cannot write to Spark (\(DatabaseURL.spark(url).displayName)): Drift reads from Spark but does not write to it")
    }

    public func close() { currentClient.close() }
}
