// SparkDatabase: a Spark Connect session as a SQLDatabase in the Spark SQL dialect, so `read_sql` and the
// pushed-down summaries of `table()` (SQLTableSource) run on Spark as on PostgreSQL. `register()` hands its
// opener to DriftSources' SparkConnector (DriftSources itself has no gRPC). Spark has no transactions, and
// writing data frames to Spark is not supported: write_sql refuses a spark:// URL.
import DriftCore
import DriftSources

public final class SparkDatabase: SQLDatabase, Sendable {
    private let client: SparkConnectClient

    public var dialect: SQLDialect { .spark }

    public init(_ url: SparkURL) throws {
        client = try SparkConnectClient(url)
    }

    /// Makes `spark://` URLs open Spark Connect sessions (idempotent).
    public static func register() {
        SparkConnector.register { try SparkDatabase($0) }
    }

    public func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame {
        try client.query(sql, parameters: parameters)
    }

    public func transaction(_ body: (any SQLStatementRunner) throws -> Void) throws {
        throw SQLError("write_sql cannot write to Spark (\(DatabaseURL.spark(client.url).displayName)): Drift reads from Spark but does not write to it")
    }

    public func close() { client.close() }
}
