// DriftBenchmark: times the drift tests on seeded normal samples (1M vs 1M; 10M for the histogram), as
// bench/drift_tests.py compares them with scipy/numpy on the same sizes and distributions.
import DriftCore
#if canImport(Glibc)
import Glibc
#endif

/// n standard-normal values (Box–Muller over SeededGenerator) shifted by `mean`.
func normalSample(_ n: Int, mean: Double, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    var values = [Double](repeating: 0, count: n)
    var i = 0
    while i < n {
        let u1 = Double(generator.next() >> 11) * 0x1p-53 + 0x1p-54
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        let r = (-2 * log(u1)).squareRoot()
        values[i] = mean + r * cos(2 * Double.pi * u2)
        if i + 1 < n { values[i + 1] = mean + r * sin(2 * Double.pi * u2) }
        i += 2
    }
    return values
}

func runDriftBenchmark(task: String, repeats: Int) {
    let clock = ContinuousClock()
    var times: [Double] = []
    let size = task == "histogram" ? 10_000_000 : 1_000_000
    let reference = normalSample(size, mean: 0, seed: 7)
    let current = normalSample(size, mean: 0.05, seed: 8)
    var checksum = 0.0
    for _ in 0..<max(1, repeats) {
        let start = clock.now
        do {
            switch task {
            case "ks": checksum += try DriftTests.run(.ksTest, reference: reference, current: current).statistic
            case "wasserstein": checksum += try DriftTests.run(.wasserstein, reference: reference, current: current).statistic
            case "psi": checksum += try DriftTests.run(.psi, reference: reference, current: current).statistic
            case "histogram": checksum += Double(try Histogram(reference, bins: 50).counts[25])
            default: fail("unknown drift task \(task)")
            }
        } catch {
            fail("error: \(error)")
        }
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    times.sort()
    print("median_seconds=\(times[times.count / 2]) min_seconds=\(times[0]) checksum=\(checksum)")
}
