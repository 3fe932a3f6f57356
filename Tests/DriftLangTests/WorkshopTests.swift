// The workshop notebooks in examples/workshop/: each renders to HTML through the same API as
// `drift notebook` (NotebookRun + NotebookHTML.page), in its own directory, with no failing cell, at
// least one chart and at least one table or card, and no scripts; the sequence is exactly 01 to 07;
// every lesson sets an exercise whose solution, in examples/workshop/solutions/ under the lesson's
// name, renders the same way.
import DriftLang
import Foundation
import Testing

struct WorkshopScript: CustomTestStringConvertible, Sendable {
    /// The path under examples/workshop/: `01-what-is-drift.drift`, `solutions/01-what-is-drift.drift`.
    let name: String
    var testDescription: String { name }

    static let directory = GoldenScript.examples.appendingPathComponent("workshop")

    static var all: [WorkshopScript] { scripts(in: "") }
    static var solutions: [WorkshopScript] { scripts(in: "solutions/") }

    /// The .drift files of a folder under examples/workshop/ (`""` or `"solutions/"`), named by their path in it.
    private static func scripts(in folder: String) -> [WorkshopScript] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".drift") }.sorted().map { WorkshopScript(name: folder + $0) }
    }

    /// Runs the script as a notebook in its own directory, recording each failed cell, and renders it
    /// to an HTML page.
    func rendered() throws -> (run: NotebookRun, html: String) {
        let path = "examples/workshop/" + name
        let source = try String(contentsOf: GoldenScript.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let location = Session.scriptLocation(GoldenScript.packageRoot.appendingPathComponent(path).path)
        let run = NotebookRun(NotebookDocument(parsing: source), name: path, path: location.path,
                              session: Session(baseDirectory: location.directory) { _ in })
        for cell in run.failedCells {
            Issue.record("cell at line \(cell.cell.firstLine) failed: \(cell.outputs)")
        }
        return (run, NotebookHTML.page(run))
    }
}

@Test func workshopHasSevenScriptsNumberedOneToSeven() {
    let names = WorkshopScript.all.map(\.name)
    #expect(names.count == 7)
    #expect(names.map { String($0.prefix(3)) } == ["01-", "02-", "03-", "04-", "05-", "06-", "07-"])
}

@Test(arguments: WorkshopScript.all)
func lessonSetsAnExerciseWithASolution(_ lesson: WorkshopScript) throws {
    let source = try String(contentsOf: WorkshopScript.directory.appendingPathComponent(lesson.name), encoding: .utf8)
    #expect(source.contains("Exercise"), "\(lesson.name) sets no exercise")
    #expect(WorkshopScript.solutions.map(\.name).contains("solutions/" + lesson.name), "no solutions/\(lesson.name)")
    #expect(source.contains("solutions/" + lesson.name), "\(lesson.name) does not point to its solution")
}

@Test func everySolutionBelongsToALesson() {
    let lessons = Set(WorkshopScript.all.map(\.name))
    for solution in WorkshopScript.solutions {
        #expect(lessons.contains(String(solution.name.dropFirst("solutions/".count))), "\(solution.name) has no lesson")
    }
}

@Test(arguments: WorkshopScript.all)
func workshopNotebookRendersToHTML(_ script: WorkshopScript) throws {
    let (run, html) = try script.rendered()
    #expect(run.failedCells.isEmpty)
    #expect(run.skippedCount == 0)
    #expect(html.contains("<svg"), "no chart")
    #expect(html.contains("<table") || html.contains("class=\"card"), "no table or card")
    #expect(!html.lowercased().contains("<script"))
    #expect(run.cells.contains { $0.cell.kind == .markdown }, "no prose")
}

@Test(arguments: WorkshopScript.solutions)
func workshopSolutionRendersToHTML(_ script: WorkshopScript) throws {
    let (run, html) = try script.rendered()
    #expect(run.failedCells.isEmpty)
    #expect(run.skippedCount == 0)
    #expect(!html.lowercased().contains("<script"))
}
