// ArgumentList: a call's argument expressions, evaluated into the callee's frame.
//
// A node fetched from an array is retained and released around every use — for a call's arguments,
// on every call — while calling through a non-optional field of an object already in use costs no
// reference counting. So short argument lists are chains of links, each holding its node and the
// rest of the list in fields. Long lists stay arrays, so no chain is deep enough to strain the stack
// when it is evaluated or released.

class ArgumentList {
    /// How many arguments the list holds, from here to its end.
    let count: Int

    init(count: Int) { self.count = count }

    /// The list for these argument nodes.
    static func of(_ nodes: [Node]) -> ArgumentList {
        guard let last = nodes.last else { return ArgumentList(count: 0) }
        if nodes.count > 16 { return LongArgumentList(nodes) }
        return nodes.dropLast().reversed().reduce(LastArgument(last)) { ArgumentLink($1, next: $0) }
    }

    /// Evaluates every argument in the caller's frame into `slots`, which hold null (owning nothing,
    /// so they are initialised over). The empty list has nothing to evaluate.
    func evaluate(into slots: UnsafeMutablePointer<Value>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {}
}

private final class ArgumentLink: ArgumentList {
    let node: Node
    let next: ArgumentList

    init(_ node: Node, next: ArgumentList) {
        self.node = node
        self.next = next
        super.init(count: next.count + 1)
    }

    override func evaluate(into slots: UnsafeMutablePointer<Value>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        slots.initialize(to: try node.evaluate(frame, interpreter))
        try next.evaluate(into: slots + 1, frame, interpreter)
    }
}

private final class LastArgument: ArgumentList {
    let node: Node

    init(_ node: Node) {
        self.node = node
        super.init(count: 1)
    }

    override func evaluate(into slots: UnsafeMutablePointer<Value>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        slots.initialize(to: try node.evaluate(frame, interpreter))
    }
}

private final class LongArgumentList: ArgumentList {
    let nodes: [Node]

    init(_ nodes: [Node]) {
        self.nodes = nodes
        super.init(count: nodes.count)
    }

    override func evaluate(into slots: UnsafeMutablePointer<Value>, _ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        for index in nodes.indices { (slots + index).initialize(to: try nodes[index].evaluate(frame, interpreter)) }
    }
}
