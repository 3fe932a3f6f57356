// ModelBenchmark: times ADWIN over a stream, logistic regression on a CSV, and a replay of a SEA stream.
import DriftCore

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// Median of `repeats` timings of `work`, with the last run's result.
private func time<T>(_ repeats: Int, _ work: () throws -> T) throws -> (median: Double, result: T) {
    let clock = ContinuousClock()
    var times: [Double] = []
    var result: T?
    for _ in 0..<max(1, repeats) {
        let start = clock.now
        result = try work()
        times.append(seconds(clock.now - start))
    }
    times.sort()
    guard let result else { throw DataError("no runs") }
    return (times[times.count / 2], result)
}

func runModelBenchmark(task: String, path: String?, repeats: Int) {
    do {
        switch task {
        case "adwin":
            // 500,000 N(0,1) then 500,000 N(0.5,1), as shared/bench/peers.py.
            let stream = normalSample(500_000, mean: 0, seed: 2) + normalSample(500_000, mean: 0.5, seed: 3)
            let (median, found) = try time(repeats) { try runDetector(ADWIN(), over: stream).drifts.count }
            print("median_seconds=\(median) drifts=\(found)")
        case "logistic":
            guard let path else { fail("usage: DriftBench models logistic CSV [REPEATS]") }
            let frame = try CSVReader.read(path: path)
            let features = (0..<8).map { "x\($0)" }
            let (median, model) = try time(repeats) {
                try Model(training: frame, target: "label", kind: .logistic, features: features)
            }
            guard case .classification(let accuracy, _, _, _, _, _, _) = try model.score(frame) else { fail("not a classifier") }
            print("median_seconds=\(median) accuracy=\(accuracy)")
        case "replay":
            let stream = try Synthetic.conceptDriftStream(
                before: Synthetic.sea(count: 1_000_000, variant: 0, noise: 0.1, seed: 1),
                after: Synthetic.sea(count: 1_000_000, variant: 2, noise: 0.1, seed: 2),
                position: 500_000, width: 1, seed: 3)
            let options = ReplayOptions(target: "y", strategy: .offline, batchSize: 1000, retrainEvery: 10, window: 10_000)
            let (median, result) = try time(repeats) { try Replay.run(stream, options: options) }
            print("median_seconds=\(median) batches=\(result.batches.count) rows=\(stream.rowCount)")
        default:
            fail("models task must be adwin, logistic or replay")
        }
    } catch {
        fail("error: \(error)")
    }
}
