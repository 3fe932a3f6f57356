// Parser: recursive descent from tokens to the AST. On an error it records a diagnostic and skips to
// the next statement, so `drift check` reports every error it can find. Precedence, loosest first:
// assignment, lambda, or, and, not, comparison, |>, + -, * / %, unary -, ^, postfix (call, index, field).

struct Parser {
    private let file: SourceFile
    private let tokens: [Token]
    private var current = 0
    private var depth = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Set when an error was found at the end of input: more lines could complete the program.
    private(set) var reachedEnd = false

    /// Deeper nesting than this is reported rather than risking the stack.
    static let maximumNesting = 500
    /// Statements whose tree is deeper than this are refused (see SyntaxHeight): room for a 10,000-term
    /// expression, and a tree any thread's stack can release.
    static let maximumHeight = 20_000

    struct Result {
        var statements: [Stmt]
        var diagnostics: [Diagnostic]
        /// The program stops in the middle of a construct (an open bracket, block or string).
        var isIncomplete: Bool
    }

    static func parse(_ file: SourceFile) -> Result {
        let lexed = Lexer.tokenize(file)
        var parser = Parser(file: file, tokens: lexed.tokens)
        let statements = parser.parseProgram()
        return Result(
            statements: statements,
            diagnostics: lexed.diagnostics + parser.diagnostics,
            isIncomplete: lexed.unclosed || parser.reachedEnd)
    }

    private init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    private struct ParseError: Error {}

    // MARK: Statements

    private mutating func parseProgram() -> [Stmt] {
        var statements: [Stmt] = []
        skipSeparators()
        while !check(.end) {
            if let statement = parseStatementRecovering() { statements.append(statement) }
            skipSeparators()
        }
        return statements
    }

    private mutating func parseStatementRecovering() -> Stmt? {
        do {
            let statement = try parseStatement()
            try expectStatementEnd()
            guard statement.height <= Parser.maximumHeight else {
                throw error("this statement is too deeply nested (more than \(Parser.maximumHeight) levels); split it into steps with 'let'", at: statement.offset)
            }
            return statement
        } catch {
            synchronize()
            return nil
        }
    }

    private mutating func parseStatement() throws(ParseError) -> Stmt {
        let offset = peek.offset
        switch peek.kind {
        case .let:
            advance()
            let name = try expectIdentifier("a variable name after 'let'")
            try expect(.equal, "'=' after the variable name")
            return Stmt(kind: .let(name: name, value: try parseExpression()), offset: offset)
        case .fn where isNamedFunction:
            let declaration = try parseFunction()
            return Stmt(kind: .function(declaration), offset: offset)
        case .for:
            advance()
            let variable = try expectIdentifier("a loop variable after 'for'")
            try expect(.in, "'in' after the loop variable")
            let sequence = try parseExpression()
            return Stmt(kind: .forLoop(variable: variable, sequence: sequence, body: try parseBlockBody()), offset: offset)
        case .while:
            advance()
            let condition = try parseCondition(of: "while")
            return Stmt(kind: .whileLoop(condition: condition, body: try parseBlockBody()), offset: offset)
        case .break:
            advance()
            return Stmt(kind: .break, offset: offset)
        case .continue:
            advance()
            return Stmt(kind: .continue, offset: offset)
        case .return:
            advance()
            let value = atStatementEnd ? nil : try parseExpression()
            return Stmt(kind: .return(value), offset: offset)
        case .import:
            return try parseImport()
        default:
            let expression = try parseExpression()
            return Stmt(kind: .expression(expression, displayed: !check(.semicolon)), offset: offset)
        }
    }

    /// `import "path"` or `import "path" as name` (`as` is a name here, not a keyword).
    private mutating func parseImport() throws(ParseError) -> Stmt {
        let offset = peek.offset
        advance()
        guard case .string(let path) = peek.kind else {
            throw error("expected the module's path as a string after 'import' (import \"helpers.drift\") but found \(peek.kind.spelling)")
        }
        let pathOffset = peek.offset
        advance()
        var alias: String?
        if peek.kind == .identifier("as") {
            advance()
            alias = try expectIdentifier("a name after 'as'")
        }
        return Stmt(kind: .import(ImportDeclaration(path: path, pathOffset: pathOffset, alias: alias)), offset: offset)
    }

