// Every script in examples/ runs to the end without an error (paths resolved from the package root, as the README says).
import DriftLang
import Foundation
import Testing

@Test(arguments: try FileManager.default.contentsOfDirectory(atPath: GoldenScript.examples.path).filter { $0.hasSuffix(".drift") }.sorted())
func exampleRuns(_ name: String) throws {
    let source = try String(contentsOf: GoldenScript.examples.appendingPathComponent(name), encoding: .utf8)
    var printed = ""
    let session = Session(baseDirectory: GoldenScript.packageRoot.path) { printed += $0 }
    let report = session.run(source: source, name: "examples/\(name)")
    #expect(report == nil, "examples/\(name) failed:\n\(report ?? "")")
    #expect(!printed.isEmpty)
}
