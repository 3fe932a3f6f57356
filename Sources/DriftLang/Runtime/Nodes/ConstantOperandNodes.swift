// `x op 2`: a binary operation whose right operand is a number literal — `n - 1`, `i < n`, `s + 0.5`,
// the usual shape in loops and recursive calls. The number is kept unboxed in the node, which saves
// evaluating a constant child (a call and a value copy) on every run of the operation.

final class ConstantOperandNode: Node {
    let op: BinaryOperator
    let left: Node
    let constant: Double
    init(_ op: BinaryOperator, _ left: Node, _ constant: Double, at location: SourceLocation) {
        self.op = op
        self.left = left
        self.constant = constant
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        let a = try left.evaluate(frame, interpreter)
        if case .number(let x) = a { return Arithmetic.scalar(op, x, constant) }
        return try combine(op, a, .number(constant), at: location)
    }
    override func test(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        try holds(op, try left.evaluate(frame, interpreter), .number(constant), in: self)
    }
}