    private var isNamedFunction: Bool {
        if case .identifier = tokens[min(current + 1, tokens.count - 1)].kind { return true }
        return false
    }

    private var atStatementEnd: Bool {
        switch peek.kind {
        case .newline, .semicolon, .rightBrace, .end: return true
        default: return false
        }
    }

    private mutating func expectStatementEnd() throws(ParseError) {
        if atStatementEnd { return }
        throw error("expected end of statement (a new line or ';') but found \(peek.kind.spelling)")
    }

    private mutating func skipSeparators() {
        while check(.newline) || check(.semicolon) { advance() }
    }

    /// After an error, skip to the start of the next statement.
    private mutating func synchronize() {
        var braces = 0
        while !check(.end) {
            switch peek.kind {
            case .leftBrace: braces += 1
            case .rightBrace:
                if braces == 0 { advance(); return }
                braces -= 1
            case .newline, .semicolon:
                if braces == 0 { return }
            default: break
            }
            advance()
        }
    }

    /// `{ statements }`; a statement error inside is reported and parsing goes on after it.
    private mutating func parseBlockBody() throws(ParseError) -> [Stmt] {
        try expect(.leftBrace, "'{'")
        try enterNesting()
        defer { depth -= 1 }
        var statements: [Stmt] = []
        skipSeparators()
        while !check(.rightBrace) {
            if check(.end) { throw error("expected '}' to close the block") }
            if let statement = parseStatementRecovering() { statements.append(statement) }
            skipSeparators()
        }
        advance()
        return statements
    }

    private mutating func parseFunction() throws(ParseError) -> FunctionDeclaration {
        let offset = peek.offset
        try expect(.fn, "'fn'")
        var name: String?
        if case .identifier(let identifier) = peek.kind {
            name = identifier
            advance()
        }
        try expect(.leftParen, "'(' after the function name")
        let parameters = try parseParameters(closing: .rightParen)
        return FunctionDeclaration(name: name, parameters: parameters, body: try parseBlockBody(), offset: offset)
    }

    private mutating func parseParameters(closing: TokenKind) throws(ParseError) -> [FunctionDeclaration.Parameter] {
        var parameters: [FunctionDeclaration.Parameter] = []
        while !check(closing) {
            let offset = peek.offset
            let name = try expectIdentifier("a parameter name")
            var defaultValue: Expr?
            if match(.equal) { defaultValue = try parseExpression() }
            parameters.append(.init(name: name, offset: offset, defaultValue: defaultValue))
            if !match(.comma) { break }
        }
        try expect(closing, "')' after the parameters")
        return parameters
    }

    // MARK: Expressions

    private mutating func parseExpression() throws(ParseError) -> Expr {
        try enterNesting()
        defer { depth -= 1 }
        return try parseAssignment()
    }

    private mutating func enterNesting() throws(ParseError) {
        depth += 1
        if depth > Parser.maximumNesting {
            throw error("nesting is too deep (more than \(Parser.maximumNesting) levels)")
        }
    }

    private mutating func parseAssignment() throws(ParseError) -> Expr {
        let target = try parseLambda()
        guard check(.equal) else { return target }
        let offset = peek.offset
        advance()
        skipNewlines()
        switch target.kind {
        case .name, .field, .index:
            return Expr(kind: .assign(target: target, value: try parseAssignment()), offset: offset)
        default:
            throw error("only a variable, a field or an element can be assigned to", at: target.offset)
        }
    }

    private mutating func parseLambda() throws(ParseError) -> Expr {
        let offset = peek.offset
        if case .identifier(let name) = peek.kind, tokens[current + 1].kind == .arrow {
            advance(); advance()
            let parameter = FunctionDeclaration.Parameter(name: name, offset: offset, defaultValue: nil)
            return try lambdaBody(parameters: [parameter], offset: offset)
        }
        if check(.leftParen), let closing = matchingParen(from: current), tokens[closing + 1].kind == .arrow {
            advance()
            let parameters = try parseParameters(closing: .rightParen)
            try expect(.arrow, "'=>'")
            return try lambdaBody(parameters: parameters, offset: offset)
        }
        return try parseOr()
    }

