// Every builtin's doc example, and every documented standard-library function's `Example:` line, runs in
// a fresh session after Builtin.examplePrelude and completes without an error; where the example states
// its result in a trailing comment (`len([3, 1, 2])  # 3`), the REPL shows exactly that. Each example runs
// in its own temporary directory, with the package's examples/ linked in, so that its relative paths read
// the shipped data and the files it writes land there (and no test changes the working directory).
@testable import DriftLang
import DriftCore
import Foundation
import Testing

struct DocumentedExample: CustomTestStringConvertible, Sendable {
    let name: String
    let code: String
    var testDescription: String { name }

    static var builtins: [DocumentedExample] {
        BuiltinTable.standard.byName.values.sorted { $0.name < $1.name }.map { DocumentedExample(name: $0.name, code: $0.example) }
    }

    /// Documented stdlib functions: the doc comment's `Example:` line.
    static var library: [DocumentedExample] {
        Session.standardLibrary.flatMap { DocComments.extract(from: $0.source) }.map { name, doc in
            let line = doc.split(separator: "\n").first { $0.hasPrefix("Example: ") }
            return DocumentedExample(name: name, code: line.map { String($0.dropFirst("Example: ".count)) } ?? "")
        }.sorted { $0.name < $1.name }
    }

    /// The result stated in a trailing `# …` comment of the example's last line, if it states one.
    var statedResult: String? {
        guard let last = code.split(separator: "\n").last, let range = last.range(of: "  # ") else { return nil }
        return String(last[range.upperBound...])
    }

    /// Runs the example after the prelude in a fresh session and temporary directory.
    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("examples"), withDestinationURL: GoldenScript.examples)
        let session = Session(baseDirectory: directory.path) { _ in }
        let prelude = session.run(source: Builtin.examplePrelude, name: "example prelude")
        try #require(prelude == nil, "the prelude failed:\n\(prelude ?? "")")
        #expect(!code.isEmpty, "\(name) has no example")
        switch session.evaluateEntry(code) {
        case .completed(let display):
            if let statedResult { #expect(display == statedResult, "\(name): \(code)") }
        case .failed(let report):
            Issue.record("\(name): \(code)\n\(report)")
        case .incomplete:
            Issue.record("\(name): the example is incomplete: \(code)")
        }
    }
}

@Test(arguments: DocumentedExample.builtins)
func builtinExampleRuns(_ example: DocumentedExample) throws {
    try example.run()
}

@Test(arguments: DocumentedExample.library)
func libraryExampleRuns(_ example: DocumentedExample) throws {
    try example.run()
}

@Test func everyBuiltinAndDocumentedFunctionHasAnExample() {
    #expect(DocumentedExample.builtins.allSatisfy { !$0.code.isEmpty })
    #expect(DocumentedExample.library.allSatisfy { !$0.code.isEmpty }, "a documented stdlib function without an Example: line")
}

/// Two topic tables defining one name would leave help and calls to whichever came last.
@Test func everyBuiltinNameIsDefinedOnce() {
    let names = BuiltinTable.standard.topics.flatMap(\.builtins)
    let repeated = Dictionary(grouping: names, by: { $0 }).filter { $1.count > 1 }.keys.sorted()
    #expect(repeated.isEmpty, "defined in more than one table: \(repeated)")
}

/// The prelude the examples assume is shown to readers word for word in docs/language.md.
@Test func theDocsShowTheExamplePrelude() throws {
    let page = try String(contentsOf: GoldenScript.packageRoot.appendingPathComponent("docs/language.md"), encoding: .utf8)
    #expect(page.contains("```drift\n" + Builtin.examplePrelude + "\n```"))
}
