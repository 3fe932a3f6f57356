// ReportBenchmark: times `DriftReport` over every column of two CSV files (loaded once, not timed).
import DriftCore

func runReportBenchmark(reference path: String, current otherPath: String, repeats: Int) {
    do {
        let reference = try CSVReader.read(path: path), current = try CSVReader.read(path: otherPath)
        let clock = ContinuousClock()
        var times: [Double] = []
        var drifted = 0
        for _ in 0..<max(1, repeats) {
            let start = clock.now
            let report = try DriftReport(reference: reference, current: current)
            let elapsed = clock.now - start
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            drifted = report.driftedCount
        }
        times.sort()
        print("median_seconds=\(times[times.count / 2]) columns=\(reference.columnCount) drifted=\(drifted)")
    } catch {
        fail("error: \(error)")
    }
}