    private mutating func lambdaBody(parameters: [FunctionDeclaration.Parameter], offset: Int) throws(ParseError) -> Expr {
        skipNewlines()
        let body = try parseAssignment()
        let statement = Stmt(kind: .expression(body, displayed: true), offset: body.offset)
        return Expr(kind: .function(FunctionDeclaration(name: nil, parameters: parameters, body: [statement], offset: offset)), offset: offset)
    }

    /// Index of the `)` matching the `(` at `start`, or nil.
    private func matchingParen(from start: Int) -> Int? {
        var nesting = 0
        for index in start..<tokens.count {
            switch tokens[index].kind {
            case .leftParen: nesting += 1
            case .rightParen:
                nesting -= 1
                if nesting == 0 { return index }
            case .end: return nil
            default: break
            }
        }
        return nil
    }

    private mutating func parseOr() throws(ParseError) -> Expr {
        var left = try parseAnd()
        while check(.or) {
            let offset = peek.offset
            advance(); skipNewlines()
            left = Expr(kind: .logical(.or, left, try parseAnd()), offset: offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ParseError) -> Expr {
        var left = try parseNot()
        while check(.and) {
            let offset = peek.offset
            advance(); skipNewlines()
            left = Expr(kind: .logical(.and, left, try parseNot()), offset: offset)
        }
        return left
    }

    private mutating func parseNot() throws(ParseError) -> Expr {
        if check(.not) {
            let offset = peek.offset
            advance()
            return Expr(kind: .unary(.not, try parseNot()), offset: offset)
        }
        return try parseComparison()
    }

    /// The comparison a token spells, if any. (A switch: a dictionary keyed by TokenKind cost every start a
    /// scan of the binary's conformance records for TokenKind's Hashable.)
    private static func comparison(_ kind: TokenKind) -> BinaryOperator? {
        switch kind {
        case .equalEqual: .equal
        case .bangEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessEqual
        case .greater: .greater
        case .greaterEqual: .greaterEqual
        default: nil
        }
    }

    /// One comparison (or `in`) at most: `1 < x < 3` would compare a boolean with 3, so it is an error
    /// (the rest is still parsed, so that it reports nothing more).
    private mutating func parseComparison() throws(ParseError) -> Expr {
        let left = try parsePipe()
        let offset = peek.offset
        let comparison: Expr
        if let op = Parser.comparison(peek.kind) {
            advance(); skipNewlines()
            comparison = Expr(kind: .binary(op, left, try parsePipe()), offset: offset)
        } else if check(.in) {
            advance(); skipNewlines()
            comparison = Expr(kind: .membership(left, in: try parsePipe()), offset: offset)
        } else {
            return left
        }
        if Parser.comparison(peek.kind) != nil || check(.in) {
            _ = error("comparisons do not chain: write 'a < b and b < c'", at: peek.offset)
            while Parser.comparison(peek.kind) != nil || check(.in) {
                advance(); skipNewlines()
                _ = try parsePipe()
            }
        }
        return comparison
    }

    /// `x |> f(y)` is `f(x, y)`; `x |> f` is `f(x)`. A `|>` may start a continuation line.
    private mutating func parsePipe() throws(ParseError) -> Expr {
        var left = try parseAdditive()
        while check(.pipe) || (check(.newline) && nextNonNewline.kind == .pipe) {
            skipNewlines()
            let offset = peek.offset
            advance(); skipNewlines()
            let right = try parseAdditive()
            if case .call(let callee, let arguments) = right.kind {
                left = Expr(kind: .call(callee: callee, arguments: [Argument(label: nil, value: left)] + arguments), offset: offset)
            } else {
                left = Expr(kind: .call(callee: right, arguments: [Argument(label: nil, value: left)]), offset: offset)
            }
        }
        return left
    }

    private mutating func parseAdditive() throws(ParseError) -> Expr {
        var left = try parseMultiplicative()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .plus: op = .add
            case .minus: op = .subtract
            default: return left
            }
            let offset = peek.offset
            advance(); skipNewlines()
            left = Expr(kind: .binary(op, left, try parseMultiplicative()), offset: offset)
        }
    }

