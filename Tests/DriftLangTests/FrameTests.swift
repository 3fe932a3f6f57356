// Frames: every way out of a call — a value, `return`, an error, runaway recursion — gives its
// locals back to the value stack, so a session that keeps going after errors does not leak them.
// (Ctrl-C unwinds as an error does; it is not tested here because the flag is process-wide and
// would interrupt tests running alongside.)
@testable import DriftLang
import Testing

@Test func everyWayOutOfACallEmptiesTheValueStack() throws {
    let session = Session { _ in }
    let entries = [
        "fn sum(n) { let here = n\n if n == 0 { 0 } else { sum(n - 1) + here } }",
        "sum(500)",
        "fn early(n) { let a = n\n if n > 3 { return a } \n early(n + 1) }",
        "early(0)",
        "fn broken(n) { let b = n\n if n == 0 { 1 / \"x\" } else { broken(n - 1) } }",
        "broken(200)",
        "fn down(n) { let c = [n]\n down(n + 1) }",
        "down(0)",
        "fn labelled(a, b = 2) { let d = a\n d + b }",
        "labelled(b: 3, a: 1) + labelled(4)",
        "map([1, 2, 3], x => sum(x))",
    ]
    for entry in entries {
        _ = session.evaluateEntry(entry)
        #expect(session.interpreter.valueStack.depth == 0, "after \(entry)")
    }
}

/// Which functions clear their frame on the way out: those whose closures are local functions only
/// ever called by name. Any other use of a closure — as a value, returned, passed on, reassigned,
/// or a closure defined some other way — keeps the frame as it is.
@Test(arguments: [
    ("fn f(n) { fn g(x) { x + n }\n g(1) }", true),
    ("fn f(n) { let g = x => x + n\n let h = y => g(y) * 2\n h(n) }", true),
    ("fn f(n) { fn g(k) { if k == 0 { 0 } else { g(k - 1) } }\n g(n) }", true),
    ("fn f(n) { n + 1 }", false),
    ("fn f(n) { fn g(x) { x + n }\n g }", false),
    ("fn f(n) { fn g(x) { x + n }\n return g }", false),
    ("fn f(n) { fn g(x) { x + n }\n [g(1), g] }", false),
    ("fn f(n) { fn g(x) { x + n }\n map([1], g) }", false),
    ("fn f(n) { fn g(x) { x + n }\n g = null\n 1 }", false),
    ("fn f(n) { map([1], x => x + n) }", false),
    ("fn f(n) { fn g(x) { y => x + y }\n g(1)(2) }", false),
    ("fn f(n) { fn g(x) { x }\n fn h(g) { g }\n h(1) }", false),
    ("fn f(n, d = x => x) { fn g(x) { x }\n g(d(n)) }", false),
])
func framesAreClearedOnlyWhenNoClosureCanEscape(source: String, clears: Bool) throws {
    let parsed = Parser.parse(SourceFile(name: "f.drift", text: source))
    #expect(parsed.diagnostics.isEmpty)
    guard case .function(let declaration)? = parsed.statements.first?.kind else {
        Issue.record("expected a function declaration")
        return
    }
    #expect(declaration.closuresStayInFrame == clears, "\(source)")
}
