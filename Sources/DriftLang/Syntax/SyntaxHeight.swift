// SyntaxHeight: how many levels deep a parsed statement's tree goes. Bracket nesting is capped while
// parsing, but a long chain (`1 + 1 + … + 1`, `x.a.a.…`) makes a tree as deep as it is long, and a tree
// is torn down recursively wherever its last reference drops — maybe on an 8 MB thread stack. The parser
// refuses statements deeper than `Parser.maximumHeight` (on its own large stack, where measuring and
// dropping them is safe), so every tree that leaves it can be released anywhere.

extension Stmt {
    var height: Int {
        switch kind {
        case .let(_, let value): return 1 + value.height
        case .function(let declaration): return 1 + declaration.height
        case .expression(let expression, _): return 1 + expression.height
        case .forLoop(_, let sequence, let body): return 1 + max(sequence.height, body.height)
        case .whileLoop(let condition, let body): return 1 + max(condition.height, body.height)
        case .break, .continue: return 1
        case .return(let value): return 1 + (value?.height ?? 0)
        }
    }
}

extension Array where Element == Stmt {
    var height: Int { reduce(0) { Swift.max($0, $1.height) } }
}

extension FunctionDeclaration {
    var height: Int {
        Swift.max(body.height, parameters.reduce(0) { Swift.max($0, $1.defaultValue?.height ?? 0) })
    }
}

extension Expr {
    var height: Int {
        switch kind {
        case .number, .string, .boolean, .null, .name:
            return 1
        case .list(let elements):
            return 1 + elements.reduce(0) { max($0, $1.height) }
        case .record(let fields):
            return 1 + fields.reduce(0) { max($0, $1.value.height) }
        case .unary(_, let operand), .field(let operand, _):
            return 1 + operand.height
        case .binary(_, let left, let right), .logical(_, let left, let right), .assign(let left, let right):
            return 1 + max(left.height, right.height)
        case .call(let callee, let arguments):
            return 1 + arguments.reduce(callee.height) { max($0, $1.value.height) }
        case .index(let base, .single(let index)):
            return 1 + max(base.height, index.height)
        case .index(let base, .slice(let from, let to)):
            return 1 + max(base.height, from?.height ?? 0, to?.height ?? 0)
        case .function(let declaration):
            return 1 + declaration.height
        case .block(let statements):
            return 1 + statements.height
        case .conditional(let condition, let then, let otherwise):
            return 1 + max(condition.height, then.height, otherwise?.height ?? 0)
        }
    }
}
