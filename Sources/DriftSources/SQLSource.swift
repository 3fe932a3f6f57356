// SQLSource: the rows of a query against a database, as a DataSource (`read_sql`). The query's parameters
// are bound by the database driver, never spliced into the SQL text.
import DriftCore

public struct SQLSource: DataSource, Sendable {
    public let url: DatabaseURL
    public let query: String
    public let parameters: [SQLValue]

    public init(url: DatabaseURL, query: String, parameters: [SQLValue] = []) {
        self.url = url
        self.query = query
        self.parameters = parameters
    }

    public var name: String { url.displayName }

    public func load() throws -> DataFrame {
        try url.withDatabase { try $0.query(query, parameters: parameters) }
    }
}
