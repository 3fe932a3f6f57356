// Access nodes: `x[i]`, `x[a:b]` and `x.name`; the rules live in Runtime/Access.swift.

final class IndexNode: Node {
    let container: Node
    let key: Node
    init(_ container: Node, key: Node, at location: SourceLocation) {
        self.container = container
        self.key = key
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let value = try container.evaluate(frame, interpreter)
        return try Access.element(of: value, key: try key.evaluate(frame, interpreter), at: location)
    }
}

final class SliceNode: Node {
    let container: Node
    let from: Node?
    let to: Node?
    init(_ container: Node, from: Node?, to: Node?, at location: SourceLocation) {
        self.container = container
        self.from = from
        self.to = to
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let value = try container.evaluate(frame, interpreter)
        let start = try from?.evaluate(frame, interpreter) ?? .null
        let end = try to?.evaluate(frame, interpreter) ?? .null
        return try Access.slice(of: value, from: start, to: end, at: location)
    }
}

final class FieldNode: Node {
    let container: Node
    let name: String
    init(_ container: Node, name: String, at location: SourceLocation) {
        self.container = container
        self.name = name
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        try Access.field(of: try container.evaluate(frame, interpreter), name, at: location)
    }
}
