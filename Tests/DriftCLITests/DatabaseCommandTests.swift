// DatabaseCommandTests: a script reaches PostgreSQL with nothing but the standard PG* environment variables
// (skipped without the test server that .ci/run starts and names in DRIFT_TEST_POSTGRES).
import Foundation
import Testing

@Test(.enabled(if: ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES"] != nil, "no PostgreSQL test server (DRIFT_TEST_POSTGRES)"))
func postgresCredentialsComeFromTheEnvironment() throws {
    let server = try #require(URLComponents(string: ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES"] ?? ""))
    let environment = [
        "PGHOST": server.host ?? "", "PGPORT": "\(server.port ?? 5432)", "PGUSER": server.user ?? "",
        "PGPASSWORD": server.password ?? "", "PGDATABASE": String(server.path.dropFirst()),
    ]
    let script = #"print(read_sql("postgres://", "select current_user as who, $1::int * 2 as twice", params: [21]))"#
    let result = try DriftBinary.run(["-e", script], environment: environment)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains(server.user ?? "?") && result.output.contains("42"), "\(result.output)")
}
