// Compiler: resolves every name of a parsed program to a frame slot, a global slot or a builtin, checks
// what can be checked before running (unknown names, misplaced break/return), and builds the tree of
// executable nodes. It keeps going after an error so `drift check` reports them all.

struct CompiledProgram {
    let body: BlockNode
    /// Slots for variables declared inside top-level blocks and loops.
    let frameSize: Int
    /// Whether the last statement is an expression whose value the REPL shows.
    let showsLastValue: Bool
}

struct Compiler {
    private let file: SourceFile
    private let interpreter: Interpreter
    private var scope: FunctionScope
    private(set) var diagnostics: [Diagnostic] = []
    /// Globals used inside functions before any definition was seen; checked at the end.
    private var forwardReferences: [(name: String, location: SourceLocation)] = []
    /// Globals this program defines with a top-level `let` or `fn`.
    private var definedHere: Set<String> = []

    static func compile(_ statements: [Stmt], file: SourceFile, interpreter: Interpreter) -> (program: CompiledProgram, diagnostics: [Diagnostic]) {
        var compiler = Compiler(file: file, interpreter: interpreter)
        let nodes = statements.map { compiler.statement($0) }
        compiler.checkForwardReferences()
        var shows = false
        if case .expression(let expression, let displayed)? = statements.last?.kind, displayed {
            if case .assign = expression.kind {} else { shows = true }
        }
        let program = CompiledProgram(
            body: BlockNode(nodes, at: compiler.location(0)),
            frameSize: compiler.scope.slotCount,
            showsLastValue: shows)
        return (program, compiler.diagnostics)
    }

    private init(file: SourceFile, interpreter: Interpreter) {
        self.file = file
        self.interpreter = interpreter
        self.scope = FunctionScope(parent: nil, isTopLevel: true)
    }

    private func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

    private mutating func report(_ message: String, at offset: Int) {
        diagnostics.append(Diagnostic(message, at: location(offset)))
    }

    // MARK: Statements

    private mutating func statement(_ statement: Stmt) -> Node {
        let here = location(statement.offset)
        switch statement.kind {
        case .let(let name, let value):
            let valueNode = expression(value)
            return assign(declare(name), valueNode, at: here)
        case .function(let declaration):
            let name = declaration.name ?? "fn"
            let target = declare(name)
            return assign(target, FunctionNode(function(declaration)), at: here)
        case .expression(let expr, _):
            return expression(expr)
        case .forLoop(let variable, let sequence, let body):
            let sequenceNode = expression(sequence)
            scope.pushBlock()
            let slot = scope.declare(variable)
            let bodyNode = loopBody(body, at: here)
            scope.popBlock()
            return ForNode(variable: .local(slot: slot), sequence: sequenceNode, body: bodyNode, at: here)
        case .whileLoop(let condition, let body):
            let conditionNode = expression(condition)
            return WhileNode(condition: conditionNode, body: loopBody(body, at: here), at: here)
        case .break, .continue:
            let isBreak: Bool
            if case .break = statement.kind { isBreak = true } else { isBreak = false }
            if scope.loopDepth == 0 { report("'\(isBreak ? "break" : "continue")' outside a loop", at: statement.offset) }
            return isBreak ? BreakNode(at: here) : ContinueNode(at: here)
        case .return(let value):
            if scope.isTopLevel { report("'return' outside a function", at: statement.offset) }
            if scope.inDefaultValue { report("'return' in a parameter's default value", at: statement.offset) }
            return ReturnNode(value.map { expression($0) }, at: here)
        }
    }

    private mutating func loopBody(_ body: [Stmt], at location: SourceLocation) -> Node {
        scope.loopDepth += 1
        defer { scope.loopDepth -= 1 }
        return block(body, at: location)
    }

    private mutating func block(_ statements: [Stmt], at location: SourceLocation) -> Node {
        scope.pushBlock()
        defer { scope.popBlock() }
        return sequence(statements.map { statement($0) }, at: location)
    }

    /// Statements run in order. A block does not open a frame (its names have their own slots), so a
    /// block of one statement is that statement, and evaluating it skips a node. Short blocks become
    /// chains of `SequenceNode`s; long ones (a chain would nest deeply) stay `BlockNode`s.
    private func sequence(_ nodes: [Node], at location: SourceLocation) -> Node {
        switch nodes.count {
        case 1: return nodes[0]
        case 2...16: return SequenceNode(nodes[0], then: sequence(Array(nodes.dropFirst()), at: location), at: location)
        default: return BlockNode(nodes, at: location)
        }
    }

