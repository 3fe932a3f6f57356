// Notebooks: percent-format cells, running them in one session, and the HTML, Markdown and Jupyter
// writers over examples/notebook.drift and the small notebooks in Tests/notebooks/.
import DriftLang
import Foundation
import Testing

private func notebookRun(_ path: String, parameters: [(String, Value)] = [], keepGoing: Bool = false) throws -> NotebookRun {
    let source = try String(contentsOf: GoldenScript.packageRoot.appendingPathComponent(path), encoding: .utf8)
    // Run in the script's directory, as `drift notebook` runs it.
    let script = Session.scriptLocation(GoldenScript.packageRoot.appendingPathComponent(path).path)
    return NotebookRun(NotebookDocument(parsing: source), name: path, path: script.path,
                       session: Session(baseDirectory: script.directory) { _ in }, parameters: parameters, keepGoing: keepGoing)
}

private func printed(_ cell: RanCell) -> String {
    cell.outputs.compactMap { if case .printed(let text) = $0 { return text } else { return nil } }.joined()
}

// MARK: Cells

@Test func markersStartCellsWithTitlesAndLineNumbers() {
    let text = """
        let a = 1

        # %% Load data
        let b = 2
        # %% [markdown] Notes
        # # Heading
        #
        # Some *prose*.
        not a comment

        #%%
        b + 1
        # %%% not a marker
        """
    let cells = NotebookDocument(parsing: text).cells
    #expect(cells.count == 4)
    #expect(cells[0] == NotebookCell(kind: .code, title: nil, source: "let a = 1", firstLine: 1))
    #expect(cells[1] == NotebookCell(kind: .code, title: "Load data", source: "let b = 2", firstLine: 4))
    #expect(cells[2] == NotebookCell(kind: .markdown, title: "Notes", source: "# Heading\n\nSome *prose*.\nnot a comment", firstLine: 6))
    #expect(cells[3] == NotebookCell(kind: .code, title: nil, source: "b + 1\n# %%% not a marker", firstLine: 12))
}

@Test func scriptWithoutMarkersIsOneCellAndBlankPreambleIsDropped() {
    #expect(NotebookDocument(parsing: "\n\nlet x = 1\nx\n").cells == [NotebookCell(kind: .code, title: nil, source: "let x = 1\nx", firstLine: 3)])
    let cells = NotebookDocument(parsing: "\n  \n# %%\n\n1\n").cells
    #expect(cells == [NotebookCell(kind: .code, title: nil, source: "1", firstLine: 5)])
    #expect(NotebookDocument(parsing: "").cells.isEmpty)
}

// MARK: Running

@Test func cellsShareStateAndKeepOutputsInOrder() {
    let session = Session { _ in }
    #expect(session.runCell("let x = 3", name: "n.drift").isEmpty)
    let outputs = session.runCell("print(\"one\")\nprint(\"two\")\nx * 2", name: "n.drift")
    guard outputs.count == 2, case .printed("one\ntwo\n") = outputs[0], case .value(.number(6)) = outputs[1] else {
        Issue.record("unexpected outputs \(outputs)")
        return
    }
    #expect(session.runCell("x = 4", name: "n.drift").isEmpty)
    #expect(session.runCell("x;", name: "n.drift").isEmpty)
}

@Test func cellErrorsNameTheFileLine() {
    let session = Session { _ in }
    let outputs = session.runCell("let a = 1\na + {}", name: "book.drift", firstLine: 10)
    guard case .error(let report)? = outputs.last else {
        Issue.record("no error in \(outputs)")
        return
    }
    #expect(report.hasPrefix("book.drift:11:"))
    #expect(report.contains("a + {}"))
}

