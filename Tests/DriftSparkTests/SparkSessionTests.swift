// SparkSessionTests: a SparkDatabase keeps one client (a connection and a server session) for all its queries,
// and when that client finds its connection or server session gone — the client shut down, the session released
// on the server (as an idle timeout or a restart leaves it) — it opens a new one and runs the query again, once;
// a server it cannot reach at all is an error, not a retry; a server that takes a token refuses calls without it.
// Needs DRIFT_TEST_SPARK; skipped without it.
import DriftCore
import DriftSources
@testable import DriftSpark
import Foundation
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"] != nil,
                "no Spark Connect test server: set DRIFT_TEST_SPARK=spark://127.0.0.1:15002 (.ci/run starts one)"))
struct SparkSessionTests {
    let url: SparkURL

    init() throws {
        url = try Self.sparkURL(ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"] ?? "")
    }

    private static func sparkURL(_ text: String) throws -> SparkURL {
        guard case .spark(let url) = try DatabaseURL(text) else { throw SQLError("\(text) is not a spark:// URL") }
        return url
    }

    private func number(_ database: SparkDatabase, _ sql: String) throws -> Double? {
        try database.query(sql, parameters: []).columns.first.flatMap { if case .numeric(let column) = $0 { column.values.first } else { nil } }
    }

    @Test func queriesShareOneClient() throws {
        let database = try SparkDatabase(url)
        defer { database.close() }
        for k in 1...5 { #expect(try number(database, "SELECT \(k) AS k") == Double(k)) }
        #expect(database.clientsOpened == 1)
    }

    @Test func aClientThatWasShutDownIsReplacedOnce() throws {
        let database = try SparkDatabase(url)
        defer { database.close() }
        #expect(try number(database, "SELECT 1 AS x") == 1)
        database.currentClient.close()
        #expect(try number(database, "SELECT 2 AS x") == 2)
        #expect(try number(database, "SELECT 3 AS x") == 3)
        #expect(database.clientsOpened == 2)
    }

    @Test func aSessionTheServerReleasedIsOpenedAgain() throws {
        let database = try SparkDatabase(url)
        defer { database.close() }
        #expect(try number(database, "SELECT 1 AS x") == 1)
        let client = database.currentClient
        try AsyncBridge.wait { try await client.releaseSession() }
        #expect(try number(database, "SELECT 2 AS x") == 2)
        #expect(database.clientsOpened == 2)
    }

    /// CI's server takes a bearer token (tools/spark_test_server.sh), so every Spark test sends it; without it, or
    /// with another, the server refuses the call and the error says so.
    @Test(.enabled(if: (try? Self.sparkURL(ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"] ?? ""))?.token != nil,
                   "the test server takes no token"))
    func aServerThatTakesATokenRefusesCallsWithoutIt() throws {
        for (token, reason) in [(nil, "No authentication token provided"), ("not-\(url.token ?? "")", "Invalid authentication token")] {
            var other = url
            other.token = token
            let message = errorText {
                let database = try SparkDatabase(other)
                defer { database.close() }
                _ = try database.query("SELECT 1 AS x", parameters: [])
            }
            #expect(message == "the Spark Connect server at \(DatabaseURL.spark(other).displayName) refused the credentials: \(reason)")
        }
    }

    @Test func aQueryErrorIsNoLostConnection() throws {
        let database = try SparkDatabase(url)
        defer { database.close() }
        #expect(try number(database, "SELECT 1 AS x") == 1)
        #expect(errorText { _ = try database.query("SELECT no_such_column", parameters: []) }?.contains("UNRESOLVED_COLUMN") == true)
        #expect(database.clientsOpened == 1)
    }

    @Test func anUnreachableServerIsAnErrorWithoutRetrying() throws {
        let database = try SparkDatabase(try Self.sparkURL("spark://127.0.0.1:1"))
        defer { database.close() }
        let message = errorText { _ = try database.query("SELECT 1", parameters: []) }
        #expect(message?.hasPrefix("cannot reach the Spark Connect server at spark://127.0.0.1:1") == true, "\(message ?? "")")
        #expect(database.clientsOpened == 1)
    }

    private func errorText(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return String(describing: error)
        }
    }
}
