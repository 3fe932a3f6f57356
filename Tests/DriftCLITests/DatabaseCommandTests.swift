// DatabaseCommandTests: a script reaches PostgreSQL with nothing but the standard PG* environment variables
// (skipped without the test server that .ci/run starts and names in DRIFT_TEST_POSTGRES).
import Foundation
import Testing
import DriftTestSupport

@Test(.temporaryFiles, .enabled(if: ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES"] != nil, "no PostgreSQL test server (DRIFT_TEST_POSTGRES)"))
func postgresCredentialsComeFromTheEnvironment() throws {
    let environment = try postgresEnvironment()
    let script = #"print(read_sql("postgres://", "select current_user as who, $1::int * 2 as twice", params: [21]))"#
    let result = try DriftBinary.run(["-e", script], environment: environment)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains(environment["PGUSER"] ?? "?") && result.output.contains("42"), "\(result.output)")
}

/// Ctrl-C stops a database call that would run for a long time, and the REPL carries on. Lines stay shorter
/// than the 80-column terminal, so readline echoes them whole.
@Suite(.serialized, .temporaryFiles) struct DatabaseInterruptTests {
    /// Types `setup`, then `read_sql(db, q)`, Ctrl-C, and `check` (each with the output it must show).
    private func interrupt(after setup: [String], environment: [String: String] = [:],
                           check: [(line: String, shows: String)] = [("1 + 1", "2")]) throws {
        let history = try temporaryDirectory().appendingPathComponent("history").path
        let terminal = try PseudoTerminal(environment: environment.merging(["DRIFT_HISTORY": history]) { $1 })
        try terminal.expect("drift> ")
        for line in setup {
            terminal.type(line + "\r")
            try terminal.expect("drift> ")
        }
        terminal.type("read_sql(db, q)\r")
        try terminal.expect("read_sql(db, q)\r\n")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.type("\u{3}")
        try terminal.expect("interrupted", timeout: .seconds(5))
        try terminal.expect("drift> ")
        for (line, output) in check {
            terminal.type(line + "\r")
            try terminal.expect(output)
        }
    }

    @Test(.tags(.needsLanguage)) func ctrlCStopsASQLiteQuery() throws {
        // An endless recursive query: only the interrupt ends it.
        try interrupt(after: [
            #"let db = "sqlite:" + "\#(packageRoot.path)" + "/examples/data/predictions.db""#,
            #"let q = "with recursive n(i) as (select 1 union all select i + 1 from n) ""#,
            #"q = q + "select count(*) from n""#,
        ])
    }

    @Test(.tags(.needsLanguage), .enabled(if: ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES"] != nil, "no PostgreSQL test server (DRIFT_TEST_POSTGRES)"))
    func ctrlCStopsAPostgresQuery() throws {
        // The statement is cancelled on the server too: it is no longer running there.
        let sleep = "select pg_sleep(60) as t\(UInt32.random(in: 0...UInt32.max))"
        let running = #"read_sql(db, "select count(*) as n from pg_stat_activity where query = $1", params: [q]).n"#
        try interrupt(after: [#"let db = "postgres://""#, "let q = \"\(sleep)\""], environment: postgresEnvironment(),
                      check: [("print(" + running + ")", "[0]")])
    }
}

/// The test server's URL as the standard PG* variables.
private func postgresEnvironment() throws -> [String: String] {
    let server = try #require(URLComponents(string: ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES"] ?? ""))
    return [
        "PGHOST": server.host ?? "", "PGPORT": "\(server.port ?? 5432)", "PGUSER": server.user ?? "",
        "PGPASSWORD": server.password ?? "", "PGDATABASE": String(server.path.dropFirst()),
    ]
}
