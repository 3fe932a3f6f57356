// DatabaseSessionTests: a Drift session keeps its database sessions (Spark's) in its interpreter, shares one per
// URL between every read_sql and table() — a temporary view one read_sql makes is seen by the tables after it —
// and lets them go with it (closing them). The Spark test needs DRIFT_TEST_SPARK; skipped without it.
@testable import DriftLang
import Foundation
import Testing

@Test func aSessionsDatabaseConnectionsGoWithIt() throws {
    weak var databases: AnyObject?
    do {
        let session = Session { _ in }
        let predictions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/data/predictions.db").path
        // A source in a global holds the connections too.
        #expect(session.run(source: "let rows = table(\"sqlite:\(predictions)\", \"predictions\")\nprint(nrow(rows))", name: "<test>") == nil)
        databases = session.interpreter.databases
        #expect(databases != nil)
    }
    #expect(databases == nil, "the connections (and their close) went with the session")
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"] != nil,
               "no Spark Connect test server: set DRIFT_TEST_SPARK=spark://127.0.0.1:15002 (.ci/run starts one)"))
func everySparkSourceOfASessionSharesOneSparkSession() throws {
    let url = try #require(ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"])
    var printed: [String] = []
    let session = Session(arguments: [url]) { printed.append($0) }
    let script = """
        let spark = args[0]
        read_sql(spark, "CREATE OR REPLACE TEMPORARY VIEW drift_session_rows AS SELECT id, id % 7 AS k FROM range(0, 1000)")
        let early = table(spark, "drift_session_rows", where: "id < :p1", params: [500])
        let late = table(spark, "drift_session_rows", where: "id >= :p1", params: [500])
        let report = drift_report(early, late)
        print(nrow(early), nrow(late), nrow(read_sql(spark, "SELECT * FROM drift_session_rows")))
        """
    let failure = session.run(source: script, name: "spark.drift")
    #expect(failure == nil, "\(failure ?? "")")
    #expect(printed.joined() == "500 500 1000\n")
    #expect(session.interpreter.databases.sessionsOpened == 1)
}
