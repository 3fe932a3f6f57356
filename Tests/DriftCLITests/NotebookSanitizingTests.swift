// NotebookSanitizingTests (issue 20, finding 9): raw HTML in a notebook's Markdown cannot run a script
// or fetch anything. The payloads the finding listed (a script, an onerror handler, an iframe, a
// `javascript:` link, written plainly and entity-encoded) are dropped from the page, the page carries a
// Content-Security-Policy, and in headless Chromium nothing they would do happens.
import Foundation
import Testing
import DriftTestSupport

private let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
private let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

@Suite(.temporaryFiles) struct NotebookSanitizingTests {
    static let notebook = """
        # %% [markdown]
        # # Payloads
        #
        # <script>document.title = "pwned-script"</script>
        # <img src=x onerror="document.body.setAttribute('data-pwned', 'img')">
        # <iframe src="http://127.0.0.1:9/frame"></iframe> <svg onload="document.title='pwned-svg'"></svg>
        # <div style="background:url(http://127.0.0.1:9/bg)" onclick="x()">kept text</div> 2 < 3 <b>bold</b>
        # <a href="JaVaScRiPt:alert(3)">mixed case</a> <a href="&#106;avascript:alert(4)">encoded</a>
        # %% [markdown]
        # [click](javascript:alert(1)) and [fine](https://example.com)
        #
        # ![remote](http://127.0.0.1:9/pixel.png) ![local](chart.png)
        # %%
        print("ran")
        """

    func render() throws -> (html: String, page: URL) {
        let directory = try temporaryDirectory()
        let script = directory.appendingPathComponent("payloads.drift")
        try Self.notebook.write(to: script, atomically: true, encoding: .utf8)
        let page = directory.appendingPathComponent("payloads.html")
        for options in [[], ["--safe"]] {
            let result = try DriftBinary.run(["notebook"] + options + [script.path, "-o", page.path], in: directory)
            #expect(result.status == 0, "\(result.error)")
        }
        return (try String(contentsOf: page, encoding: .utf8), page)
    }

    @Test func payloadsAreDroppedAndThePageForbidsScripts() throws {
        let html = try render().html
        for payload in ["<script", "onerror", "onclick", "onload", "<iframe", "javascript:", "avascript", "127.0.0.1", "style=\"background"] {
            #expect(!html.lowercased().contains(payload.lowercased()), "\(payload) reached the page")
        }
        #expect(html.contains(#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:">"#))
        for kept in ["<h1>Payloads</h1>", "<div>kept text</div>", "2 &lt; 3", "<b>bold</b>", #"<a href="https://example.com">fine</a>"#, #"<img src="chart.png" alt="local">"#] {
            #expect(html.contains(kept), "\(kept) is missing")
        }
    }

    @Test(.enabled(if: chromium != nil || onCI, "needs Chromium (installed by .ci/run)"))
    func nothingRunsInABrowser() throws {
        let browser = try #require(chromium, "Chromium is not installed; .ci/run installs it")
        let (_, page) = try render()
        let opened = try DriftBinary.runProgram(browser, [
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
            "--user-data-dir=\(page.deletingLastPathComponent().appendingPathComponent("profile").path)",
            "--dump-dom", page.absoluteString,
        ])
        #expect(opened.status == 0, "chromium: \(opened.error)")
        #expect(opened.output.contains("<title>Payloads</title>"))
        #expect(!opened.output.contains("pwned"))
        #expect(opened.output.contains("ran"))
    }
}
