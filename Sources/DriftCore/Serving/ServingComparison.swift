// ServingComparison: the trade-off between serving strategies replayed on one stream — the classic
// online-versus-offline axes (timeliness vs cost, data freshness, latency, resource use), measured:
// score before and after the change, batches until the score recovers, training work, staleness and
// prediction latency.

public struct ServingSummary: Sendable, Equatable {
    public var strategy: ServingStrategy
    /// Mean accuracy (or RMSE) of the batches before the batch holding the change, and from it on;
    /// without a change point, `after` is the mean over every batch and `before` is nil.
    public var scoreBefore: Double?
    public var scoreAfter: Double
    /// Batches after the change until a batch scores within the tolerance of `scoreBefore` again:
    /// accuracy at least scoreBefore − 0.05, or RMSE at most 1.1 × scoreBefore. Nil if it never does.
    public var recoveryBatches: Int?
    public var rowsTrained: Int
    public var meanModelAge: Double
    public var predictMicroseconds: Double
    public var updateMilliseconds: Double

    public static let accuracyTolerance = 0.05
    public static let rmseTolerance = 1.1
}

public enum ServingComparison {
    /// Summaries of replays of the same stream; `changeRow` is where the concept changes, if known.
    public static func summarize(_ results: [ReplayResult], changeRow: Int?, batchSize: Int) -> [ServingSummary] {
        results.map { result in
            let batches = result.batches
            let isAccuracy = result.metric == "accuracy"
            // Result batch b holds stream rows [b·size, (b+1)·size).
            let changeBatch = changeRow.map { max(1, $0 / batchSize) }
            let before = changeBatch.map { change in batches.filter { $0.batch < change } } ?? []
            let after = changeBatch.map { change in batches.filter { $0.batch >= change } } ?? batches
            let scoreBefore = before.isEmpty ? nil : mean(before.map(\.score))
            var recovery: Int?
            if let scoreBefore {
                recovery = after.firstIndex { batch in
                    isAccuracy ? batch.score >= scoreBefore - ServingSummary.accuracyTolerance
                        : batch.score <= scoreBefore * ServingSummary.rmseTolerance
                }
            }
            return ServingSummary(
                strategy: result.strategy, scoreBefore: scoreBefore, scoreAfter: mean(after.map(\.score)),
                recoveryBatches: recovery, rowsTrained: batches.last?.rowsTrained ?? 0,
                meanModelAge: mean(batches.map { Double($0.modelAge) }),
                predictMicroseconds: mean(batches.map(\.predictMicroseconds)),
                updateMilliseconds: batches.reduce(0) { $0 + $1.updateMilliseconds })
        }
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
