// ScriptDirectoryTests: `drift run` and `drift notebook` started from another working directory read,
// write and import relative to the script's own directory, as Jupyter runs a notebook; safe mode checks
// the resolved paths; warnings go to standard error. The shipped examples render from anywhere.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct ScriptDirectoryTests {
    /// project/analysis.drift reading project/data/sales.csv, importing project/helpers.drift and
    /// writing project/out.csv, all by relative paths; returns the temporary directory holding project/.
    private func project() throws -> URL {
        let root = try temporaryDirectory()
        let project = root.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("data"), withIntermediateDirectories: true)
        try "units\n3\n4\n".write(to: project.appendingPathComponent("data/sales.csv"), atomically: true, encoding: .utf8)
        try "fn doubled(x) { x * 2 }\n".write(to: project.appendingPathComponent("helpers.drift"), atomically: true, encoding: .utf8)
        try """
            # %%
            import "helpers.drift"
            let sales = read_csv("data/sales.csv")
            print("total", doubled(sum(sales.units)))
            # %%
            write_csv(sales, "out.csv")

            """.write(to: project.appendingPathComponent("analysis.drift"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func runResolvesPathsAgainstTheScriptFromAnyDirectory() throws {
        let root = try project()
        let elsewhere = try temporaryDirectory()
        for (script, directory) in [("project/analysis.drift", root), (root.path + "/project/analysis.drift", elsewhere)] {
            try? FileManager.default.removeItem(at: root.appendingPathComponent("project/out.csv"))
            let result = try DriftBinary.run(["run", script], in: directory)
            #expect(result.status == 0, "\(result.error)")
            #expect(result.output == "total 14\n")
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("project/out.csv").path))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out.csv").path))
        }
    }

    @Test func notebookResolvesPathsAgainstTheScriptAndWritesWhereItIsTold() throws {
        let root = try project()
        let elsewhere = try temporaryDirectory()
        let result = try DriftBinary.run(["notebook", root.path + "/project/analysis.drift", "-o", "report.md"], in: elsewhere)
        #expect(result.status == 0, "\(result.error)")
        let report = try String(contentsOf: elsewhere.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(report.contains("total 14"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("project/out.csv").path))
    }

    @Test func safeModeChecksTheResolvedPaths() throws {
        let root = try project()
        let elsewhere = try temporaryDirectory()
        // By default safe mode reads under the script's directory, where data/sales.csv now resolves.
        let script = root.path + "/project/analysis.drift"
        let reads = try DriftBinary.run(["run", "--safe", script], in: elsewhere)
        #expect(reads.output == "total 14\n")
        #expect(reads.status == 1)
        #expect(reads.error.contains("write_csv: cannot write 'out.csv': safe mode allows no writing"), "\(reads.error)")
        let refused = try DriftBinary.run(["run", "--safe", "--allow-read", elsewhere.path, script], in: elsewhere)
        #expect(refused.status == 1)
        #expect(refused.error.contains("cannot read '\(root.path)/project/helpers.drift': safe mode allows reading only under"),
                "\(refused.error)")
        let writes = try DriftBinary.run(["run", "--safe", "--allow-write", root.path + "/project", script], in: elsewhere)
        #expect(writes.status == 0, "\(writes.error)")
    }

    @Test func warningsGoToStandardError() throws {
        let path = try scriptFile("""
            let m = train(dataframe({x: ["a", "b", "a"], y: [1, 2, 1]}), target: "y", model: "linear")
            print(predict(m, dataframe({x: ["c"]})))

            """)
        let result = try DriftBinary.run(["run", path])
        #expect(result.status == 0)
        #expect(result.output == "[1]\n")
        #expect(result.error.hasPrefix("warning: predict: values the model never saw in training: x: c (1 row), of 1 row."))
    }

    @Test func thePharmacyExampleRendersFromAnotherDirectoryWithItsWarning() throws {
        let elsewhere = try temporaryDirectory()
        let script = packageRoot.appendingPathComponent("examples/pharmacy.drift").path
        let result = try DriftBinary.run(["notebook", script, "-o", "pharmacy.html"], in: elsewhere)
        #expect(result.status == 0, "\(result.error)")
        let html = try String(contentsOf: elsewhere.appendingPathComponent("pharmacy.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"warning\"><pre>warning: predict: values the model never saw in training: medication: semaglutide, nirmatrelvir"))
        #expect(html.contains("<svg"))
    }
}
