// FuzzFindingsTests: the findings of the CSV, saved-model and Parquet fuzz targets (Tests/fuzz-findings/TARGET/)
// replayed through the DriftFuzz replayer built beside `drift`, exactly as the fuzzer ran them: the replayer
// must finish (a finding that traps again ends it with a signal) and report, for each input, the outcome its
// `.expected` file holds. The seed models (Tests/corpus/models/) must load. The language's findings are replayed
// in process by HostileProgramTests.
import Foundation
import Testing

@Suite struct FuzzFindingsTests {
    /// The inputs in `folder` (not the `.expected` files, the README or hidden files), by name.
    func inputs(_ folder: String) throws -> [URL] {
        let directory = packageRoot.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && !["expected", "md"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Runs the replayer for `target` on `files`; returns its report, one `PATH: OUTCOME` line per file.
    func replay(_ target: String, _ files: [URL]) throws -> String {
        let replayer = URL(fileURLWithPath: try DriftBinary.require()).deletingLastPathComponent()
            .appendingPathComponent("DriftFuzz").path
        let result = try DriftBinary.runProgram(replayer, files.map(\.path), environment: ["DRIFT_FUZZ_TARGET": target])
        #expect(result.status == 0, "the \(target) replayer ended with status \(result.status): \(result.error)")
        return result.output
    }

    @Test(arguments: ["csv", "model", "parquet"]) func findingsStayFixed(_ target: String) throws {
        let findings = try inputs("Tests/fuzz-findings/\(target)")
        let report = try replay(target, findings)
        for finding in findings {
            let expected = try String(contentsOf: finding.appendingPathExtension("expected"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(report.contains("\(finding.path): \(expected)\n"), "\(finding.lastPathComponent): got \(report)")
        }
    }

    @Test func seedModelsLoad() throws {
        let seeds = try inputs("Tests/corpus/models")
        #expect(seeds.count >= 5)
        let report = try replay("model", seeds)
        for seed in seeds {
            #expect(report.contains("\(seed.path): ok "), "\(seed.lastPathComponent) did not load: \(report)")
        }
    }
}
