// SQLDatabase: one open database (a SQLite file, a PostgreSQL connection or a Spark Connect session) that runs a
// query into a data frame and writes a data frame into a table. `DatabaseURL.withDatabase` opens one for the
// length of a call; DatabaseConnections keeps Spark's open for a Drift session. Spark's client lives in the
// DriftSpark target (gRPC stays out of DriftSources), which registers its opener with `SparkConnector`.
//
// Pushdown: a lazy `table(url, "schema.table", where:)` source (SQLTableSource) keeps a DatabaseURL, a table
// name and a filter instead of rows; its summaries are aggregate queries (SQLSummaryQuery, SQLSummaryPass) run
// through `query(_:parameters:)`, which return small frames of counts.
import DriftCore
import Synchronization

public protocol SQLDatabase {
    var dialect: SQLDialect { get }
    /// Runs a query with bound parameters and returns its rows as typed columns.
    func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame
    /// Runs a query and returns at most its first `rowLimit` rows (a statement that is no query may return more).
    func query(_ sql: String, parameters: [SQLValue], rowLimit: Int) throws -> DataFrame
    /// Runs statements in one transaction: all of them take effect or none does.
    func transaction(_ body: (SQLStatementRunner) throws -> Void) throws
    /// Releases the connection.
    func close()
}

extension SQLDatabase {
    public func close() {}
}

/// Opens a Spark Connect session for a `spark://` URL; DriftSpark registers the opener.
public enum SparkConnector {
    public typealias Opener = @Sendable (SparkURL) throws -> any SQLDatabase
    private static let opener = Mutex<Opener?>(nil)

    public static func register(_ open: @escaping Opener) { opener.withLock { $0 = open } }

    static func open(_ url: SparkURL) throws -> any SQLDatabase {
        guard let open = opener.withLock({ $0 }) else { throw SQLError("spark:// URLs need Drift's Spark Connect client, which this program does not include") }
        return try open(url)
    }
}

/// Runs statements inside a transaction. `run` prepares `sql` once and executes it for each parameter row.
public protocol SQLStatementRunner {
    func execute(_ sql: String) throws
    func run(_ sql: String, rows: some Sequence<[SQLValue]>) throws
}

extension DatabaseURL {
    /// Opens the database, runs `body`, and closes it again, whether `body` succeeds or throws.
    func withDatabase<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        switch self {
        case .sqlite(let path):
            return try body(SQLiteDatabase(path: path))
        case .postgres(let url):
            let database = try PostgresDatabase(try PostgresEndpoint(url))
            defer { database.close() }
            return try body(database)
        case .spark(let url):
            let database = try SparkConnector.open(url)
            defer { database.close() }
            return try body(database)
        }
    }
}
