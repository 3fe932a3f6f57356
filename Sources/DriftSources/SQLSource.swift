// SQLSource: the rows of a query against a database, as a DataSource (`read_sql`). The query's parameters
// are bound by the database driver, never spliced into the SQL text. At most `maxRows` rows come back
// (SQLRowLimit): the query is limited to one more, and a result with more is an error.
import DriftCore

public struct SQLSource: DataSource, Sendable {
    public let url: DatabaseURL
    public let query: String
    public let parameters: [SQLValue]
    /// The most rows the query may return; nil for no limit (the memory limit still applies).
    public let maxRows: Int?
    let connections: DatabaseConnections

    /// read_sql's default row limit.
    public static let defaultMaxRows = 1_000_000

    public init(url: DatabaseURL, query: String, parameters: [SQLValue] = [], maxRows: Int? = SQLSource.defaultMaxRows,
                connections: DatabaseConnections = DatabaseConnections()) {
        self.url = url
        self.query = query
        self.parameters = parameters
        self.maxRows = maxRows
        self.connections = connections
    }

    public var name: String { url.displayName }

    public func load() throws -> DataFrame {
        try connections.withDatabase(url) { database in
            guard let maxRows else { return try database.query(query, parameters: parameters) }
            let frame = try database.query(query, parameters: parameters, rowLimit: maxRows + 1)
            guard frame.rowCount <= maxRows else { throw SQLRowLimit.tooManyRows(maxRows) }
            return frame
        }
    }
}
