// DriftBench: times DriftCore operations inside one process with a monotonic clock (driven by bench/*.py).
// Usage: DriftBench csv-read PATH [REPEATS]   prints "median_seconds=... rows=... columns=... peak_rss_kb=..."
//        DriftBench drift TASK [REPEATS]       TASK: ks | wasserstein | psi | histogram; prints "median_seconds=..."
//        DriftBench report REF CUR [REPEATS]   drift report over every column of two CSVs; prints "median_seconds=..."
//        DriftBench models TASK [CSV] [REPEATS] TASK: adwin | logistic CSV | replay; prints "median_seconds=..."

import DriftCore
#if canImport(Glibc)
import Glibc
#endif

/// Peak resident set size of this process in KiB (VmHWM from /proc/self/status), or 0 where unavailable.
func peakResidentKilobytes() -> Int {
    guard let data = try? FileAccess.read("/proc/self/status") else { return 0 }
    let text = String(decoding: data, as: UTF8.self)
    for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

func fail(_ message: String) -> Never {
    print(message)
    exit(2)
}

let arguments = CommandLine.arguments
if arguments.count >= 3, arguments[1] == "drift" {
    runDriftBenchmark(task: arguments[2], repeats: arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5)
    exit(0)
}
if arguments.count >= 3, arguments[1] == "models" {
    let path = arguments[2] == "logistic" && arguments.count > 3 ? arguments[3] : nil
    let repeatIndex = path == nil ? 3 : 4
    runModelBenchmark(task: arguments[2], path: path, repeats: arguments.count > repeatIndex ? Int(arguments[repeatIndex]) ?? 3 : 3)
    exit(0)
}
if arguments.count >= 4, arguments[1] == "report" {
    runReportBenchmark(reference: arguments[2], current: arguments[3], repeats: arguments.count > 4 ? Int(arguments[4]) ?? 5 : 5)
    exit(0)
}
guard arguments.count >= 3, arguments[1] == "csv-read" else {
    fail("usage: DriftBench csv-read PATH [REPEATS] | DriftBench drift ks|wasserstein|psi|histogram [REPEATS]")
}
let path = arguments[2]
let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
let clock = ContinuousClock()
var times: [Double] = []
var shape = (rows: 0, columns: 0)
for _ in 0..<max(1, repeats) {
    do {
        let start = clock.now
        let frame = try CSVReader.read(path: path)
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        shape = (frame.rowCount, frame.columnCount)
    } catch {
        fail("error: \(error)")
    }
}
times.sort()
print("median_seconds=\(times[times.count / 2]) min_seconds=\(times[0]) rows=\(shape.rows) columns=\(shape.columns) peak_rss_kb=\(peakResidentKilobytes())")