    private mutating func parseMultiplicative() throws(ParseError) -> Expr {
        var left = try parseUnary()
        while true {
            let op: BinaryOperator
            switch peek.kind {
            case .star: op = .multiply
            case .slash: op = .divide
            case .percent: op = .remainder
            default: return left
            }
            let offset = peek.offset
            advance(); skipNewlines()
            left = Expr(kind: .binary(op, left, try parseUnary()), offset: offset)
        }
    }

    private mutating func parseUnary() throws(ParseError) -> Expr {
        if check(.minus) {
            let offset = peek.offset
            advance()
            try enterNesting()
            defer { depth -= 1 }
            return Expr(kind: .unary(.negate, try parseUnary()), offset: offset)
        }
        return try parsePower()
    }

    /// `^` is right-associative and binds tighter than unary minus: `-2^2` is -4.
    private mutating func parsePower() throws(ParseError) -> Expr {
        let base = try parsePostfix()
        guard check(.caret) else { return base }
        let offset = peek.offset
        advance(); skipNewlines()
        try enterNesting()
        defer { depth -= 1 }
        return Expr(kind: .binary(.power, base, try parseUnary()), offset: offset)
    }

    private mutating func parsePostfix() throws(ParseError) -> Expr {
        var expression = try parsePrimary()
        while true {
            let offset = peek.offset
            if match(.leftParen) {
                expression = Expr(kind: .call(callee: expression, arguments: try parseArguments()), offset: offset)
            } else if match(.leftBracket) {
                expression = Expr(kind: .index(expression, try parseIndex()), offset: offset)
            } else if check(.dot) || (check(.newline) && nextNonNewline.kind == .dot) {
                skipNewlines()
                advance()
                let nameOffset = peek.offset
                let name = try expectIdentifier("a field name after '.'")
                expression = Expr(kind: .field(expression, name: name), offset: nameOffset)
            } else {
                return expression
            }
        }
    }

    private mutating func parseArguments() throws(ParseError) -> [Argument] {
        var arguments: [Argument] = []
        var sawNamed = false
        while !check(.rightParen) {
            if case .identifier(let label) = peek.kind, tokens[current + 1].kind == .colon {
                advance(); advance()
                arguments.append(Argument(label: label, value: try parseExpression()))
                sawNamed = true
            } else {
                let value = try parseExpression()
                if sawNamed { throw error("a positional argument cannot follow a named one", at: value.offset) }
                arguments.append(Argument(label: nil, value: value))
            }
            if !match(.comma) { break }
        }
        try expect(.rightParen, "')' to close the argument list")
        return arguments
    }

    private mutating func parseIndex() throws(ParseError) -> IndexArgument {
        let from = check(.colon) ? nil : try parseExpression()
        if match(.colon) {
            let to = check(.rightBracket) ? nil : try parseExpression()
            try expect(.rightBracket, "']' to close the slice")
            return .slice(from: from, to: to)
        }
        try expect(.rightBracket, "']' to close the index")
        guard let from else { throw error("expected an index") }
        return .single(from)
    }

    private mutating func parsePrimary() throws(ParseError) -> Expr {
        let token = peek
        let offset = token.offset
        switch token.kind {
        case .number(let value): advance(); return Expr(kind: .number(value), offset: offset)
        case .string(let text): advance(); return Expr(kind: .string(text), offset: offset)
        case .true: advance(); return Expr(kind: .boolean(true), offset: offset)
        case .false: advance(); return Expr(kind: .boolean(false), offset: offset)
        case .null: advance(); return Expr(kind: .null, offset: offset)
        case .identifier(let name): advance(); return Expr(kind: .name(name), offset: offset)
        case .leftParen:
            advance()
            let inner = try parseExpression()
            try expect(.rightParen, "')'")
            return inner
        case .leftBracket:
            advance()
            var elements: [Expr] = []
            while !check(.rightBracket) {
                elements.append(try parseExpression())
                if !match(.comma) { break }
            }
            try expect(.rightBracket, "']' to close the list")
            return Expr(kind: .list(elements), offset: offset)
        case .leftBrace:
            return isRecordLiteral ? try parseRecord() : Expr(kind: .block(try parseBlockBody()), offset: offset)
        case .if:
            return try parseIf()
        case .fn:
            return Expr(kind: .function(try parseFunction()), offset: offset)
        case .end:
            throw error("unexpected end of input")
        default:
            throw error("expected an expression but found \(token.kind.spelling)")
        }
    }

