// `n - 1`, `i < n`-with-a-literal: a binary operation of a local of the running frame and a number
// literal, the usual shape of loop counters and recursive calls. Reading the slot in place saves
// evaluating a child node (a call and a value copy) on every run of the operation.

final class LocalOperandNode: Node {
    let op: BinaryOperator
    let slot: Int
    let constant: Double
    init(_ op: BinaryOperator, slot: Int, _ constant: Double, at location: SourceLocation) {
        self.op = op
        self.slot = slot
        self.constant = constant
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        if case .number(let x) = frame.slots[slot] { return Arithmetic.scalar(op, x, constant) }
        return try combine(op, frame.slots[slot], .number(constant), at: location)
    }
    override func test(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        if Arithmetic.isComparison(op), case .number(let x) = frame.slots[slot] { return Arithmetic.holds(op, x, constant) }
        return try holds(op, frame.slots[slot], .number(constant), in: self)
    }
}
