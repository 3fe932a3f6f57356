// Node: one executable piece of a compiled program; each kind of node knows how to evaluate itself.
//
// Nodes form a class hierarchy rather than conforming to a protocol: evaluating a child is then one
// indirect call through the class's method table on a one-word reference, where a protocol existential
// costs a two-word reference and a hop through a witness thunk. Child evaluation is the innermost step
// of the interpreter, so that difference shows in every loop and call.

class Node {
    let location: SourceLocation

    init(at location: SourceLocation) { self.location = location }

    /// The node's value. Every concrete node overrides this.
    func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        preconditionFailure("\(type(of: self)) must override evaluate")
    }

    /// The node run as a statement, its value unused. Assignments and blocks override this to skip
    /// making (and then destroying) a value no one reads.
    func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        _ = try evaluate(frame, interpreter)
    }

    /// The node read as the condition of an `if` or a `while`, which must be a boolean. Comparisons
    /// override this to answer without making a boolean value first.
    func test(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        try truth(of: evaluate(frame, interpreter))
    }

    /// A condition's value as a flag, or the error explaining why it is not one.
    final func truth(of value: Value) throws(Unwind) -> Bool {
        if case .bool(let flag) = value { return flag }
        if case .vector(.boolean) = value {
            throw RuntimeError.at(location, "condition is a boolean vector; use any(...) or all(...) to reduce it to one value")
        }
        throw RuntimeError.at(location, "condition must be true or false, got \(value.kindName)")
    }
}

/// A node that reads one numbered place: a frame slot, one of the running closure's captured
/// variables or group members, or a global.
class SlotNode: Node {
    let slot: Int
    init(slot: Int, at location: SourceLocation) {
        self.slot = slot
        super.init(at: location)
    }
}

/// A node run for its effect, an assignment: as an expression its value is null.
class EffectNode: Node {
    override final func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        try execute(frame, interpreter)
        return .null
    }
}
