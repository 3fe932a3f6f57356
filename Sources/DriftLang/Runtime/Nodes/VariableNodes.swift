// Variable nodes: reads and writes of locals (frame slots, boxed when captured), of the running
// closure's captured variables and group, and of globals (the interpreter's slots, which may be
// declared later than the code that uses them).

final class LocalNode: SlotNode {
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        // A number is returned without the general copy of a value (a call that switches on the kind).
        if case .number(let x) = frame.slots[slot] { return .number(x) }
        return frame.slots[slot]
    }
}

/// A captured local of the running frame: its slot holds a box.
final class BoxedLocalNode: SlotNode {
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        frame.box(at: slot).value
    }
}

/// A variable the running closure captured from where it was made (`slot` is its place among them).
final class CapturedNode: SlotNode {
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        frame.captured(slot).value
    }
}

/// A local function of the running closure's group, itself included (`slot` is its place in the group).
final class SiblingNode: SlotNode {
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        .function(frame.closure.unsafelyUnwrapped.sibling(slot))
    }
}

final class GlobalNode: SlotNode {
    let name: String
    init(slot: Int, name: String, at location: SourceLocation) {
        self.name = name
        super.init(slot: slot, at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        if let x = interpreter.globals.number(at: slot) { return .number(x) }
        guard let value = interpreter.globals[slot] else {
            throw RuntimeError.at(location, "'\(name)' is used before it is defined")
        }
        return value
    }
}

/// Where an assignment or declaration stores its value.
enum VariableReference {
    case local(slot: Int)
    /// A captured local of the running frame, in a box.
    case boxed(slot: Int)
    case captured(index: Int)
    case global(slot: Int, name: String)

    func read(_ frame: Frame, _ interpreter: Interpreter, at location: SourceLocation) throws(Unwind) -> Value {
        switch self {
        case .local(let slot): return frame.slots[slot]
        case .boxed(let slot): return frame.box(at: slot).value
        case .captured(let index): return frame.captured(index).value
        case .global(let slot, let name):
            guard let value = interpreter.globals[slot] else {
                throw RuntimeError.at(location, "'\(name)' is used before it is defined")
            }
            return value
        }
    }

    func write(_ value: Value, _ frame: Frame, _ interpreter: Interpreter) {
        switch self {
        case .local(let slot): frame.slots[slot] = value
        case .boxed(let slot): frame.box(at: slot).value = value
        case .captured(let index): frame.captured(index).value = value
        case .global(let slot, _): interpreter.globals[slot] = value
        }
    }
}

/// Reads a variable through its reference, where no node of its own is worth having (the value of a
/// named function expression).
final class VariableNode: Node {
    let variable: VariableReference
    init(_ variable: VariableReference, at location: SourceLocation) {
        self.variable = variable
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        try variable.read(frame, interpreter, at: location)
    }
}

/// `let name = value` and plain `name = value`; evaluates to null (a `let` or an assignment shows nothing).
final class AssignNode: EffectNode {
    let target: VariableReference
    let value: Node
    init(_ target: VariableReference, _ value: Node, at location: SourceLocation) {
        self.target = target
        self.value = value
        super.init(at: location)
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        target.write(try value.evaluate(frame, interpreter), frame, interpreter)
    }
}

/// Assignment to a local of the running frame or to a global, the common targets: a loop's
/// `i = i + 1` is then a plain store, with no dispatch on an enum of where the variable lives.
final class SlotAssignNode: EffectNode {
    let slot: Int
    let isGlobal: Bool
    let value: Node
    init(slot: Int, isGlobal: Bool, _ value: Node, at location: SourceLocation) {
        self.slot = slot
        self.isGlobal = isGlobal
        self.value = value
        super.init(at: location)
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        let newValue = try value.evaluate(frame, interpreter)
        if isGlobal { return interpreter.globals[slot] = newValue }
        let local = frame.slots + slot
        if local.holdsNoReference { local.initialize(to: newValue) } else { local.pointee = newValue }
    }
}

/// `a.b[i] = value`, `v[mask] = value`, `v[a:b] = values`: reads the variable, replaces the part the
/// path names (Runtime/Replacement.swift), writes the variable back. Records, lists and vectors are
/// values, so this changes only this variable's copy.
final class PathAssignNode: Node {
    let root: VariableReference
    let path: [PathStep]
    let value: Node

    enum PathStep {
        case field(String, SourceLocation)
        case index(Node)
        case slice(from: Node?, to: Node?)
    }

    init(root: VariableReference, path: [PathStep], value: Node, at location: SourceLocation) {
        self.root = root
        self.path = path
        self.value = value
        super.init(at: location)
    }

    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        var keys: [PartKey] = []
        for step in path {
            switch step {
            case .field(let name, _): keys.append(.key(.string(name)))
            case .index(let node): keys.append(.key(try node.evaluate(frame, interpreter)))
            case .slice(let from, let to):
                keys.append(.slice(from: try from?.evaluate(frame, interpreter) ?? .null, to: try to?.evaluate(frame, interpreter) ?? .null))
            }
        }
        let newValue = try value.evaluate(frame, interpreter)
        let current = try root.read(frame, interpreter, at: location)
        root.write(try replacing(in: current, depth: 0, keys: keys, with: newValue), frame, interpreter)
        return .null
    }

    private func replacing(in container: Value, depth: Int, keys: [PartKey], with newValue: Value) throws(Unwind) -> Value {
        let key = keys[depth]
        let stepLocation: SourceLocation
        if case .field(_, let fieldLocation) = path[depth] { stepLocation = fieldLocation } else { stepLocation = location }
        let inner: Value
        if depth == keys.count - 1 {
            inner = newValue
        } else {
            let current = try Access.part(of: container, key, at: stepLocation)
            inner = try replacing(in: current, depth: depth + 1, keys: keys, with: newValue)
        }
        return try Access.replacing(key, of: container, with: inner, at: stepLocation)
    }
}
