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
