// SQLRowLimitTests: which statements read_sql's row limit wraps in a LIMIT on a server, and what of the statement
// goes inside the parentheses: leading comments stay, trailing comments and semicolons go, and quoted text (where
// `--` and `;` are not syntax) is kept whole.
@testable import DriftSources
import Testing

@Suite struct SQLRowLimitTests {
    @Test(arguments: [
        ("select 1", "SELECT * FROM (\nselect 1\n) AS drift_limited LIMIT 5"),
        ("  select 1 ;  ", "SELECT * FROM (\n  select 1\n) AS drift_limited LIMIT 5"),
        ("-- why\n/* how */ WITH t AS (select 1) select * from t; -- done", "SELECT * FROM (\n-- why\n/* how */ WITH t AS (select 1) select * from t\n) AS drift_limited LIMIT 5"),
        ("select '--;' as a;", "SELECT * FROM (\nselect '--;' as a\n) AS drift_limited LIMIT 5"),
        ("select \"a;b\" from `t--`", "SELECT * FROM (\nselect \"a;b\" from `t--`\n) AS drift_limited LIMIT 5"),
        ("(select 1) union (select 2)", "SELECT * FROM (\n(select 1) union (select 2)\n) AS drift_limited LIMIT 5"),
        ("values (1), (2)", "SELECT * FROM (\nvalues (1), (2)\n) AS drift_limited LIMIT 5"),
    ])
    func queriesAreWrapped(sql: String, limited: String) {
        #expect(SQLRowLimit.limited(sql, rows: 5) == limited)
    }

    @Test(arguments: ["show tables", "-- a comment\nEXPLAIN select 1", ";select 1", "", "  -- only a comment", "/* unclosed"])
    func otherStatementsRunAsWritten(sql: String) {
        #expect(SQLRowLimit.limited(sql, rows: 5) == sql)
    }

    /// A server's position in the wrapped query is moved back to the statement as written, its query shown as written.
    @Test func errorsShowTheQueryAndPositionsAsWritten() {
        let written = "SELECT 1 AS one,\n  nope(2)"
        let run = SQLRowLimit.limited(written, rows: 5)
        let cases = [("line 2 pos 7", "line 1 pos 7"), ("(line 3, pos 2)", "(line 2, pos 2)"), ("line 1 pos 2", "line 1 pos 2"),
                     ("(line 4, pos 32)", "(the end of the query)")]
        for (reported, shown) in cases {
            let error = SQLError.query("Spark: [UNRESOLVED_ROUTINE] `nope`; \(reported)", sql: run).showing(written, insteadOf: run, linesBefore: 1)
            #expect(error.message == "Spark: [UNRESOLVED_ROUTINE] `nope`; \(shown)\n  in query: \(written)")
        }
    }
}
