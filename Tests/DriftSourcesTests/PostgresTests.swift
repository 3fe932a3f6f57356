// PostgresTests: reading and writing through a real PostgreSQL server (DRIFT_TEST_POSTGRES, which .ci/run sets
// after starting a throw-away server; skipped without it): type mapping, bound parameters, NULLs, round trips,
// read_sql's row limit, and the errors for a refused connection, wrong credentials, a bad query and an unreadable type.
import DriftCore
import DriftSources
import Foundation
import Testing

@Suite(needsPostgres) struct PostgresTests {
    let url = try! DatabaseURL(testPostgresURL ?? "postgres://")

    private func read(_ sql: String, _ parameters: [SQLValue] = [], url: DatabaseURL? = nil) throws -> DataFrame {
        try SQLSource(url: url ?? self.url, query: sql, parameters: parameters).load()
    }

    /// The test server's URL with some parts changed.
    private func changed(_ change: (inout PostgresURL) -> Void) -> DatabaseURL {
        guard case .postgres(var parts) = url else { return url }
        change(&parts)
        return .postgres(parts)
    }

    @Test func typesMapToDriftColumns() throws {
        let frame = try read("""
            select 1::int2 as a, 2::int4 as b, 9007199254740993::int8 as c, 1.5::float4 as d, 0.1::float8 as e,
                   12345.6789::numeric as f, 'x'::text as g, 'y'::varchar(3) as h, 'z'::char(3) as i, true as j,
                   date '2024-03-01' as k, timestamp '2024-03-01 08:15:00.25' as l,
                   timestamptz '2024-03-01 08:15:00+02' as m, null::int as n, null::text as o, null::bool as p,
                   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid as q, '{"k": 1}'::jsonb as r,
                   interval '1 day 02:00:00.5' as s, 'infinity'::timestamp as t
            """)
        #expect(frame.columns.map(\.typeName) == ["num", "num", "num", "num", "num", "num", "str", "str", "str", "bool",
                                                  "date", "datetime", "datetime", "num", "str", "bool", "str", "str",
                                                  "duration", "datetime"])
        #expect(frame.columns[0...5].map { $0.numbers?.first } == [1, 2, 9007199254740992, 1.5, 0.1, 12345.6789])
        #expect(frame.columns[6...8].map { $0.strings?.first } == ["x", "y", "z  "])
        #expect(frame.columns[9].flags == [true])
        let day = 19_783 * Micros.day  // 2024-03-01
        #expect(frame.columns[10] == .time(TimeColumn([day], kind: .date)))
        #expect(frame.columns[11] == .time(TimeColumn([day + 8 * Micros.hour + 15 * Micros.minute + Micros.second / 4], kind: .datetime)))
        #expect(frame.columns[12] == .time(TimeColumn([day + 6 * Micros.hour + 15 * Micros.minute], kind: .datetime)))
        #expect(frame.columns[18] == .time(TimeColumn([Micros.day + 2 * Micros.hour + Micros.second / 2], kind: .duration)))
        #expect(frame.columns[19] == .time(TimeColumn([TimeValue.missing], kind: .datetime)), "infinity is missing")
        #expect(errorMessage { _ = try read("select interval '1 month' as m") }?.hasPrefix("column 'm' holds an interval of 1 months") == true)
        #expect(same(frame.columns[13].numbers, [.nan]) && frame.columns[14].strings == [nil] && frame.columns[15].flags == [nil])
        #expect(frame.columns[16].strings == ["A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"] && frame.columns[17].strings == [#"{"k": 1}"#])
    }

    @Test func numericNaNIsMissingAndInfinitiesStay() throws {
        let frame = try read("select x from (values ('NaN'::numeric), ('Infinity'::numeric), ('-Infinity'::numeric), (2.5::numeric)) as v(x)")
        #expect(same(frame.columns[0].numbers, [.nan, .infinity, -.infinity, 2.5]))
    }

    @Test func parametersAreBoundNotSpliced() throws {
        let frame = try read("select $1::text as s, $2::int8 + 1 as i, $3::float8 as r, $4::bool as b, $5::text as n",
                             [.text("O'Brien; drop table x; --"), .integer(41), .real(0.5), .boolean(false), .null])
        #expect(frame.columns[0].strings == ["O'Brien; drop table x; --"])
        #expect(frame.columns[1].numbers == [42] && frame.columns[2].numbers == [0.5])
        #expect(frame.columns[3].flags == [false] && frame.columns[4].strings == [nil])
        let limited = try read("select g from generate_series(1, 10) as g limit $1", [SQLValue(number: 3)])
        #expect(limited.columns[0].numbers == [1, 2, 3])
    }

    @Test func writeThenReadGivesTheSameFrame() throws {
        let frame = try DataFrame([
            ("id", .numeric(NumericColumn((0..<1203).map(Double.init)))),
            ("score", .numeric(NumericColumn((0..<1203).map { $0 % 7 == 0 ? .nan : Double($0) / 3 }))),
            ("name", .text(TextColumn((0..<1203).map { $0 % 5 == 0 ? nil : "n'\($0 % 4)" }))),
            ("ok", .boolean(BoolColumn((0..<1203).map { $0 % 3 == 0 ? nil : $0 % 2 == 0 }))),
            ("day", .time(TimeColumn((0..<1203).map { $0 % 11 == 0 ? TimeValue.missing : Int64($0 - 600) * Micros.day }, kind: .date))),
            ("at", .time(TimeColumn((0..<1203).map { $0 % 13 == 0 ? TimeValue.missing : Int64($0) * 987_654_321_123 - 5 }, kind: .datetime))),
            ("took", .time(TimeColumn((0..<1203).map { $0 % 17 == 0 ? TimeValue.missing : Int64($0 - 600) * 3_601_000_001 }, kind: .duration))),
        ])
        let table = "drift_test_\(UUID().uuidString.prefix(8).lowercased())"
        try SQLTableWriter.write(frame, to: url, table: table, mode: .replace)
        #expect(try read("select * from \(table) order by id") == frame)
        try SQLTableWriter.write(frame, to: url, table: "public.\(table)", mode: .append)
        #expect(try read("select count(*) as n from \(table)").columns[0].numbers == [2406])
        try SQLTableWriter.write(frame, to: url, table: table, mode: .replace)
        #expect(try read("select count(*) as n from \(table)").columns[0].numbers == [1203])
        _ = try read("drop table \(table)")
    }

    @Test func readSQLStopsAtItsRowLimit() throws {
        func read(_ sql: String, _ parameters: [SQLValue] = [], maxRows: Int?) throws -> DataFrame {
            try SQLSource(url: url, query: sql, parameters: parameters, maxRows: maxRows).load()
        }
        let ordered = try read("select g from generate_series(1, 10) as g where g > $1 order by g desc; -- newest first", [.integer(4)], maxRows: 6)
        #expect(ordered.columns[0].numbers == [10, 9, 8, 7, 6, 5])
        #expect(try read("with t as (select 1 as a, 2 as b) table t", maxRows: nil).rowCount == 1)
        #expect(try read("show server_version", maxRows: 1).rowCount == 1, "a statement that is not a query runs as written")
        // A hundred million rows: the server stops after the limit's 1,001.
        let refused = errorMessage { _ = try read("select g from generate_series(1, 100000000) as g", maxRows: 1000) }
        #expect(refused == "the query returned more than 1,000 rows; pass max_rows: (a larger number, or null for no limit) or summarise the table with table(...) instead")
    }

    @Test func emptyResultsKeepNamesAndTypes() throws {
        let frame = try read("select 1 as a, 'x'::text as b, true as c where false")
        #expect(frame.names == ["a", "b", "c"] && frame.columns.map(\.typeName) == ["num", "str", "bool"] && frame.rowCount == 0)
    }

    @Test func aBadQueryReportsTheServerMessageAndTheQuery() {
        #expect(errorMessage { _ = try read("select * from no_such_table") }
            == "PostgreSQL: relation \"no_such_table\" does not exist\n  in query: select * from no_such_table")
        #expect(errorMessage { _ = try read("select $1::int", [.text("seven")]) }?
            .hasPrefix("PostgreSQL: invalid input syntax for type integer: \"seven\"") == true)
    }

    @Test func unreadableTypesAreRefusedByName() {
        #expect(errorMessage { _ = try read("select '\\x00ff'::bytea as payload") }
            == "column 'payload' has PostgreSQL type BYTEA, which Drift cannot read; cast it in the query, e.g. payload::text\n  in query: select '\\x00ff'::bytea as payload")
    }

    @Test func wrongCredentialsAreReported() throws {
        let wrong = changed { $0.password = "wrong" }
        let message = errorMessage { _ = try read("select 1", url: wrong) } ?? ""
        #expect(message.contains("refused the credentials: password authentication failed for user"), "\(message)")
        #expect(!message.contains("wrong"))
        let noDatabase = changed { $0.database = "no_such_database" }
        #expect(errorMessage { _ = try read("select 1", url: noDatabase) }?.contains("database \"no_such_database\" does not exist") == true)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["PGPASSWORD"] == nil, "PGPASSWORD is set"))
    func aMissingPasswordIsAskedFor() {
        let message = errorMessage { _ = try read("select 1", url: changed { $0.password = nil }) }
        #expect(message?.hasSuffix("asks for a password: put it in the URL (postgres://user:password@host/db) or set PGPASSWORD") == true,
                "\(message ?? "")")
    }

    @Test func connectsThroughTheUnixSocket() throws {
        // .ci/run starts the server with its socket in the directory DRIFT_TEST_POSTGRES_SOCKET names.
        let directory = try #require(ProcessInfo.processInfo.environment["DRIFT_TEST_POSTGRES_SOCKET"])
        let socket = changed { $0.host = directory }
        #expect(try read("select 2 as two", url: socket).columns[0].numbers == [2])
    }

    @Test func aRefusedConnectionIsReported() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        let message = errorMessage { _ = try read("select 1", url: changed { $0.host = "127.0.0.1"; $0.port = 1 }) } ?? ""
        #expect(message.hasPrefix("cannot connect to PostgreSQL at ") && message.contains("@127.0.0.1:1/"), "\(message)")
        #expect(message.hasSuffix(": connection refused (is the server running and accepting connections there?)"), "\(message)")
    }
}
