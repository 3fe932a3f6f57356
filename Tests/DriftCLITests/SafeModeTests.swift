// SafeModeTests: `drift --safe` against scripts that try to get out — `..`, absolute paths, symbolic
// links out of an allowed directory, writes without --allow-write, writes through `..` from an allowed
// directory, imports, databases (SQLite files, PostgreSQL connections) — and what safe mode must still allow.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct SafeModeTests {
    /// project/ (the script's directory, with data.csv and a link to secret/), secret/, out/.
    private func layout() throws -> URL {
        let root = try temporaryDirectory()
        let manager = FileManager.default
        for directory in ["project", "secret", "out"] {
            try manager.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        for path in ["project/data.csv", "secret/data.csv"] {
            try "a,b\n1,2\n".write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("project/escape").path,
                                       withDestinationPath: root.appendingPathComponent("secret").path)
        return root
    }

    /// Runs `code` as project/script.drift from project/ (relative paths are relative to the working directory).
    private func runScript(_ code: String, in root: URL, options: [String] = ["--safe"]) throws -> DriftBinary.Result {
        let script = root.appendingPathComponent("project/script.drift")
        try code.write(to: script, atomically: true, encoding: .utf8)
        return try DriftBinary.run(["run"] + options + [script.path], in: root.appendingPathComponent("project"))
    }

    @Test func readsTheScriptsOwnDirectoryByDefault() throws {
        let root = try layout()
        let result = try runScript(#"print(nrow(read_csv("data.csv")))"#, in: root)
        #expect(result.error == "")
        #expect(result.output == "1\n")
    }

    @Test(arguments: [
        "../secret/data.csv",             // up and out
        "escape/data.csv",                // a symbolic link out of the allowed directory
        "escape/../../secret/data.csv",   // `..` after a link
        "/etc/passwd",                    // an absolute path
    ])
    func refusesReadsOutsideTheAllowedDirectories(path: String) throws {
        let root = try layout()
        let result = try runScript("read_csv(\"\(path)\")", in: root)
        #expect(result.status == 1)
        #expect(result.error.contains("cannot read '\(path)': safe mode allows reading only under"))
        #expect(result.error.contains("script.drift:1:1: error: read_csv:"))
    }

    @Test(arguments: ["read_parquet", "scan_parquet"])
    func refusesParquetReadsOutsideTheAllowedDirectories(builtin: String) throws {
        let root = try layout()
        let result = try runScript("\(builtin)(\"../secret/data.csv\")", in: root)
        #expect(result.status == 1)
        #expect(result.error.contains("script.drift:1:1: error: \(builtin): cannot read '../secret/data.csv': safe mode allows reading only under"))
    }

    @Test(arguments: ["write_csv(dataframe({a: [1]}), \"copy.csv\")",
                      "write_json({a: 1}, \"/tmp/drift-safe-escape.json\")",
                      "save_svg(bar([\"a\"], [1]), \"chart.svg\")"])
    func refusesEveryWriteWithoutAllowWrite(code: String) throws {
        let root = try layout()
        let result = try runScript(code, in: root)
        #expect(result.status == 1)
        #expect(result.error.contains("safe mode allows no writing unless --allow-write names a directory"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("project/copy.csv").path))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/drift-safe-escape.json"))
    }

    @Test func writesOnlyUnderAllowWrite() throws {
        let root = try layout()
        let out = root.appendingPathComponent("out").path
        let allowed = try runScript(#"write_csv(read_csv("data.csv"), "\#(out)/copy.csv")"#, in: root,
                                    options: ["--safe", "--allow-write", out])
        #expect(allowed.status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/copy.csv"))
        let escaped = try runScript(#"write_csv(read_csv("data.csv"), "\#(out)/../project/copy.csv")"#, in: root,
                                    options: ["--safe", "--allow-write", out])
        #expect(escaped.status == 1)
        #expect(escaped.error.contains("safe mode allows writing only under"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("project/copy.csv").path))
    }

    @Test func aLinkInsideTheWritableDirectoryCannotLeadOut() throws {
        let root = try layout()
        let out = root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("away").path,
                                                   withDestinationPath: root.appendingPathComponent("secret").path)
        let result = try runScript(#"write_json({a: 1}, "\#(out.path)/away/planted.json")"#, in: root,
                                   options: ["--safe", "--allow-write", out.path])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("secret/planted.json").path))
    }

    /// Issue 20, finding 8: SQLite opened files outside --allow-read through ATTACH (and its error told
    /// whether they existed). No query may attach a database, in safe mode or not.
    @Test(arguments: [["--safe"], []])
    func aQueryCannotAttachAnotherFile(options: [String]) throws {
        let root = try layout()
        let project = root.appendingPathComponent("project").path
        let made = try DriftBinary.run(["-e", #"write_sql(dataframe({a: [1]}), "sqlite:\#(project)/local.db", "t")"#])
        #expect(made.status == 0)
        for target in ["/etc/shadow", root.appendingPathComponent("secret/none.db").path] {
            let result = try runScript(#"read_sql("sqlite:local.db", "ATTACH DATABASE '\#(target)' AS x")"#, in: root, options: options)
            #expect(result.status == 1)
            #expect(result.error.contains("SQLite: too many attached databases - max 0"))
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("secret/none.db").path))
    }

    @Test func allowReadReplacesTheDefault() throws {
        let root = try layout()
        let secret = root.appendingPathComponent("secret").path
        let result = try runScript(#"print(nrow(read_csv("\#(secret)/data.csv"))); read_csv("data.csv")"#, in: root,
                                   options: ["--safe", "--allow-read", secret])
        #expect(result.output == "1\n")
        #expect(result.error.contains("cannot read 'data.csv'"))
    }

    @Test func importsAreReadsLikeAnyOther() throws {
        let root = try layout()
        try "fn inside() { 2 }\n".write(to: root.appendingPathComponent("project/helpers.drift"), atomically: true, encoding: .utf8)
        try "fn outside() { 1 }\n".write(to: root.appendingPathComponent("secret/helpers.drift"), atomically: true, encoding: .utf8)
        let allowed = try runScript("import \"helpers.drift\"\nprint(inside())\n", in: root)
        #expect(allowed.output == "2\n")
        for path in ["../secret/helpers.drift", "escape/helpers.drift"] {
            let refused = try runScript("import \"\(path)\"\n", in: root)
            #expect(refused.status == 1)
            #expect(refused.error.contains("script.drift:1:8: error: cannot read '"))
            #expect(refused.error.contains("safe mode allows reading only under"))
        }
    }

    @Test func databasesAreFilesOrNetworkConnectionsToo() throws {
        let root = try layout()
        let outside = try runScript(#"read_sql("sqlite:../secret/logged.db", "select 1")"#, in: root)
        #expect(outside.status == 1)
        #expect(outside.error.contains("safe mode allows reading only under"))
        let written = try runScript(#"write_sql(dataframe({a: [1]}), "sqlite:copy.db", "t")"#, in: root)
        #expect(written.error.contains("safe mode allows no writing"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("project/copy.db").path))
        let network = try runScript(#"read_sql("postgres://someone@127.0.0.1:5432/db", "select 1")"#, in: root)
        #expect(network.status == 1)
        #expect(network.error.contains("cannot connect to 127.0.0.1:5432: safe mode allows no network connections"))
        let spark = try runScript(#"table("spark://127.0.0.1:15002", parquet: "/data/*.parquet")"#, in: root)
        #expect(spark.status == 1)
        #expect(spark.error.contains("cannot connect to 127.0.0.1:15002: safe mode allows no network connections"))
    }

    @Test func snippetsAndTheReplAreConfinedToTheCurrentDirectory() throws {
        let root = try layout()
        let project = root.appendingPathComponent("project")
        let inside = try DriftBinary.run(["--safe", "-e", #"print(nrow(read_csv("data.csv")))"#], in: project)
        #expect(inside.output == "1\n")
        let outside = try DriftBinary.run(["--safe", "-e", #"read_csv("../secret/data.csv")"#], in: project)
        #expect(outside.status == 1)
        let repl = try DriftBinary.run(["repl", "--safe"], input: "read_csv(\"../secret/data.csv\")\n:save ../out/s.drift\n", in: project)
        #expect(repl.error.contains("safe mode allows reading only under"))
        #expect(repl.error.contains("safe mode allows no writing"))
    }

    @Test func aNotebookMayWriteItsOwnOutputButNotElsewhere() throws {
        let root = try layout()
        let report = root.appendingPathComponent("out/report.md").path
        let script = root.appendingPathComponent("project/nb.drift")
        try "# %%\nhist([1, 2, 2, 3])\n# %%\nwrite_json(1, \"x.json\")\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try DriftBinary.run(["notebook", "--safe", "--keep-going", script.path, "-o", report], in: root)
        #expect(result.status == 1)
        #expect(result.error.contains("cannot write 'x.json'"))
        #expect(FileManager.default.fileExists(atPath: report))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/report-figures").path))
    }

    @Test func allowOptionsNeedSafeAndExistingDirectories() throws {
        let root = try layout()
        let without = try DriftBinary.run(["--allow-read", root.path, "-e", "1"])
        #expect(without.status != 0)
        #expect(without.error.contains("--allow-read and --allow-write only apply with --safe"))
        let missing = try DriftBinary.run(["--safe", "--allow-write", root.appendingPathComponent("nope").path, "-e", "1"])
        #expect(missing.status != 0)
        #expect(missing.error.contains("not an existing directory"))
    }
}
