// FrameTimings: `DriftBench frames DIR ROUNDS` times the group-by and join rows of bench/scripts/tasks.drift on
// the same frames (DIR/ref.csv with the same `key` column and lookup table), in DriftCore alone, so the
// release core can be measured without building the whole app. Prints each task's median seconds, then its
// seconds per round (the first round is the cold one bench/run.py sees), then the median of the CPU seconds
// of the thread (less disturbed by a loaded machine than the elapsed time). bench/frame_peers.py does the
// same for pandas and polars.
import DriftCore
import Foundation

/// The 1M-row frame with key i·7919 mod 100000 (every key ten times, scattered) and the 100,000-row lookup
/// table whose keys 50,000…149,999 match half of them, as tasks.drift and bench/peers.py build them.
private func keyedFrames(_ directory: String) throws -> (keyed: DataFrame, lookup: DataFrame) {
    let reference = try CSVReader.read(path: directory + "/ref.csv")
    let keys = (0..<reference.rowCount).map { Double($0 * 7919 % 100_000) }
    let keyed = try DataFrame(zip(reference.names, reference.columns).map { (name: $0, column: $1) } + [("key", .numeric(NumericColumn(keys)))])
    let lookup = try DataFrame([("key", .numeric(NumericColumn((50_000..<150_000).map(Double.init)))),
                                ("weight", .numeric(NumericColumn((0..<100_000).map { Double($0) * 0.5 })))])
    return (keyed, lookup)
}

/// The count, mean and 0.9-quantile of x1 per group, as tasks.drift's `aggregate`.
private func aggregated(_ frame: DataFrame, by key: String) throws -> [Column] {
    let grouping = try Grouping(frame, by: [key])
    let x1 = frame.column(named: "x1")!
    return [grouping.sizes(), try grouping.aggregate(x1, .mean), try grouping.aggregate(x1, .quantile(0.9))]
}

/// The CPU seconds the calling thread has used.
private func threadSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Times the tasks named in `only` (every task when it is empty) `rounds` times each.
func timeFrameVerbs(in directory: String, rounds: Int, only: [String]) throws {
    let (keyed, lookup) = try keyedFrames(directory)
    // Each task's result is kept until its time is taken, as tasks.drift and the peers keep theirs.
    let tasks: [(String, () throws -> Any)] = [
        ("groupby_region", { try aggregated(keyed, by: "region") }),
        ("groupby_key", { try aggregated(keyed, by: "key") }),
        ("join_inner", { try keyed.joined(with: lookup, leftKeys: ["key"], rightKeys: ["key"], kind: .inner) }),
        ("join_left", { try keyed.joined(with: lookup, leftKeys: ["key"], rightKeys: ["key"], kind: .left) }),
    ]
    for (name, task) in tasks where only.isEmpty || only.contains(name) {
        var seconds: [Double] = [], cpu: [Double] = []
        for _ in 0..<rounds {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = threadSeconds()
            let result = try task()
            cpu.append(threadSeconds() - cpuStart)
            seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            withExtendedLifetime(result) {}
        }
        let median = { (values: [Double]) in String(format: "%.4f", values.sorted()[values.count / 2]) }
        print(name, median(seconds), seconds.map { String(format: "%.4f", $0) }.joined(separator: " "), "cpu", median(cpu))
    }
}
