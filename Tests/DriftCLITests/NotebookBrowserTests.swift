// NotebookBrowserTests: every shipped notebook (examples/notebook.drift, examples/pharmacy.drift, the
// workshop and its solutions) renders with
// `drift notebook`, exits 0, and the page opens in headless Chromium with no console messages and with
// its SVG figures in the DOM. CI installs Chromium (.ci/run); elsewhere the test runs when it is there.
import Foundation
import Testing
import DriftTestSupport

private let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
private let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

private var shippedNotebooks: [String] {
    func scripts(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent(directory).path)) ?? []
        return names.filter { $0.hasSuffix(".drift") }.sorted().map { directory + "/" + $0 }
    }
    return ["examples/notebook.drift", "examples/pharmacy.drift"] + scripts(in: "examples/workshop") + scripts(in: "examples/workshop/solutions")
}

@Test(.temporaryFiles, .enabled(if: chromium != nil || onCI, "needs Chromium (installed by .ci/run)"), arguments: shippedNotebooks)
func notebookOpensInABrowser(_ script: String) throws {
    let browser = try #require(chromium, "Chromium is not installed; .ci/run installs it")
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent("page.html")
    let rendered = try DriftBinary.run(["notebook", script, "-o", page.path], in: packageRoot)
    #expect(rendered.status == 0, "drift notebook \(script) failed: \(rendered.error)")
    let opened = try DriftBinary.runProgram(browser, [
        "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--dump-dom", page.absoluteString,
    ])
    #expect(opened.status == 0, "chromium: \(opened.error)")
    #expect(opened.output.contains("<svg"), "\(script): no SVG figure in the page")
    let consoleMessages = opened.error.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    #expect(consoleMessages.isEmpty, "\(script): \(consoleMessages.joined(separator: "\n"))")
}
