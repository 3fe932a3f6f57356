// Diagnostics that guess what was meant: each mistake gets one error with a hint, and nothing spurious
// after it (issue 14, bug 11). `Session.check` returns every diagnostic, so the count is checked too.
import DriftLang
import Testing

@Test(arguments: [
    ("{a: 1, a: 2}", "field 'a' appears twice in the record"),
    ("let x = 1\nif x = 3 { print(x) }", "'=' assigns; to compare in the condition of 'if', use '=='"),
    ("let x = 1\nwhile x = 3 { x = 4 }", "'=' assigns; to compare in the condition of 'while', use '=='"),
    ("1 < 2 < 3", "comparisons do not chain: write 'a < b and b < c'"),
    ("let v = [1, 2]\nv == 1 != true", "comparisons do not chain: write 'a < b and b < c'"),
])
func oneDiagnosticWithItsHint(_ source: String, _ message: String) {
    let session = Session { _ in }
    let diagnostics = session.check(source: source, name: "typed.drift")
    #expect(diagnostics.count == 1, "\(diagnostics)")
    #expect(diagnostics.first?.components(separatedBy: "\n").first?.hasSuffix("error: \(message)") == true, "\(diagnostics)")
}

/// Issue 20's smaller findings: an error on a very long line shows a window around the column (a
/// 50 MB line once wrote 150 MB to stderr), and the caret stays under the spot after wide characters.
@Test func aLongLineShowsAWindowAroundTheError() throws {
    let source = "let x = \"" + String(repeating: "a", count: 1_000_000) + "\" + @ + " + String(repeating: "b", count: 1_000_000)
    let diagnostics = Session { _ in }.check(source: source, name: "long.drift")
    let first = try #require(diagnostics.first)
    #expect(first.count < 600, "\(first.count) characters")
    let lines = first.components(separatedBy: "\n")
    #expect(lines[0] == "long.drift:1:1000014: error: unexpected character '@'")
    #expect(lines[1].hasPrefix("  …aaaa") && lines[1].hasSuffix("bbbb…"))
    let caret = try #require(lines[2].firstIndex(of: "^"))
    #expect(Array(lines[1])[lines[2].distance(from: lines[2].startIndex, to: caret)] == "@")
}

@Test func theCaretLinesUpAfterWideCharacters() {
    let diagnostics = Session { _ in }.check(source: "let s = \"日本語\" + @", name: "wide.drift")
    let lines = diagnostics.first?.components(separatedBy: "\n") ?? []
    #expect(lines.count >= 3)
    #expect(lines[2] == "  " + String(repeating: " ", count: 19) + "^", "\(lines)")
}
