// PostgresDatabase: one PostgresNIO connection, opened through FileAccess's network gate and used
// synchronously through AsyncBridge. Errors say what went wrong in the server's words: a refused connection,
// rejected credentials, a missing database, or a bad query (with the query). Ctrl-C cancels the running
// statement on the server (pg_cancel_backend from a second connection), so it stops there too.
import DriftCore
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

final class PostgresDatabase: SQLDatabase, Sendable {
    let endpoint: PostgresEndpoint
    private let connection: PostgresConnection
    private let configuration: PostgresConnection.Configuration
    /// The server process serving this connection, which a cancel request names.
    private let backendProcessID: Int32
    private static let logger = Logger(label: "drift.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    var dialect: SQLDialect { .postgres }

    init(_ endpoint: PostgresEndpoint) throws {
        self.endpoint = endpoint
        try FileAccess.checkNetwork(host: endpoint.host, port: endpoint.port)
        let configuration = try Self.configuration(endpoint)
        self.configuration = configuration
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        do {
            (connection, backendProcessID) = try AsyncBridge.wait {
                let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 1, logger: Self.logger)
                let rows = try await connection.query("select pg_backend_pid()", logger: Self.logger).collect()
                return (connection, try rows.first?.decode(Int32.self) ?? 0)
            }
        } catch {
            throw Self.connectionFailure(error, endpoint)
        }
    }

    func close() {
        let connection = self.connection
        _ = try? AsyncBridge.wait { try await connection.close() }
    }

    func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame {
        try run(sql, parameters) { rows in
            var reader = try PostgresResultReader(columns: rows.columns, sql: sql)
            var count = 0
            for try await row in rows {
                try reader.append(row)
                count += 1
                if count & 1023 == 0 { try Task.checkCancellation() }
            }
            return try reader.frame()
        }
    }

    func transaction(_ body: (any SQLStatementRunner) throws -> Void) throws {
        let runner = Runner(database: self)
        try runner.execute("BEGIN")
        do {
            try body(runner)
            try runner.execute("COMMIT")
        } catch {
            try? runner.execute("ROLLBACK")
            throw error
        }
    }

    /// Runs one statement and hands its rows to `consume`. If Ctrl-C cancels it, the server is asked to cancel
    /// the statement; should that request fail, the connection is closed instead.
    private func run<T: Sendable>(_ sql: String, _ parameters: [SQLValue],
                                  _ consume: @escaping @Sendable (PostgresRowSequence) async throws -> T) throws -> T {
        let (connection, configuration, processID) = (self.connection, self.configuration, backendProcessID)
        let query = PostgresQuery(unsafeSQL: sql, binds: Self.bindings(parameters))
        do {
            return try AsyncBridge.wait {
                try await withTaskCancellationHandler {
                    try await consume(try await connection.query(query, logger: Self.logger))
                } onCancel: {
                    Task(executorPreference: ThreadTaskExecutor.shared) {
                        if !(await Self.cancelOnServer(processID, configuration, on: connection.eventLoop)) {
                            connection.close().whenComplete { _ in }
                        }
                    }
                }
            }
        } catch {
            if Cancellation.isRequested { throw InterruptedError() }
            throw Self.queryFailure(error, sql: sql)
        }
    }

    /// Asks the server to cancel the statement `processID` is running, from a second connection
    /// (pg_cancel_backend, allowed for the same user); false if that could not be done.
    private static func cancelOnServer(_ processID: Int32, _ configuration: PostgresConnection.Configuration,
                                       on eventLoop: any EventLoop) async -> Bool {
        do {
            let helper = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 2, logger: logger)
            let cancelled = try await helper.query("select pg_cancel_backend(\(processID))", logger: logger).collect()
            try await helper.close()
            return try cancelled.first?.decode(Bool.self) ?? false
        } catch {
            return false
        }
    }

    private struct Runner: SQLStatementRunner {
        let database: PostgresDatabase

        func execute(_ sql: String) throws {
            _ = try database.run(sql, []) { _ in () }
        }

        func run(_ sql: String, rows: some Sequence<[SQLValue]>) throws {
            for row in rows {
                try Cancellation.check()
                _ = try database.run(sql, row) { _ in () }
            }
        }
    }

    private static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let number): bindings.append(number)
            case .real(let number): bindings.append(number)
            case .text(let text): bindings.append(text)
            case .boolean(let flag): bindings.append(flag)
            }
        }
        return bindings
    }

    private static func configuration(_ endpoint: PostgresEndpoint) throws -> PostgresConnection.Configuration {
        if endpoint.isUnixSocket {
            return .init(unixSocketPath: endpoint.socketPath, username: endpoint.user,
                         password: endpoint.password, database: endpoint.database)
        }
        var configuration = PostgresConnection.Configuration(
            host: endpoint.host, port: endpoint.port, username: endpoint.user, password: endpoint.password,
            database: endpoint.database, tls: try tls(endpoint.sslMode))
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// libpq's meaning of each sslmode; only verify-ca and verify-full check the server's certificate.
    private static func tls(_ mode: PostgresEndpoint.SSLMode) throws -> PostgresConnection.Configuration.TLS {
        func context(_ verification: CertificateVerification) throws -> NIOSSLContext {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = verification
            return try NIOSSLContext(configuration: configuration)
        }
        switch mode {
        case .disable, .allow: return .disable
        case .prefer: return .prefer(try context(.none))
        case .require: return .require(try context(.none))
        case .verifyCA: return .require(try context(.noHostnameVerification))
        case .verifyFull: return .require(try context(.fullVerification))
        }
    }
}
