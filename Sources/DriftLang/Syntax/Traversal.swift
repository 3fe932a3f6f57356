// Traversal: the one place that knows which parts of each syntax form are its children. A walker
// handles the forms it cares about and hands every other form to `forEachChild`, so a new syntax form
// is listed here once, not in a switch per walker (the resolver, the syntax-height check).

/// A direct child of a syntax form.
enum SyntaxChild {
    case expression(Expr)
    case statement(Stmt)
    /// A function literal or declaration: its default values and body.
    case function(FunctionDeclaration)
}

extension Expr {
    /// Calls `visit` on each direct child, in source order.
    func forEachChild(_ visit: (SyntaxChild) throws -> Void) rethrows {
        switch kind {
        case .number, .string, .boolean, .null, .name:
            return
        case .list(let elements):
            for element in elements { try visit(.expression(element)) }
        case .record(let fields):
            for field in fields { try visit(.expression(field.value)) }
        case .unary(_, let operand), .field(let operand, _):
            try visit(.expression(operand))
        case .binary(_, let left, let right), .logical(_, let left, let right), .assign(let left, let right),
             .membership(let left, let right):
            try visit(.expression(left))
            try visit(.expression(right))
        case .call(let callee, let arguments):
            try visit(.expression(callee))
            for argument in arguments { try visit(.expression(argument.value)) }
        case .index(let base, .single(let index)):
            try visit(.expression(base))
            try visit(.expression(index))
        case .index(let base, .slice(let from, let to)):
            try visit(.expression(base))
            if let from { try visit(.expression(from)) }
            if let to { try visit(.expression(to)) }
        case .function(let declaration):
            try visit(.function(declaration))
        case .block(let statements):
            for statement in statements { try visit(.statement(statement)) }
        case .conditional(let condition, let then, let otherwise):
            try visit(.expression(condition))
            try visit(.expression(then))
            if let otherwise { try visit(.expression(otherwise)) }
        }
    }
}

extension Stmt {
    /// Calls `visit` on each direct child, in source order.
    func forEachChild(_ visit: (SyntaxChild) throws -> Void) rethrows {
        switch kind {
        case .let(_, let value): try visit(.expression(value))
        case .function(let declaration): try visit(.function(declaration))
        case .expression(let expression, _): try visit(.expression(expression))
        case .forLoop(_, let sequence, let body):
            try visit(.expression(sequence))
            for statement in body { try visit(.statement(statement)) }
        case .whileLoop(let condition, let body):
            try visit(.expression(condition))
            for statement in body { try visit(.statement(statement)) }
        case .break, .continue, .import: return
        case .return(let value): if let value { try visit(.expression(value)) }
        }
    }
}

extension FunctionDeclaration {
    /// Calls `visit` on each default value, then each statement of the body.
    func forEachChild(_ visit: (SyntaxChild) throws -> Void) rethrows {
        for parameter in parameters { if let value = parameter.defaultValue { try visit(.expression(value)) } }
        for statement in body { try visit(.statement(statement)) }
    }
}

extension SyntaxChild {
    /// The child's own children.
    func forEachChild(_ visit: (SyntaxChild) throws -> Void) rethrows {
        switch self {
        case .expression(let expression): try expression.forEachChild(visit)
        case .statement(let statement): try statement.forEachChild(visit)
        case .function(let declaration): try declaration.forEachChild(visit)
        }
    }
}
