// FrameAnalysis: whether a function defines a closure anywhere in its body or parameter defaults. Only
// such a function can have its locals captured, so only its frames go on the heap; every other call
// keeps its locals on the interpreter's value stack (Runtime/Frame.swift).

extension FunctionDeclaration {
    var definesClosure: Bool {
        body.contains { $0.definesClosure } || parameters.contains { $0.defaultValue?.definesClosure ?? false }
    }
}

extension Stmt {
    var definesClosure: Bool {
        switch kind {
        case .function: return true
        case .let(_, let value): return value.definesClosure
        case .expression(let expression, _): return expression.definesClosure
        case .forLoop(_, let sequence, let body): return sequence.definesClosure || body.contains { $0.definesClosure }
        case .whileLoop(let condition, let body): return condition.definesClosure || body.contains { $0.definesClosure }
        case .break, .continue: return false
        case .return(let value): return value?.definesClosure ?? false
        }
    }
}

extension Expr {
    var definesClosure: Bool {
        switch kind {
        case .function: return true
        case .number, .string, .boolean, .null, .name: return false
        case .list(let elements): return elements.contains { $0.definesClosure }
        case .record(let fields): return fields.contains { $0.value.definesClosure }
        case .unary(_, let operand), .field(let operand, _): return operand.definesClosure
        case .binary(_, let left, let right), .logical(_, let left, let right), .assign(let left, let right):
            return left.definesClosure || right.definesClosure
        case .call(let callee, let arguments): return callee.definesClosure || arguments.contains { $0.value.definesClosure }
        case .index(let base, .single(let index)): return base.definesClosure || index.definesClosure
        case .index(let base, .slice(let from, let to)):
            return base.definesClosure || (from?.definesClosure ?? false) || (to?.definesClosure ?? false)
        case .block(let statements): return statements.contains { $0.definesClosure }
        case .conditional(let condition, let then, let otherwise):
            return condition.definesClosure || then.definesClosure || (otherwise?.definesClosure ?? false)
        }
    }
}
