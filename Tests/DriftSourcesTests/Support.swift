// Support: helpers shared by the DriftSources tests: temporary SQLite files made with GRDB, and the
// PostgreSQL test server's URL (set by .ci/run; the PostgreSQL tests are skipped without it).
import DriftCore
import Foundation
import GRDB
import Testing
import DriftTestSupport

/// A fresh SQLite path in a private temporary directory, removed when the test ends (the file does not exist yet).
func temporaryDatabasePath() throws -> String {
    try TemporaryFiles.directory("drift-sources-tests").appendingPathComponent("test.db").path
}

/// A SQLite file holding the tables `statements` create.
func sqliteFile(_ statements: String) throws -> String {
    let path = try temporaryDatabasePath()
    try DatabaseQueue(path: path).write { try $0.execute(sql: statements) }
    return path
}

/// The URL of the PostgreSQL server the tests may use, from DRIFT_TEST_POSTGRES.
let testPostgresURL = ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES"]

/// Enables a PostgreSQL test only when a test server is configured.
let needsPostgres = Testing.ConditionTrait.enabled(
    if: testPostgresURL != nil,
    "no PostgreSQL test server: set DRIFT_TEST_POSTGRES=postgres://user:password@host:port/db (.ci/run starts one)")

/// The message of the error `body` throws, or nil if it throws none.
func errorMessage(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return String(describing: error)
    }
}

extension DriftCore.Column {
    var numbers: [Double]? { if case .numeric(let column) = self { column.values } else { nil } }
    var strings: [String?]? { if case .text(let column) = self { (0..<column.count).map { column[$0] } } else { nil } }
    var flags: [Bool?]? { if case .boolean(let column) = self { (0..<column.count).map { column[$0] } } else { nil } }
}

/// NaN-aware equality for expected numbers.
func same(_ a: [Double]?, _ b: [Double]) -> Bool {
    guard let a, a.count == b.count else { return false }
    return zip(a, b).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }
}
