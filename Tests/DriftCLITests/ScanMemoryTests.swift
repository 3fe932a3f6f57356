// ScanMemoryTests: scan_csv reads a file in bounded memory. Files of 24 MB and 72 MB (both over the 16 MB chunk) are generated at test
// time (not committed); the `drift` binary's peak resident memory (GNU time's %M) grows by far less than the
// file, and no more for the large file than for the small one, while read_csv's grows with the file.
import Foundation
import Testing
import DriftTestSupport

@Suite(.serialized, .temporaryFiles) struct ScanMemoryTests {
    /// Writes rows `x,k,label` (a number, a small integer, one of three long labels) up to `megabytes`.
    static func generate(megabytes: Int, in directory: URL) throws -> String {
        let labels = ["alpha", "beta", "gamma"].map { String(repeating: $0, count: 30) }
        var block = ""
        var state: UInt64 = 12345
        for i in 0..<5000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let x = Double(state >> 11) / Double(1 << 53) * 100 - 50
            block += "\(x),\(i % 10),\(labels[i % 3])\n"
        }
        let path = directory.appendingPathComponent("big-\(megabytes).csv").path
        FileManager.default.createFile(atPath: path, contents: Data("x,k,label\n".utf8))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        let data = Data(block.utf8)
        for _ in 0..<(megabytes << 20) / data.count + 1 { try handle.write(contentsOf: data) }
        return path
    }

    /// Peak resident memory in bytes of `drift -e code`, and its output.
    static func peak(_ code: String) throws -> (bytes: Int, output: String) {
        let result = try DriftBinary.runProgram("/usr/bin/time", ["-f", "peak %M", try DriftBinary.require(), "-e", code])
        #expect(result.status == 0, "\(result.error)")
        let line = result.error.split(separator: "\n").last { $0.hasPrefix("peak ") } ?? ""
        return ((Int(line.dropFirst(5)) ?? -1) * 1024, result.output)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func scanningUsesBoundedMemory() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let small = try Self.generate(megabytes: 24, in: directory), large = try Self.generate(megabytes: 72, in: directory)
        let script = { (path: String) in #"let s = scan_csv("\#(path)"); print(nrow(s), round(mean(s.x), 6), ks_test(s.x, s.x).statistic, value_counts(s.label).count)"# }
        let baseline = try Self.peak("1").bytes
        let smallScan = try Self.peak(script(small)), largeScan = try Self.peak(script(large))
        let loaded = try Self.peak(#"let s = read_csv("\#(large)"); print(nrow(s))"#)
        let size = try #require(FileManager.default.attributesOfItem(atPath: large)[.size] as? Int)
        let growth = largeScan.bytes - baseline, loadedGrowth = loaded.bytes - baseline
        print("scan_csv peak growth: \(growth >> 20) MB for a \(size >> 20) MB file (\((smallScan.bytes - baseline) >> 20) MB for 24 MB); read_csv: \(loadedGrowth >> 20) MB")
        #expect(largeScan.output.hasPrefix("\(loaded.output.dropLast()) "))  // the same row count
        #expect(growth < size / 2)
        #expect(growth - (smallScan.bytes - baseline) < 8 << 20)  // not growing with the file
        #expect(loadedGrowth > size / 2)  // the measurement can tell: loading the same file does grow
    }
}