    /// `{}` and `{name: …` / `{"name": …` start a record; any other `{` starts a block.
    private var isRecordLiteral: Bool {
        var index = current + 1
        while tokens[index].kind == .newline { index += 1 }
        switch tokens[index].kind {
        case .rightBrace: return true
        case .identifier, .string: return tokens[index + 1].kind == .colon
        default: return false
        }
    }

    private mutating func parseRecord() throws(ParseError) -> Expr {
        let offset = peek.offset
        advance()
        var fields: [(key: String, value: Expr)] = []
        skipNewlines()
        while !check(.rightBrace) {
            let keyOffset = peek.offset
            let key: String
            switch peek.kind {
            case .identifier(let name), .string(let name): key = name
            default: throw error("expected a field name but found \(peek.kind.spelling)")
            }
            advance()
            let isRepeated = fields.contains { $0.key == key }
            if isRepeated { _ = error("field '\(key)' appears twice in the record", at: keyOffset) }
            try expect(.colon, "':' after the field name")
            skipNewlines()
            let value = try parseExpression()
            if !isRepeated { fields.append((key, value)) }
            skipNewlines()
            if !match(.comma) { break }
            skipNewlines()
        }
        skipNewlines()
        try expect(.rightBrace, "'}' to close the record")
        return Expr(kind: .record(fields), offset: offset)
    }

    /// The condition of an `if` or a `while`, where `x = 3` is almost always a comparison meant: an
    /// error with the hint (parsing goes on, so the block reports nothing more).
    private mutating func parseCondition(of keyword: String) throws(ParseError) -> Expr {
        let condition = try parseExpression()
        if case .assign = condition.kind {
            _ = error("'=' assigns; to compare in the condition of '\(keyword)', use '=='", at: condition.offset)
        }
        return condition
    }

    private mutating func parseIf() throws(ParseError) -> Expr {
        let offset = peek.offset
        advance()
        let condition = try parseCondition(of: "if")
        let thenOffset = peek.offset
        let thenBranch = Expr(kind: .block(try parseBlockBody()), offset: thenOffset)
        var otherwise: Expr?
        if check(.else) || (check(.newline) && nextNonNewline.kind == .else) {
            skipNewlines()
            advance()
            if check(.if) {
                otherwise = try parseIf()
            } else {
                let elseOffset = peek.offset
                otherwise = Expr(kind: .block(try parseBlockBody()), offset: elseOffset)
            }
        }
        return Expr(kind: .conditional(condition: condition, then: thenBranch, otherwise: otherwise), offset: offset)
    }

    // MARK: Token helpers

    private var peek: Token { tokens[current] }

    private var nextNonNewline: Token {
        var index = current
        while tokens[index].kind == .newline { index += 1 }
        return tokens[index]
    }

    private func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    private mutating func advance() {
        if current < tokens.count - 1 { current += 1 }
    }

    private mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    private mutating func skipNewlines() {
        while check(.newline) { advance() }
    }

    private mutating func expect(_ kind: TokenKind, _ what: String) throws(ParseError) {
        if !match(kind) { throw error("expected \(what) but found \(peek.kind.spelling)") }
    }

    private mutating func expectIdentifier(_ what: String) throws(ParseError) -> String {
        guard case .identifier(let name) = peek.kind else {
            throw error("expected \(what) but found \(peek.kind.spelling)")
        }
        advance()
        return name
    }

    private mutating func error(_ message: String, at offset: Int? = nil) -> ParseError {
        if offset == nil, peek.kind == .end { reachedEnd = true }
        diagnostics.append(Diagnostic(message, at: SourceLocation(file: file, offset: offset ?? peek.offset)))
        return ParseError()
    }
}
