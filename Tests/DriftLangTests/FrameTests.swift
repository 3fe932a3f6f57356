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
