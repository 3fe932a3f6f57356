// Local-operand nodes: operations on a local of the running frame that read (and write) its slot in
// place — `n - 1`, `i < n`, `i = i + 1`, `total = total + x`, the usual shapes of loop counters,
// accumulators and recursive calls. Reading the slot in place saves evaluating a child node (a call
// and a value copy) on every run; updating it in place saves the assignment's own node as well.

/// `local op literal`.
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
        return try combineInGeneral(op, frame.slots[slot], .number(constant), at: location)
    }
    override func test(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        if Arithmetic.isComparison(op), case .number(let x) = frame.slots[slot] { return Arithmetic.holds(op, x, constant) }
        return try testInGeneral(frame)
    }
    /// The condition for a local that holds no number, out of line (see combineInGeneral).
    @inline(never)
    private func testInGeneral(_ frame: Frame) throws(Unwind) -> Bool {
        try holds(op, frame.slots[slot], .number(constant), in: self)
    }
}

/// `local op expression`: the local is read before the expression runs, as left-to-right order says.
final class LocalLeftOperandNode: Node {
    let op: BinaryOperator
    let slot: Int
    let right: Node
    init(_ op: BinaryOperator, slot: Int, _ right: Node, at location: SourceLocation) {
        self.op = op
        self.slot = slot
        self.right = right
        super.init(at: location)
    }
    override func evaluate(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Value {
        if case .number(let x) = frame.slots[slot] {
            let b = try right.evaluate(frame, interpreter)
            if case .number(let y) = b { return Arithmetic.scalar(op, x, y) }
            return try combine(op, .number(x), b, at: location)
        }
        let a = frame.slots[slot]
        return try combine(op, a, try right.evaluate(frame, interpreter), at: location)
    }
    override func test(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) -> Bool {
        let a = frame.slots[slot]
        return try holds(op, a, try right.evaluate(frame, interpreter), in: self)
    }
}

/// `local = local op literal`, updated in place.
final class LocalUpdateNode: EffectNode {
    let op: BinaryOperator
    let slot: Int
    let constant: Double
    init(_ op: BinaryOperator, slot: Int, _ constant: Double, at location: SourceLocation) {
        self.op = op
        self.slot = slot
        self.constant = constant
        super.init(at: location)
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        let local = frame.slots + slot
        // A number owns no reference, so the new one is written over it without destroying it first.
        if case .number(let x) = local.pointee { return local.initialize(to: Arithmetic.scalar(op, x, constant)) }
        try updateInGeneral(local)
    }
    /// The update of a local that holds no number, out of line (see combineInGeneral).
    @inline(never)
    private func updateInGeneral(_ local: UnsafeMutablePointer<Value>) throws(Unwind) {
        local.pointee = try combine(op, local.pointee, .number(constant), at: location)
    }
}

/// `local = local op expression`, updated in place.
final class LocalCompoundNode: EffectNode {
    let op: BinaryOperator
    let slot: Int
    let right: Node
    /// An expression that is itself arithmetic on a local and a literal (`total = total + i * 0.5`),
    /// worked out here on the numbers: no call through its node.
    private let operand: NumberOperand
    init(_ op: BinaryOperator, slot: Int, _ right: Node, at location: SourceLocation) {
        self.op = op
        self.slot = slot
        self.right = right
        operand = NumberOperand(right)
        super.init(at: location)
    }
    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        let local = frame.slots + slot
        if case .number(let x) = local.pointee {
            if let y = operand.number(frame) { return local.initialize(to: Arithmetic.scalar(op, x, y)) }
            let b = try right.evaluate(frame, interpreter)
            if case .number(let y) = b, case .number = local.pointee { return local.initialize(to: Arithmetic.scalar(op, x, y)) }
            local.pointee = try combine(op, .number(x), b, at: location)
            return
        }
        let a = local.pointee
        local.pointee = try combine(op, a, try right.evaluate(frame, interpreter), at: location)
    }
}

/// A `local op literal` expression with an arithmetic op, as plain values (slot, op, literal) its parent
/// node keeps in a field and works out in place when the local holds a number. Arithmetic on two numbers
/// cannot fail, so the answer is the node's own; a parent asks before it evaluates the node, and falls
/// back to evaluating it when this gives nil.
struct NumberOperand {
    private let slot: Int
    private let op: BinaryOperator
    private let constant: Double
    /// Whether the expression is `local + c` or `local - c`, kept as `local + constant` with the literal's
    /// sign turned for `-` (IEEE 754 defines `x - c` as `x + (-c)`): the commonest case takes one branch
    /// instead of the operator switch's jump table.
    private let isSum: Bool

    /// The operand for `node`, or one that always gives nil when `node` is not such an expression.
    init(_ node: Node) {
        if let node = node as? LocalOperandNode, !Arithmetic.isComparison(node.op) {
            (slot, op, constant) = (node.slot, node.op, node.op == .subtract ? -node.constant : node.constant)
            isSum = node.op == .add || node.op == .subtract
        } else {
            (slot, op, constant, isSum) = (-1, .add, 0, true)
        }
    }

    /// The expression's value, when it is such an expression and its local holds a number.
    @inline(__always)
    func number(_ frame: Frame) -> Double? {
        guard slot >= 0, case .number(let x) = frame.slots[slot] else { return nil }
        return isSum ? x + constant : Arithmetic.number(op, x, constant)
    }
}

/// A `local op literal` comparison as plain values (slot, literal, answers) that a condition keeps in a
/// field and answers in place when the local holds a number (Condition); nil otherwise, and the condition
/// tests the node. The operator is kept as the answers it gives when the local is less than, equal to or
/// greater than the literal, or unordered with it (NaN), taken from `Arithmetic.holds` itself: ordering the
/// two numbers then answers any operator, without the operator switch's jump table.
struct NumberComparison {
    private let slot: Int
    private let constant: Double
    /// Bit 0: the answer when less, 1: equal, 2: greater, 3: unordered.
    private let answers: UInt8

    /// The comparison for `node`, or one that always gives nil when `node` is not such an expression.
    init(_ node: Node) {
        guard let node = node as? LocalOperandNode, Arithmetic.isComparison(node.op) else {
            (slot, constant, answers) = (-1, 0, 0)
            return
        }
        (slot, constant) = (node.slot, node.constant)
        var answers: UInt8 = 0
        for (bit, (a, b)) in Self.orderings.enumerated() where Arithmetic.holds(node.op, a, b) { answers |= 1 << bit }
        self.answers = answers
    }

    /// A pair of numbers in each ordering, in the order of `answers`' bits.
    private static let orderings: [(Double, Double)] = [(0, 1), (1, 1), (1, 0), (.nan, 1)]

    /// The comparison's answer, when it is such a comparison and its local holds a number.
    @inline(__always)
    func answer(_ frame: Frame) -> Bool? {
        guard slot >= 0, case .number(let x) = frame.slots[slot] else { return nil }
        let ordering: UInt8 = x < constant ? 0 : x == constant ? 1 : x > constant ? 2 : 3
        return answers & (1 << ordering) != 0
    }
}
