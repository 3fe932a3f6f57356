// Frames: every way out of a call — a value, `return`, an error, runaway recursion — gives its
// locals back to the value stack, so a session that keeps going after errors does not leak them.
// (Ctrl-C unwinds as an error does; it is not tested here because the flag is process-wide and
// would interrupt tests running alongside.)
@testable import DriftLang
import Glibc
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

/// A node whose evaluation fails, to stop an argument list part way.
private final class FailingNode: Node {
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        throw RuntimeError.at(location, "fails")
    }
}

/// A call's arguments are evaluated straight into the callee's uninitialised slots (Closure.call(with:)).
/// When one throws, it and the slots after it must hold null, so that popping the frame releases only
/// what the earlier arguments made; here the slots start as garbage bytes, which a missed slot would keep.
/// (How many arguments, which one fails): the first of one, either of two, inside and at each end of the
/// chain of links, and past it into the long array (more than 17 arguments).
@Test(arguments: zip([1, 2, 2, 3, 17, 17, 20, 20, 20], [0, 0, 1, 1, 0, 16, 1, 17, 19]))
func anArgumentThatThrowsLeavesEverySlotInitialised(count: Int, failing: Int) throws {
    let session = Session { _ in }
    let location = SourceLocation(file: SourceFile(name: "test", text: ""), offset: 0)
    let nodes: [Node] = (0..<count).map { index in
        index == failing ? FailingNode(at: location) : ConstantNode(.string("argument \(index) of the list"), at: location)
    }
    let arguments = ArgumentList(nodes, at: location)
    let slots = UnsafeMutablePointer<Value>.allocate(capacity: count)
    defer { slots.deallocate() }
    UnsafeMutableRawPointer(slots).initializeMemory(as: UInt8.self, repeating: 0xFF, count: count * MemoryLayout<Value>.stride)
    #expect(throws: Unwind.self) {
        try arguments.evaluate(into: slots, Frame(slots: slots, closure: nil), session.interpreter)
    }
    for index in 0..<count {
        let raw = UnsafeRawBufferPointer(start: slots + index, count: MemoryLayout<Value>.size)
        if index < failing {
            guard case .string(let text) = (slots + index).move() else {
                Issue.record("slot \(index) of \(count) should hold its argument")
                continue
            }
            #expect(text == "argument \(index) of the list")
        } else {
            #expect(!raw.contains(0xFF) && (slots + index).holdsNoReference, "slot \(index) of \(count) should be null")
        }
    }
}

/// Which locals the resolver boxes: those an inner function uses, and no others. A local function
/// that only calls itself or its siblings needs no box, since it reaches them through its group.
@Test(arguments: [
    ("fn f(n) { fn g(x) { x + n }\n g(1) }", ["n"]),
    ("fn f(n) { let g = x => x + n\n let h = y => g(y) * 2\n h(n) }", ["n", "g"]),
    ("fn f(n) { fn g(k) { if k == 0 { 0 } else { g(k - 1) } }\n g }", []),
    ("fn f(n) { fn a(k) { b(k) }\n fn b(k) { a(k) }\n [a, b] }", []),
    ("fn f(n) { n + 1 }", []),
    ("fn f(n) { let unused = 1\n map([1], x => x + n) }", ["n"]),
    ("fn f(n) { fn g(x) { x + n }\n g = null\n 1 }", ["n"]),
    ("fn f(n) { fn g(k) { g(k) }\n g = null\n 1 }", ["g"]),
    ("fn f(n) { fn g(x) { y => x + y + n }\n g(1)(2) }", ["n"]),
    ("fn f(n, d = x => x + n) { d(n) }", ["n"]),
])
func capturedLocalsAreBoxed(source: String, boxed: [String]) throws {
    let file = SourceFile(name: "f.drift", text: source)
    let parsed = Parser.parse(file)
    #expect(parsed.diagnostics.isEmpty)
    guard case .function(let declaration)? = parsed.statements.first?.kind else {
        Issue.record("expected a function declaration")
        return
    }
    let session = Session { _ in }
    let (resolution, diagnostics) = Resolver.resolve(parsed.statements, file: file, interpreter: session.interpreter)
    #expect(diagnostics.isEmpty)
    let function = try #require(resolution.functions[ObjectIdentifier(declaration)])
    #expect(function.variables.filter(\.isCaptured).map(\.name) == boxed, "\(source)")
}

/// An error inside a default value is raised in the call (the function is on the Drift call stack),
/// and a missing argument names the function too.
@Test func errorsInDefaultValuesKeepTheirFunctionOnTheCallStack() {
    let session = Session { _ in }
    let report = session.run(source: "fn f(a, b = a / \"x\") { b }\nlet y = f(1)\n", name: "defaults.drift")
    #expect(report?.contains("defaults.drift:1:15: error: cannot apply '/' to number and string") == true, "\(report ?? "")")
    #expect(report?.contains("in f, called at defaults.drift:2:9") == true, "\(report ?? "")")
    #expect(session.interpreter.valueStack.depth == 0)
}
