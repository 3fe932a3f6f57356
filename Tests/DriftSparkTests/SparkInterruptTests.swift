// SparkInterruptTests: cancelling a running Spark Connect query (what Ctrl-C does through AsyncBridge) sends an
// Interrupt for its operation, which the server confirms, and the call ends promptly; the client's session stays
// usable. Needs DRIFT_TEST_SPARK, a Spark Connect server (.ci/run starts one); skipped without it.
import DriftCore
import DriftSources
@testable import DriftSpark
import Foundation
import Testing

@Suite(.enabled(if: ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"] != nil,
                "no Spark Connect test server: set DRIFT_TEST_SPARK=spark://127.0.0.1:15002 (.ci/run starts one)"))
struct SparkInterruptTests {
    @Test func cancellingAQueryInterruptsItsOperationOnTheServer() throws {
        guard case .spark(let url) = try DatabaseURL(ProcessInfo.processInfo.environment["DRIFT_TEST_SPARK"] ?? "") else {
            Issue.record("DRIFT_TEST_SPARK is not a spark:// URL")
            return
        }
        let client = try SparkConnectClient(url)
        defer { client.close() }
        // Minutes of work on local[2] unless interrupted.
        let request = client.executeRequest("SELECT sum(id % 7) AS s FROM range(0, 200000000000)", parameters: [])
        // The query and this wait keep off the cooperative pool (two threads here), as AsyncBridge does: other
        // suites' tests wait on it synchronously, and a task or a sleep queued there may not run for minutes.
        let running = Task(executorPreference: ThreadTaskExecutor.shared) { try await client.execute(request) }
        // Long enough for the server to have registered the operation, even while other tests keep it busy.
        Thread.sleep(forTimeInterval: 15)
        let cancelled = ContinuousClock.now
        running.cancel()
        let result = try AsyncBridge.wait { await running.result }
        #expect(ContinuousClock.now - cancelled < .seconds(30))
        if case .success = result { Issue.record("the query finished instead of being interrupted") }
        #expect(client.interruptedOperations == [request.operationID])
        // Only the operation ended: the client and its session run the next query.
        #expect(try client.query("SELECT 7 AS x", parameters: []).columns.first == .numeric(NumericColumn([7])))
    }
}
