// SQLiteTests: reading and writing SQLite files: round trips, bound parameters, NULLs, declared and inferred
// types, and the errors a script sees.
import DriftCore
import DriftSources
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct SQLiteTests {
    let sample = try! DataFrame([
        ("id", .numeric(NumericColumn([1, 2, 3, 4]))),
        ("score", .numeric(NumericColumn([0.25, .nan, -1.5e-7, 1e300]))),
        ("name", .text(TextColumn(["O'Brien", nil, "Zoë \"quoted\"", "O'Brien"]))),
        ("ok", .boolean(BoolColumn([true, false, nil, true]))),
    ])

    private func read(_ path: String, _ sql: String, _ parameters: [SQLValue] = []) throws -> DataFrame {
        try SQLSource(url: .sqlite(path: path), query: sql, parameters: parameters).load()
    }

    @Test func writeThenReadGivesTheSameFrame() throws {
        let path = try temporaryDatabasePath()
        try SQLTableWriter.write(sample, to: .sqlite(path: path), table: "t", mode: .replace)
        #expect(try read(path, "select * from t") == sample)
    }

    @Test func datesAndDatetimesRoundTripAsISOText() throws {
        let frame = try DataFrame([
            ("day", .time(TimeColumn([19_783 * Micros.day, TimeValue.missing, -1 * Micros.day], kind: .date))),
            ("at", .time(TimeColumn([1_709_280_000_250_000, 7, TimeValue.missing], kind: .datetime))),
        ])
        let path = try temporaryDatabasePath()
        try SQLTableWriter.write(frame, to: .sqlite(path: path), table: "t", mode: .replace)
        #expect(try read(path, "select * from t") == frame)
        #expect(try read(path, "select at from t where day = '2024-03-01'").columns[0].count == 1, "dates are stored as ISO text")
    }

    @Test func replaceReplacesAndAppendAdds() throws {
        let path = try temporaryDatabasePath()
        let url = DatabaseURL.sqlite(path: path)
        try SQLTableWriter.write(sample, to: url, table: "t", mode: .append)  // creates the table
        try SQLTableWriter.write(sample, to: url, table: "t", mode: .append)
        #expect(try read(path, "select count(*) as n from t").columns[0].numbers == [8])
        try SQLTableWriter.write(sample, to: url, table: "t", mode: .replace)
        #expect(try read(path, "select count(*) as n from t").columns[0].numbers == [4])
    }

    @Test func writesManyRowsInBatches() throws {
        let path = try temporaryDatabasePath()
        let n = 1234  // two full INSERT batches of 500 rows and a partial one
        let frame = try DataFrame([("x", .numeric(NumericColumn((0..<n).map(Double.init))))])
        try SQLTableWriter.write(frame, to: .sqlite(path: path), table: "main.big", mode: .replace)
        let back = try read(path, "select sum(x) as total, count(*) as n from big")
        #expect(back.columns[0].numbers == [Double(n * (n - 1) / 2)])
        #expect(back.columns[1].numbers == [Double(n)])
    }

    @Test func parametersAreBoundNotSpliced() throws {
        let path = try temporaryDatabasePath()
        try SQLTableWriter.write(sample, to: .sqlite(path: path), table: "t", mode: .replace)
        let match = try read(path, "select id from t where name = ? order by id", [.text("O'Brien")])
        #expect(match.columns[0].numbers == [1, 4])
        let injection = try read(path, "select id from t where name = ?", [.text("x' or '1'='1")])
        #expect(injection.rowCount == 0)
        let typed = try read(path, "select ? as i, ? as r, ? as b, ? as n", [.integer(7), .real(0.5), .boolean(true), .null])
        #expect(typed.columns.map(\.typeName) == ["num", "num", "num", "num"])
        #expect(same(typed.columns[3].numbers, [.nan]))
    }

    @Test func declaredTypesPickTheColumnKind() throws {
        let path = try sqliteFile("""
            create table t (i INTEGER, r REAL, d DECIMAL(10,2), v VARCHAR(20), b BOOLEAN, ts DATETIME, epoch TIMESTAMP, u);
            insert into t values (1, 1.5, 2.25, 'a', 1, '2024-03-01T08:00:00', 1709280000, 'x');
            insert into t values (null, null, null, null, null, null, null, 2);
            insert into t values (3, 3, 4, 'c', 0, '2024-03-02T08:00:00', 1709366400, null);
            """)
        let frame = try read(path, "select * from t")
        #expect(frame.columns.map(\.typeName) == ["num", "num", "num", "str", "bool", "datetime", "num", "str"])
        #expect(same(frame.columns[0].numbers, [1, .nan, 3]))
        #expect(frame.columns[4].flags == [true, nil, false])
        #expect(frame.columns[5] == .time(TimeColumn([19783 * Micros.day + 8 * Micros.hour, TimeValue.missing, 19784 * Micros.day + 8 * Micros.hour], kind: .datetime)))
        #expect(frame.columns[7].strings == ["x", "2", nil], "an untyped column mixing text and numbers is text")
    }

    @Test func valuesThatDoNotFitWidenTheColumn() throws {
        let path = try sqliteFile("""
            create table t (n INTEGER, b BOOLEAN);
            insert into t values (1, 1), ('n/a', 2), (2.5, null);
            """)
        let frame = try read(path, "select n, b, n + 1 as expression, null as empty from t")
        #expect(frame.columns[0].strings == ["1", "n/a", "2.5"])
        #expect(same(frame.columns[1].numbers, [1, 2, .nan]), "a BOOLEAN column holding 2 reads as numbers")
        #expect(same(frame.columns[2].numbers, [2, 1, 3.5]))
        #expect(same(frame.columns[3].numbers, [.nan, .nan, .nan]))
    }

    @Test func emptyResultsKeepNamesAndDeclaredTypes() throws {
        let path = try sqliteFile("create table t (a INTEGER, b TEXT, c BOOLEAN);")
        let frame = try read(path, "select * from t")
        #expect(frame.names == ["a", "b", "c"])
        #expect(frame.columns.map(\.typeName) == ["num", "str", "bool"])
        #expect(frame.rowCount == 0)
    }

    @Test func readsTheShippedPredictionsDatabase() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("examples/data/predictions.db").path
        let frame = try read(path, "select * from predictions where ts >= ? and ts < ?", [.text("2024-03-01"), .text("2024-04-01")])
        #expect(frame.rowCount == 620)
        #expect(frame.column(named: "label")?.typeName == "bool")
        #expect(frame.column(named: "label")?.missingCount == 200)
    }

    @Test func errorsSayWhatWentWrong() throws {
        let path = try sqliteFile("create table t (a INTEGER, b BLOB); insert into t values (1, x'00ff');")
        #expect(errorMessage { _ = try read(path + ".missing", "select 1") } == "cannot read '\(path).missing': no such file")
        #expect(errorMessage { _ = try read(path, "select * from nope") } == "SQLite: no such table: nope\n  in query: select * from nope")
        #expect(errorMessage { _ = try read(path, "select a from t where a = ?") }?.contains("wrong number of statement arguments") == true)
        #expect(errorMessage { _ = try read(path, "select b from t") } == "column 'b' holds a BLOB, which Drift cannot read; select hex(b) or leave it out")
        #expect(errorMessage { _ = try read(path, "select a, a from t") } == "duplicate column name 'a'")
        #expect(errorMessage { try SQLTableWriter.write(sample, to: .sqlite(path: path), table: "a..b", mode: .replace) }
            == "invalid table name 'a..b'; write table or schema.table")
    }

    @Test func aFailedWriteLeavesTheTableAsItWas() throws {
        let path = try temporaryDatabasePath()
        let url = DatabaseURL.sqlite(path: path)
        try SQLTableWriter.write(sample, to: url, table: "t", mode: .replace)
        let other = try DataFrame([("unknown_column", .numeric(NumericColumn([1])))])
        #expect(errorMessage { try SQLTableWriter.write(other, to: url, table: "t", mode: .append) }?
            .hasPrefix("SQLite: table t has no column named unknown_column\n  in query: INSERT INTO \"t\"") == true)
        #expect(try read(path, "select count(*) as n from t").columns[0].numbers == [4])
    }
}
