// SQLRowLimitTests: which statements read_sql's row limit wraps in a LIMIT on a server, and what of the statement
// goes inside the parentheses: leading comments stay, trailing comments and semicolons go, and quoted text (where
// `--` and `;` are not syntax) is kept whole.
@testable import DriftSources
import Testing

@Suite struct SQLRowLimitTests {
    @Test(arguments: [
        ("select 1", "SELECT * FROM (select 1) AS drift_limited LIMIT 5"),
        ("  select 1 ;  ", "SELECT * FROM (  select 1) AS drift_limited LIMIT 5"),
        ("-- why\n/* how */ WITH t AS (select 1) select * from t; -- done", "SELECT * FROM (-- why\n/* how */ WITH t AS (select 1) select * from t) AS drift_limited LIMIT 5"),
        ("select '--;' as a;", "SELECT * FROM (select '--;' as a) AS drift_limited LIMIT 5"),
        ("select \"a;b\" from `t--`", "SELECT * FROM (select \"a;b\" from `t--`) AS drift_limited LIMIT 5"),
        ("(select 1) union (select 2)", "SELECT * FROM ((select 1) union (select 2)) AS drift_limited LIMIT 5"),
        ("values (1), (2)", "SELECT * FROM (values (1), (2)) AS drift_limited LIMIT 5"),
    ])
    func queriesAreWrapped(sql: String, limited: String) {
        #expect(SQLRowLimit.limited(sql, rows: 5) == limited)
    }

    @Test(arguments: ["show tables", "-- a comment\nEXPLAIN select 1", ";select 1", "", "  -- only a comment", "/* unclosed"])
    func otherStatementsRunAsWritten(sql: String) {
        #expect(SQLRowLimit.limited(sql, rows: 5) == sql)
    }
}