@Test func firstErrorStopsUnlessKeepGoing() throws {
    let stopped = try notebookRun("Tests/notebooks/error.drift")
    #expect(stopped.cells.count == 3)
    #expect(stopped.failedCells.count == 1)
    #expect(stopped.skippedCount == 1)
    #expect(printed(stopped.cells[1]) == "x is 2\n")
    guard case .error(let report)? = stopped.cells[2].outputs.last else {
        Issue.record("the broken cell shows no error")
        return
    }
    #expect(report.hasPrefix("Tests/notebooks/error.drift:9:"))
    let html = NotebookHTML.page(stopped)
    #expect(html.contains("class=\"error\""))
    #expect(html.contains("cannot apply"))
    #expect(!html.contains("after the error"))
    #expect(html.contains("1 later cell not run"))

    let kept = try notebookRun("Tests/notebooks/error.drift", keepGoing: true)
    #expect(kept.cells.count == 4)
    #expect(kept.skippedCount == 0)
    #expect(printed(kept.cells[3]) == "after the error\n")
}

@Test func parametersOverrideTheParametersCell() throws {
    let defaults = try notebookRun("Tests/notebooks/params.drift")
    #expect(printed(defaults.cells[1]) == "default 8\n")
    let set = try notebookRun("Tests/notebooks/params.drift", parameters: [("bins", .parameter("10")), ("label", .parameter("june"))])
    #expect(printed(set.cells[1]) == "june 20\n")
    #expect(NotebookHTML.page(set).contains("Run with parameters: <code>bins = 10, label = &quot;june&quot;</code>"))
    #expect(NotebookMarkdown(set, figureDirectory: "f").text.hasPrefix("*Run with parameters:* `bins = 10, label = \"june\"`"))
    // Without a parameters cell they are set before the first cell.
    let session = Session { _ in }
    let run = NotebookRun(NotebookDocument(parsing: "# %%\nlimit + 1"), name: "p.drift", session: session,
                          parameters: [("limit", .parameter("2.5"))])
    guard case .value(.number(3.5))? = run.cells[0].outputs.first else {
        Issue.record("parameter not set: \(run.cells[0].outputs)")
        return
    }
}

// MARK: Writers

@Test func htmlPageIsSelfContainedWithProseTablesAndCharts() throws {
    let run = try notebookRun("examples/notebook.drift")
    #expect(run.failedCells.isEmpty)
    let html = NotebookHTML.page(run)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<h1>Credit applications: what drifted?</h1>"))
    #expect(html.contains("<strong>reference</strong>"))
    #expect(html.contains("<svg"))
    #expect(html.contains("role=\"img\""))
    #expect(html.contains("<table"))
    #expect(html.contains("<td class=\"num\">"))
    #expect(html.contains("<div class=\"card alert\">"))
    #expect(html.contains("<pre class=\"source\"><code>let reference = read_csv(&quot;data/credit_reference.csv&quot;)"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("http:") && !html.contains("https:"))
    #expect(!html.contains("<link"))
}

@Test func svgChartHasLegendColoursAndTitle() {
    var renderer = Renderer(backend: .html)
    renderer.barChart(BarChart(title: "a < b", labels: ["x", "y"], series: [
        .init(name: "reference", values: [1, 3], annotations: ["1", "3"]),
        .init(name: "current", values: [2, 0], annotations: ["2", "0"]),
    ]))
    let svg = renderer.output
    #expect(svg.contains("<title>a &lt; b</title>"))
    #expect(svg.contains("#0072B2") && svg.contains("#E69F00"))
    #expect(svg.contains(">reference</text>") && svg.contains(">current</text>"))
    #expect(renderer.figures.count == 1)
}

@Test func svgBarChartDrawsItsValueAxisAndReferenceLine() {
    var renderer = Renderer(backend: .html)
    renderer.barChart(BarChart(title: "scores", labels: ["x", "y"], series: [.init(name: "score", values: [0.5, 2], annotations: ["", ""])],
                               axis: .init(label: "score / threshold", reference: (1, "threshold"))))
    let svg = renderer.output
    #expect(svg.contains("<g class=\"axis\""))
    #expect(svg.contains(">score / threshold</text>"))
    #expect(svg.contains(">0</text>") && svg.contains(">1 threshold</text>") && svg.contains(">2</text>"))
    // The reference line is dashed, half way along the 300-pixel bar area (x = label width 19 + 150).
    #expect(svg.contains("<line class=\"reference\" x1=\"169\""))
    #expect(svg.contains("stroke-dasharray"))
}

