// AST: the parser's output, plain syntax with byte offsets. The compiler turns it into executable nodes.

struct Expr {
    var kind: ExprKind
    var offset: Int
}

indirect enum ExprKind {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case null
    case name(String)
    case list([Expr])
    case record([(key: String, value: Expr)])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case logical(LogicalOperator, Expr, Expr)
    /// `x in values`: membership, element-wise when x is a vector.
    case membership(Expr, in: Expr)
    case call(callee: Expr, arguments: [Argument])
    case index(Expr, IndexArgument)
    case field(Expr, name: String)
    case function(FunctionDeclaration)
    case block([Stmt])
    case conditional(condition: Expr, then: Expr, otherwise: Expr?)
    case assign(target: Expr, value: Expr)
}

enum UnaryOperator: String { case negate = "-", not = "not" }

enum BinaryOperator: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
}

enum LogicalOperator: String { case and, or }

struct Argument {
    var label: String?
    var value: Expr
}

enum IndexArgument {
    case single(Expr)
    case slice(from: Expr?, to: Expr?)
}

final class FunctionDeclaration {
    let name: String?
    let parameters: [Parameter]
    let body: [Stmt]
    let offset: Int

    struct Parameter {
        var name: String
        var offset: Int
        var defaultValue: Expr?
    }

    init(name: String?, parameters: [Parameter], body: [Stmt], offset: Int) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.offset = offset
    }
}

struct Stmt {
    var kind: StmtKind
    var offset: Int
}

enum StmtKind {
    case `let`(name: String, value: Expr)
    case function(FunctionDeclaration)
    /// `displayed` is false when the statement ends with `;` (the REPL then shows no value).
    case expression(Expr, displayed: Bool)
    case forLoop(variable: String, sequence: Expr, body: [Stmt])
    case whileLoop(condition: Expr, body: [Stmt])
    case `break`
    case `continue`
    case `return`(Expr?)
    case `import`(ImportDeclaration)
}

/// `import "path"` or `import "path" as name`: the path as written, the offset of its string literal,
/// and the name the module's record is bound to, if any.
struct ImportDeclaration {
    var path: String
    var pathOffset: Int
    var alias: String?
}
