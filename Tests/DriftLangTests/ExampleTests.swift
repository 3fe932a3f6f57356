// Every script in examples/ runs to the end without an error, its paths resolved from its own directory
// as `drift run` resolves them.
import DriftLang
import Foundation
import Testing

@Test(arguments: try FileManager.default.contentsOfDirectory(atPath: GoldenScript.examples.path).filter { $0.hasSuffix(".drift") }.sorted())
func exampleRuns(_ name: String) throws {
    let source = try String(contentsOf: GoldenScript.examples.appendingPathComponent(name), encoding: .utf8)
    var printed = ""
    let script = Session.scriptLocation(GoldenScript.examples.appendingPathComponent(name).path)
    let session = Session(baseDirectory: script.directory) { printed += $0 }
    let report = session.run(source: source, name: "examples/\(name)", path: script.path)
    #expect(report == nil, "examples/\(name) failed:\n\(report ?? "")")
    #expect(!printed.isEmpty)
}
