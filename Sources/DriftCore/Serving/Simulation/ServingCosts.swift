// ServingCosts: the CPU time the simulator charges for each piece of work — scoring one request, scoring
// rows in a batch, training on a row, looking a precomputed prediction up. In a real run they are measured
// on the real model code while the simulation runs (medians of repeated timings, so one slow run does not
// decide them); tests give fixed ones so that results repeat exactly.
import Foundation

public struct ServingCosts: Sendable, Equatable {
    /// Scoring one request: one row through the model, as a model server does per request.
    public var scoreRequestSeconds: Double
    /// Scoring one row within a batch (offline precomputation).
    public var batchScoreRowSeconds: Double
    /// Training (or an incremental update) per row.
    public var trainRowSeconds: Double
    /// Looking one precomputed prediction up.
    public var lookupSeconds: Double
    /// How many timings each number is the median of (all 0 when the costs were given, not measured).
    public var scoreTimings = 0, batchTimings = 0, trainTimings = 0, lookupTimings = 0

    public init(scoreRequestSeconds: Double, batchScoreRowSeconds: Double, trainRowSeconds: Double, lookupSeconds: Double) {
        self.scoreRequestSeconds = scoreRequestSeconds
        self.batchScoreRowSeconds = batchScoreRowSeconds
        self.trainRowSeconds = trainRowSeconds
        self.lookupSeconds = lookupSeconds
    }

    /// Whether the numbers were measured in this run (rather than given).
    public var measured: Bool { scoreTimings > 0 }
}

/// Collects timings of real work during a simulation and makes the measured costs from their medians.
struct CostMeter {
    private let clock = ContinuousClock()
    /// Seconds per row of each timed training and batch scoring.
    private(set) var trainPerRow: [Double] = []
    private(set) var batchPerRow: [Double] = []
    private(set) var request: [Double] = []
    private(set) var lookup: [Double] = []
    /// The sum of the timed lookups, kept so that the optimiser cannot drop them.
    private(set) var lookupChecksum = 0.0

    /// Runs `work` on `rows` rows and records its time per row in `samples`.
    mutating func time<T>(rows: Int, into samples: WritableKeyPath<CostMeter, [Double]>, _ work: () throws -> T) rethrows -> T {
        let started = clock.now
        let result = try work()
        if rows > 0 { self[keyPath: samples].append(Self.seconds(clock.now - started) / Double(rows)) }
        return result
    }

    mutating func timeTraining<T>(rows: Int, _ work: () throws -> T) rethrows -> T { try time(rows: rows, into: \.trainPerRow, work) }
    mutating func timeBatchScoring<T>(rows: Int, _ work: () throws -> T) rethrows -> T { try time(rows: rows, into: \.batchPerRow, work) }

    /// Times scoring one row `repeats` times, as a model server scores a request.
    mutating func measureRequests(_ model: Model, on row: DataFrame, repeats: Int = 21) throws {
        for _ in 0..<repeats { _ = try time(rows: 1, into: \.request) { try model.predict(row) } }
    }

    /// Times looking predictions up in a table like the batch store's, `repeats` times 1,000 lookups.
    mutating func measureLookups(repeats: Int = 21) {
        let table = (0..<4096).map(Double.init)
        var index = 0, sum = 0.0
        for _ in 0..<repeats {
            time(rows: 1000, into: \.lookup) {
                for _ in 0..<1000 {
                    index = (index &* 1_103_515_245 &+ 12345) & 4095
                    sum += table[index]
                }
            }
        }
        lookupChecksum = sum
    }

    var costs: ServingCosts {
        // Work that never ran costs nothing.
        func median(_ samples: [Double]) -> Double { samples.isEmpty ? 0 : Statistics.median(samples) }
        var costs = ServingCosts(
            scoreRequestSeconds: median(request), batchScoreRowSeconds: median(batchPerRow),
            trainRowSeconds: median(trainPerRow), lookupSeconds: median(lookup))
        costs.scoreTimings = request.count
        costs.batchTimings = batchPerRow.count
        costs.trainTimings = trainPerRow.count
        costs.lookupTimings = lookup.count
        return costs
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
