// Golden script tests: every Tests/scripts/**/*.drift runs, and its output must match the script's own
// `# expect: …` comments line by line. `# expect error: message` says the run must fail with that
// message; on a line with code, the error must also be reported on that line. `# expect exit: N` says
// the script must end by calling exit(N) (and a script without it must not call exit). Files in a
// folder named `lib` are modules the scripts import, not scripts: they do not run on their own.
import DriftLang
import Foundation
import Testing

struct GoldenScript: CustomTestStringConvertible, Sendable {
    let path: URL
    var testDescription: String { path.path.replacingOccurrences(of: GoldenScript.root.path + "/", with: "") }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts")

    /// The package root. Scripts name their data files relative to it (`examples/data/…`), so their
    /// sessions resolve relative paths there (`Session(baseDirectory:)`); no test changes the working
    /// directory, which suites running in parallel share.
    static let packageRoot = root.deletingLastPathComponent().deletingLastPathComponent()

    static let examples = packageRoot.appendingPathComponent("examples")

    static var all: [GoldenScript] {
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "drift" && !$0.pathComponents.contains("lib") } ?? []
        return files.sorted { $0.path < $1.path }.map(GoldenScript.init)
    }
}

struct Expectations {
    var output: [String] = []
    var error: (message: String, line: Int?)?
    var exitStatus: Int32?

    init(source: String) {
        for (index, line) in source.components(separatedBy: "\n").enumerated() {
            if let range = line.range(of: "# expect error: ") {
                let hasCode = !line[..<range.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
                error = (String(line[range.upperBound...]), hasCode ? index + 1 : nil)
            } else if let range = line.range(of: "# expect exit: ") {
                exitStatus = Int32(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
            } else if let range = line.range(of: "# expect: ") {
                output.append(String(line[range.upperBound...]))
            }
        }
    }
}

final class OutputCapture: @unchecked Sendable {
    var text = ""
}

@Test("golden scripts", arguments: GoldenScript.all)
func goldenScript(_ script: GoldenScript) throws {
    let source = try String(contentsOf: script.path, encoding: .utf8)
    let expected = Expectations(source: source)
    let capture = OutputCapture()
    let name = script.testDescription
    // Warnings land among the printed lines, in order, so `# expect: warning: …` checks them.
    let session = Session(arguments: ["first", "second"], baseDirectory: GoldenScript.packageRoot.path,
                          output: { capture.text += $0 }, warnings: { capture.text += $0 })
    // Imports are relative to the script's path, as the session (based at the package root) reads it.
    let report = session.run(source: source, name: name, path: "Tests/scripts/" + name)
    #expect(session.exitStatus == expected.exitStatus, "exit status of \(name)")

    var lines = capture.text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    #expect(lines == expected.output, "output of \(name)")

    if let (message, line) = expected.error {
        let report = try #require(report, "\(name) should fail with: \(message)")
        let firstLine = report.components(separatedBy: "\n")[0]
        #expect(firstLine.hasSuffix("error: \(message)"), "\(name): got \(firstLine)")
        if let line { #expect(firstLine.hasPrefix("\(name):\(line):"), "\(name): error on the wrong line: \(firstLine)") }
    } else {
        #expect(report == nil, "\(name) failed:\n\(report ?? "")")
    }
}

@Test func goldenScriptsExist() {
    #expect(GoldenScript.all.count > 10)
}
