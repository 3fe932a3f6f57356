// The workshop notebooks in examples/workshop/: each renders to HTML through the same API as
// `drift notebook` (NotebookRun + NotebookHTML.page) with no failing cell, at least one chart and at
// least one table or card, and no scripts; and the sequence is exactly 01 to 07.
import DriftLang
import Foundation
import Testing

struct WorkshopScript: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = GoldenScript.examples.appendingPathComponent("workshop")

    static var all: [WorkshopScript] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".drift") }.sorted().map { WorkshopScript(name: $0) }
    }
}

@Test func workshopHasSevenScriptsNumberedOneToSeven() {
    let names = WorkshopScript.all.map(\.name)
    #expect(names.count == 7)
    #expect(names.map { String($0.prefix(3)) } == ["01-", "02-", "03-", "04-", "05-", "06-", "07-"])
}

@Test(arguments: WorkshopScript.all)
func workshopNotebookRendersToHTML(_ script: WorkshopScript) throws {
    let path = "examples/workshop/" + script.name
    let source = try String(contentsOf: GoldenScript.packageRoot.appendingPathComponent(path), encoding: .utf8)
    let script = Session.scriptLocation(GoldenScript.packageRoot.appendingPathComponent(path).path)
    let run = NotebookRun(NotebookDocument(parsing: source), name: path, path: script.path,
                          session: Session(baseDirectory: script.directory) { _ in })
    for cell in run.failedCells {
        Issue.record("cell at line \(cell.cell.firstLine) failed: \(cell.outputs)")
    }
    #expect(run.failedCells.isEmpty)
    #expect(run.skippedCount == 0)
    let html = NotebookHTML.page(run)
    #expect(html.contains("<svg"), "no chart")
    #expect(html.contains("<table") || html.contains("class=\"card"), "no table or card")
    #expect(!html.lowercased().contains("<script"))
    #expect(run.cells.contains { $0.cell.kind == .markdown }, "no prose")
}