    /// Where a new name lives: a global at the top level, otherwise a fresh slot in the current frame.
    private mutating func declare(_ name: String) -> VariableReference {
        if scope.declaresGlobals {
            definedHere.insert(name)
            return .global(slot: interpreter.declareGlobal(name), name: name)
        }
        return .local(slot: scope.declare(name))
    }

    private mutating func function(_ declaration: FunctionDeclaration) -> CompiledFunction {
        let outer = scope
        scope = FunctionScope(parent: outer, isTopLevel: false)
        defer { scope = outer }
        var seen: Set<String> = []
        for parameter in declaration.parameters {
            if !seen.insert(parameter.name).inserted {
                report("parameter '\(parameter.name)' appears twice", at: parameter.offset)
            }
            _ = scope.declare(parameter.name)
        }
        scope.inDefaultValue = true
        let defaults = declaration.parameters.map { parameter in parameter.defaultValue.map { expression($0) } }
        scope.inDefaultValue = false
        let here = location(declaration.offset)
        let body = sequence(declaration.body.map { statement($0) }, at: here)
        let usesHeapFrame = declaration.definesClosure
        return CompiledFunction(
            name: declaration.name ?? "<lambda>",
            parameterNames: declaration.parameters.map(\.name),
            defaults: defaults, body: body, slotCount: scope.slotCount,
            usesHeapFrame: usesHeapFrame, clearsFrameOnExit: usesHeapFrame && declaration.closuresStayInFrame,
            location: here)
    }

    // MARK: Names

    private enum Resolution {
        case variable(VariableReference)
        case builtin(Function)
    }

    private mutating func resolve(_ name: String, at offset: Int) -> Resolution? {
        var hops = 0
        var current: FunctionScope? = scope
        while let searched = current {
            if let slot = searched.lookup(name) {
                return .variable(hops == 0 ? .local(slot: slot) : .outer(hops: hops, slot: slot))
            }
            hops += 1
            current = searched.parent
        }
        if let slot = interpreter.globalSlot(named: name), definedHere.contains(name) || interpreter.isDefined(name) {
            return .variable(.global(slot: slot, name: name))
        }
        if let builtin = interpreter.builtins.functions[name] { return .builtin(builtin) }
        if !scope.isTopLevel {
            // Inside a function a global may be defined later in the file (mutual recursion).
            forwardReferences.append((name, location(offset)))
            return .variable(.global(slot: interpreter.declareGlobal(name), name: name))
        }
        if let slot = interpreter.globalSlot(named: name) {
            return .variable(.global(slot: slot, name: name))
        }
        return nil
    }

    private mutating func unknownName(_ name: String, at offset: Int) {
        report("unknown name '\(name)'\(Suggestion.hint(for: name, among: knownNames))", at: offset)
    }

    private var knownNames: [String] {
        scope.visibleNames + interpreter.definedGlobals.map(\.name) + Array(definedHere) + Array(interpreter.builtins.names)
    }

    private mutating func checkForwardReferences() {
        for (name, location) in forwardReferences where !definedHere.contains(name) && !interpreter.isDefined(name) {
            diagnostics.append(Diagnostic("unknown name '\(name)'\(Suggestion.hint(for: name, among: knownNames))", at: location))
        }
    }

    // MARK: Expressions