@Test func terminalDisplayIsUnchangedByCards() {
    let session = Session { _ in }
    guard case .completed(let display?) = session.evaluateEntry("ks_test([1, 2, 3, 4], [5, 6, 7, 8])") else {
        Issue.record("no display")
        return
    }
    #expect(display.hasPrefix("ks_test: statistic 1"))
}

@Test func markdownHasFencedCodeTablesAndFigureLinks() throws {
    let run = try notebookRun("examples/notebook.drift")
    let markdown = NotebookMarkdown(run, figureDirectory: "report-figures")
    #expect(markdown.text.contains("# Credit applications: what drifted?"))
    #expect(markdown.text.contains("```drift\nhist(reference.age, current.age, bins: bins)\n```"))
    #expect(markdown.text.contains("|---:|"))
    #expect(markdown.figures.count == 2)
    for figure in markdown.figures {
        #expect(markdown.text.contains("](\(figure.path))"))
        #expect(figure.path.hasPrefix("report-figures/cell-"))
        #expect(figure.svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }
}

@Test func ipynbIsNbformat4WithOutputs() throws {
    let run = try notebookRun("Tests/notebooks/error.drift", keepGoing: true)
    let object = try JSONSerialization.jsonObject(with: NotebookIPYNB.data(run)) as? [String: Any]
    let notebook = try #require(object)
    #expect(notebook["nbformat"] as? Int == 4)
    #expect(notebook["nbformat_minor"] as? Int == 5)
    let metadata = try #require(notebook["metadata"] as? [String: Any])
    #expect((metadata["kernelspec"] as? [String: Any])?["name"] as? String == "drift")
    #expect((metadata["language_info"] as? [String: Any])?["name"] as? String == "drift")
    let cells = try #require(notebook["cells"] as? [[String: Any]])
    #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "code", "code", "code"])
    #expect(cells.allSatisfy { $0["id"] is String && $0["source"] is [String] && $0["metadata"] is [String: Any] })
    #expect(cells[1]["execution_count"] as? Int == 1)
    let first = try #require(cells[1]["outputs"] as? [[String: Any]])
    #expect(first.first?["output_type"] as? String == "stream")
    #expect(first.first?["text"] as? [String] == ["x is 2\n"])
    let error = try #require((cells[2]["outputs"] as? [[String: Any]])?.first)
    #expect(error["output_type"] as? String == "error")
    #expect((error["evalue"] as? String)?.hasPrefix("cannot apply") == true)
    #expect((error["traceback"] as? [String])?.isEmpty == false)
    let last = try #require((cells[3]["outputs"] as? [[String: Any]])?.last)
    #expect(last["output_type"] as? String == "execute_result")
    #expect(((last["data"] as? [String: Any])?["text/plain"] as? [String]) == ["20"])

    let example = try notebookRun("examples/notebook.drift")
    let exampleText = String(decoding: try NotebookIPYNB.data(example), as: UTF8.self)
    #expect(exampleText.contains("\"image/svg+xml\""))
    #expect(exampleText.contains("\"text/html\""))
}

@Test func showGivesACellSeveralFiguresInOrder() {
    let session = Session { _ in }
    let outputs = session.runCell("print(\"before\")\nshow(hist([1, 2, 3]), hist([\"a\", \"b\"]))\nprint(\"after\")", name: "cell.drift")
    #expect(outputs.count == 4)
    if case .printed(let text) = outputs.first { #expect(text == "before\n") } else { Issue.record("first output: \(outputs)") }
    #expect(outputs.dropFirst().prefix(2).allSatisfy { if case .shown = $0 { return true } else { return false } })
    if case .printed(let text) = outputs.last { #expect(text == "after\n") } else { Issue.record("last output: \(outputs)") }
}
