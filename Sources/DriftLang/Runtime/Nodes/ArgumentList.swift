// ArgumentList: a call's argument expressions, evaluated into the callee's frame.
//
// A node fetched from an array is retained and released around every use — for a call's arguments,
// on every call — while calling through a non-optional field of an object already in use costs no
// reference counting. So the first argument sits in a field of the list and is evaluated without a
// call through the list (most calls have one or two arguments), and the others form a chain of links,
// each holding its node and the rest of the chain in fields. Long lists stay arrays, so no chain is
// deep enough to strain the stack when it is evaluated or released.

final class ArgumentList {
    /// How many arguments the list holds.
    let count: Int
    /// The first argument; for an empty list, a placeholder that is never evaluated.
    private let first: Node
    /// The first argument worked out in place when it is `local op literal` (`fib(n - 1)`).
    private let firstOperand: NumberOperand
    /// The arguments after the first.
    private let rest: ArgumentChain

    /// The list for these argument nodes; `location` is the call's.
    init(_ nodes: [Node], at location: SourceLocation) {
        count = nodes.count
        first = nodes.first ?? ConstantNode(.null, at: location)
        firstOperand = NumberOperand(first)
        rest = ArgumentChain.of(nodes.dropFirst())
    }

    /// Evaluates every argument in the caller's frame into `slots`, which are uninitialised. Each slot is
    /// initialised even when an argument throws (those from the failing one on, to null), so the callee's
    /// frame can be popped as usual.
    @inline(__always)
    func evaluate(into slots: UnsafeMutablePointer<Value>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        guard count > 0 else { return }
        if let x = firstOperand.number(frame) {
            slots.initialize(to: .number(x))
        } else {
            try evaluateArgument(first, into: slots, nullingOnError: count, frame, interpreter)
        }
        if count > 1 { try rest.evaluate(into: slots + 1, count: count - 1, frame, interpreter) }
    }
}

/// Arguments after the first: a chain of links, or an array when long.
class ArgumentChain {
    /// The chain for these argument nodes.
    static func of(_ nodes: ArraySlice<Node>) -> ArgumentChain {
        guard let last = nodes.last else { return ArgumentChain() }
        if nodes.count > 16 { return LongArgumentChain(Array(nodes)) }
        return nodes.dropLast().reversed().reduce(LastArgument(last)) { ArgumentLink($1, next: $0) }
    }

    /// Evaluates the `count` arguments into `slots`, as ArgumentList does. The empty chain has nothing to evaluate.
    func evaluate(into slots: UnsafeMutablePointer<Value>, count: Int, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {}
}

/// Initialises the slot at `slots` with `node`'s value; when that throws, it and the `count - 1` slots after
/// it with null.
@inline(__always)
private func evaluateArgument(_ node: Node, into slots: UnsafeMutablePointer<Value>, nullingOnError count: Int, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
    do {
        slots.initialize(to: try node.evaluate(frame, interpreter))
    } catch {
        slots.initialize(repeating: .null, count: count)
        throw error
    }
}

private final class ArgumentLink: ArgumentChain {
    let node: Node
    let next: ArgumentChain

    init(_ node: Node, next: ArgumentChain) {
        self.node = node
        self.next = next
    }

    override func evaluate(into slots: UnsafeMutablePointer<Value>, count: Int, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        try evaluateArgument(node, into: slots, nullingOnError: count, frame, interpreter)
        try next.evaluate(into: slots + 1, count: count - 1, frame, interpreter)
    }
}

private final class LastArgument: ArgumentChain {
    let node: Node

    init(_ node: Node) { self.node = node }

    override func evaluate(into slots: UnsafeMutablePointer<Value>, count: Int, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        try evaluateArgument(node, into: slots, nullingOnError: 1, frame, interpreter)
    }
}

private final class LongArgumentChain: ArgumentChain {
    let nodes: [Node]

    init(_ nodes: [Node]) { self.nodes = nodes }

    override func evaluate(into slots: UnsafeMutablePointer<Value>, count: Int, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        for index in nodes.indices { try evaluateArgument(nodes[index], into: slots + index, nullingOnError: count - index, frame, interpreter) }
    }
}