    private mutating func expression(_ expr: Expr) -> Node {
        let here = location(expr.offset)
        switch expr.kind {
        case .number(let value): return ConstantNode(.number(value), at: here)
        case .string(let text): return ConstantNode(.string(text), at: here)
        case .boolean(let flag): return ConstantNode(.bool(flag), at: here)
        case .null: return ConstantNode(.null, at: here)
        case .name(let name):
            switch resolve(name, at: expr.offset) {
            case .variable(.local(let slot))?: return LocalNode(slot: slot, at: here)
            case .variable(.outer(let hops, let slot))?: return OuterLocalNode(hops: hops, slot: slot, at: here)
            case .variable(.global(let slot, _))?: return GlobalNode(slot: slot, name: name, at: here)
            case .builtin(let function)?: return ConstantNode(.function(function), at: here)
            case nil:
                unknownName(name, at: expr.offset)
                return ConstantNode(.null, at: here)
            }
        case .list(let elements):
            return ListNode(elements.map { expression($0) }, at: here)
        case .record(let fields):
            return RecordNode(keys: fields.map(\.key), values: fields.map { expression($0.value) }, at: here)
        case .unary(.negate, let operand):
            if case .number(let value) = operand.kind { return ConstantNode(.number(-value), at: here) }
            return UnaryNode(.negate, expression(operand), at: here)
        case .unary(.not, let operand):
            return UnaryNode(.not, expression(operand), at: here)
        case .binary(let op, let left, let right):
            return binary(op, expression(left), expression(right), at: here)
        case .logical(let op, let left, let right):
            return LogicalNode(op, expression(left), expression(right), at: here)
        case .call(let callee, let arguments):
            let calleeNode = expression(callee)
            return CallNode(
                callee: calleeNode, arguments: arguments.map { expression($0.value) },
                labels: arguments.map(\.label), at: location(callee.offset))
        case .index(let container, .single(let key)):
            return IndexNode(expression(container), key: expression(key), at: here)
        case .index(let container, .slice(let from, let to)):
            return SliceNode(expression(container), from: from.map { expression($0) }, to: to.map { expression($0) }, at: here)
        case .field(let container, let name):
            return FieldNode(expression(container), name: name, at: here)
        case .function(let declaration):
            if let name = declaration.name {
                // A named function used as an expression can call itself by name.
                scope.pushBlock()
                defer { scope.popBlock() }
                let slot = scope.declare(name)
                let node = FunctionNode(function(declaration))
                return SequenceNode(SlotAssignNode(slot: slot, isGlobal: false, node, at: here), then: LocalNode(slot: slot, at: here), at: here)
            }
            return FunctionNode(function(declaration))
        case .block(let statements):
            return block(statements, at: here)
        case .conditional(let condition, let then, let otherwise):
            return IfNode(condition: expression(condition), then: expression(then), otherwise: otherwise.map { expression($0) }, at: here)
        case .assign(let target, let value):
            return assignment(target, value, at: here)
        }
    }

    /// `target = value`, with its own node for the common targets.
    private func assign(_ target: VariableReference, _ value: Node, at here: SourceLocation) -> Node {
        switch target {
        case .local(let slot): return SlotAssignNode(slot: slot, isGlobal: false, value, at: here)
        case .global(let slot, _): return SlotAssignNode(slot: slot, isGlobal: true, value, at: here)
        case .outer: return AssignNode(target, value, at: here)
        }
    }

    /// A binary operation. Two number literals are folded into one (number arithmetic cannot fail);
    /// a number literal on the right is kept unboxed in the node.
    private func binary(_ op: BinaryOperator, _ left: Node, _ right: Node, at here: SourceLocation) -> Node {
        guard let constant = right as? ConstantNode, case .number(let b) = constant.value else {
            return BinaryNode(op, left, right, at: here)
        }
        if let constant = left as? ConstantNode, case .number(let a) = constant.value {
            return ConstantNode(Arithmetic.scalar(op, a, b), at: here)
        }
        if let local = left as? LocalNode { return LocalOperandNode(op, slot: local.slot, b, at: here) }
        return ConstantOperandNode(op, left, b, at: here)
    }

    private mutating func assignment(_ target: Expr, _ value: Expr, at here: SourceLocation) -> Node {
        var path: [PathAssignNode.PathStep] = []
        var root = target
        while true {
            switch root.kind {
            case .field(let container, let name):
                path.insert(.field(name, location(root.offset)), at: 0)
                root = container
                continue
            case .index(let container, .single(let key)):
                path.insert(.index(expression(key)), at: 0)
                root = container
                continue
            case .name:
                break
            default:
                report("only a variable, or a field or element of one, can be assigned to", at: root.offset)
                return ConstantNode(.null, at: here)
            }
            break
        }
        guard case .name(let name) = root.kind else { return ConstantNode(.null, at: here) }
        let valueNode = expression(value)
        guard case .variable(let reference)? = resolve(name, at: root.offset) else {
            report("cannot assign to '\(name)': it is not a variable (declare it with 'let \(name) = …')", at: root.offset)
            return ConstantNode(.null, at: here)
        }
        if path.isEmpty { return assign(reference, valueNode, at: here) }
        return PathAssignNode(root: reference, path: path, value: valueNode, at: here)
    }
}
