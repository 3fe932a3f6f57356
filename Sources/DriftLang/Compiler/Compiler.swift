// Compiler: builds the tree of executable nodes for a parsed program. The resolver (Resolver.swift)
// runs first and answers every question about names and scopes; the compiler reads its answers and
// picks, for each construct, the node that runs it.

struct CompiledProgram {
    let body: BlockNode
    /// Slots for variables declared inside top-level blocks and loops.
    let frameSize: Int
    /// Slots of those variables that closures capture: they hold boxes.
    let boxedSlots: [Int]
    /// Whether the last statement is an expression whose value the REPL shows.
    let showsLastValue: Bool
}

struct Compiler {
    private let file: SourceFile
    private let resolution: Resolution

    /// Compiles a program of the session, or with `module` the file of an imported module.
    static func compile(_ statements: [Stmt], file: SourceFile, interpreter: Interpreter, module: ModuleScope? = nil) -> (program: CompiledProgram, diagnostics: [Diagnostic]) {
        let (resolution, diagnostics) = Resolver.resolve(statements, file: file, interpreter: interpreter, module: module)
        let compiler = Compiler(file: file, resolution: resolution)
        // A program with errors does not run, so it needs no nodes.
        let nodes = diagnostics.isEmpty ? statements.map { compiler.statement($0) } : []
        var shows = false
        if case .expression(let expression, let displayed)? = statements.last?.kind, displayed {
            if case .assign = expression.kind {} else { shows = true }
        }
        let program = CompiledProgram(
            body: BlockNode(nodes, at: compiler.location(0)),
            frameSize: resolution.topLevel.slotCount,
            boxedSlots: resolution.topLevel.boxedSlots,
            showsLastValue: shows)
        return (program, diagnostics)
    }

    private init(file: SourceFile, resolution: Resolution) {
        self.file = file
        self.resolution = resolution
    }

    private func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

    // MARK: Statements

    private func statement(_ statement: Stmt) -> Node {
        let here = location(statement.offset)
        switch statement.kind {
        case .let(_, let value):
            return assign(declared(at: statement.offset), expression(value), at: here)
        case .function(let declaration):
            // A member of a group was made when its block started (GroupNode).
            guard let target = resolution.declarations[statement.offset] else { return ConstantNode(.null, at: here) }
            return assign(reference(to: target), FunctionNode(function(declaration)), at: here)
        case .expression(let expr, _):
            return expression(expr)
        case .forLoop(_, let sequence, let body):
            return ForNode(variable: declared(at: statement.offset), sequence: expression(sequence),
                           body: block(body, group: resolution.blockGroups[statement.offset], at: here), at: here)
        case .whileLoop(let condition, let body):
            return WhileNode(condition: expression(condition),
                             body: block(body, group: resolution.blockGroups[statement.offset], at: here), at: here)
        case .break:
            return BreakNode(at: here)
        case .continue:
            return ContinueNode(at: here)
        case .return(let value):
            return ReturnNode(value.map { expression($0) }, at: here)
        case .import(let declaration):
            guard let plan = resolution.imports[statement.offset] else { preconditionFailure("unresolved import at \(statement.offset)") }
            // At the path, where the loader places what it reports about the import.
            return ImportNode(plan, at: location(declaration.pathOffset))
        }
    }

    /// A block's statements, after the node that makes its group of local functions, if it has one.
    private func block(_ statements: [Stmt], group: FunctionGroupPlan?, at location: SourceLocation) -> Node {
        var nodes = statements.map { statement($0) }
        if let group { nodes.insert(groupNode(group, at: location), at: 0) }
        return sequence(nodes, at: location)
    }

    /// Statements run in order. A block does not open a frame (its names have their own slots), so a
    /// block of one statement is that statement, and evaluating it skips a node. Short blocks become
    /// chains of `SequenceNode`s; long ones (a chain would nest deeply) stay `BlockNode`s.
    private func sequence(_ nodes: [Node], at location: SourceLocation) -> Node {
        switch nodes.count {
        case 0: return BlockNode([], at: location)
        case 1: return nodes[0]
        case 2...16: return SequenceNode(nodes[0], then: sequence(Array(nodes.dropFirst()), at: location), at: location)
        default: return BlockNode(nodes, at: location)
        }
    }

    private func groupNode(_ plan: FunctionGroupPlan, at location: SourceLocation) -> Node {
        let group = CompiledGroup(members: plan.members.map { function($0.declaration) }, captures: plan.captures)
        return GroupNode(group, variables: plan.members.map { reference(to: .local($0.variable)) }, at: location)
    }

    private func function(_ declaration: FunctionDeclaration) -> CompiledFunction {
        let key = ObjectIdentifier(declaration)
        // The resolver walked every function the compiler reaches.
        guard let resolved = resolution.functions[key] else { preconditionFailure("unresolved function at \(declaration.offset)") }
        let here = location(declaration.offset)
        return CompiledFunction(
            name: declaration.name ?? "<lambda>",
            parameterNames: declaration.parameters.map(\.name),
            defaults: declaration.parameters.map { parameter in parameter.defaultValue.map { expression($0) } },
            body: block(declaration.body, group: resolution.bodyGroups[key], at: here),
            slotCount: resolved.slotCount, boxedSlots: resolved.boxedSlots, captures: resolved.captures,
            memberIndex: resolved.memberIndex, location: here)
    }

    // MARK: Variables

    /// Where the declaration at `offset` stores its value.
    private func declared(at offset: Int) -> VariableReference {
        // The resolver records every declaration, and only programs without errors are compiled.
        guard let declared = resolution.declarations[offset] else { preconditionFailure("unresolved declaration at \(offset)") }
        return reference(to: declared)
    }

    private func reference(to declared: Declared) -> VariableReference {
        switch declared {
        case .local(let variable): return variable.isCaptured ? .boxed(slot: variable.slot) : .local(slot: variable.slot)
        case .global(let slot, let name): return .global(slot: slot, name: name)
        }
    }

    /// `target = value`, with its own node for the common targets.
    private func assign(_ target: VariableReference, _ value: Node, at here: SourceLocation) -> Node {
        switch target {
        case .local(let slot):
            if let update = value as? LocalOperandNode, update.slot == slot {
                return LocalUpdateNode(update.op, slot: slot, update.constant, at: here)
            }
            if let update = value as? LocalLeftOperandNode, update.slot == slot {
                return LocalCompoundNode(update.op, slot: slot, update.right, at: here)
            }
            return SlotAssignNode(slot: slot, isGlobal: false, value, at: here)
        case .global(let slot, _): return SlotAssignNode(slot: slot, isGlobal: true, value, at: here)
        case .boxed, .captured: return AssignNode(target, value, at: here)
        }
    }

    // MARK: Expressions

    private func expression(_ expr: Expr) -> Node {
        let here = location(expr.offset)
        switch expr.kind {
        case .number(let value): return ConstantNode(.number(value), at: here)
        case .string(let text): return ConstantNode(.string(text), at: here)
        case .boolean(let flag): return ConstantNode(.bool(flag), at: here)
        case .null: return ConstantNode(.null, at: here)
        case .name(let name):
            switch resolution.names[expr.offset] {
            case .local(let variable)?:
                return variable.isCaptured ? BoxedLocalNode(slot: variable.slot, at: here) : LocalNode(slot: variable.slot, at: here)
            case .captured(let index)?: return CapturedNode(slot: index, at: here)
            case .sibling(let index)?: return SiblingNode(slot: index, at: here)
            case .global(let slot, _)?: return GlobalNode(slot: slot, name: name, at: here)
            case .builtin(let function)?: return ConstantNode(.function(function), at: here)
            case nil: return ConstantNode(.null, at: here)
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
        case .membership(let element, let values):
            return MembershipNode(expression(element), in: expression(values), at: here)
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
            // A named function used as an expression is a group of one, so it can call itself by name.
            guard let plan = resolution.blockGroups[expr.offset], let member = plan.members.first else {
                return FunctionNode(function(declaration))
            }
            let variable = reference(to: .local(member.variable))
            return SequenceNode(groupNode(plan, at: here), then: VariableNode(variable, at: here), at: here)
        case .block(let statements):
            return block(statements, group: resolution.blockGroups[expr.offset], at: here)
        case .conditional(let condition, let then, let otherwise):
            return IfNode(condition: expression(condition), then: expression(then), otherwise: otherwise.map { expression($0) }, at: here)
        case .assign(let target, let value):
            return assignment(target, value, at: here)
        }
    }

    /// A binary operation. Two number literals are folded into one (number arithmetic cannot fail);
    /// a number literal on the right is kept unboxed in the node; a local on the left is read in place.
    private func binary(_ op: BinaryOperator, _ left: Node, _ right: Node, at here: SourceLocation) -> Node {
        guard let constant = right as? ConstantNode, case .number(let b) = constant.value else {
            if let local = left as? LocalNode { return LocalLeftOperandNode(op, slot: local.slot, right, at: here) }
            return BinaryNode(op, left, right, at: here)
        }
        if let constant = left as? ConstantNode, case .number(let a) = constant.value {
            return ConstantNode(Arithmetic.scalar(op, a, b), at: here)
        }
        if let local = left as? LocalNode { return LocalOperandNode(op, slot: local.slot, b, at: here) }
        return ConstantOperandNode(op, left, b, at: here)
    }

    private func assignment(_ target: Expr, _ value: Expr, at here: SourceLocation) -> Node {
        var path: [PathAssignNode.PathStep] = []
        var root = target
        while true {
            if case .field(let container, let name) = root.kind {
                path.insert(.field(name, location(root.offset)), at: 0)
                root = container
            } else if case .index(let container, .single(let key)) = root.kind {
                path.insert(.index(expression(key)), at: 0)
                root = container
            } else if case .index(let container, .slice(let from, let to)) = root.kind {
                path.insert(.slice(from: from.map(expression), to: to.map(expression)), at: 0)
                root = container
            } else {
                break
            }
        }
        let valueNode = expression(value)
        let variable: VariableReference
        switch resolution.names[root.offset] {
        case .local(let local)?: variable = reference(to: .local(local))
        case .captured(let index)?: variable = .captured(index: index)
        case .global(let slot, let name)?: variable = .global(slot: slot, name: name)
        // The resolver refused every other target.
        case .sibling?, .builtin?, nil: return ConstantNode(.null, at: here)
        }
        if path.isEmpty { return assign(variable, valueNode, at: here) }
        return PathAssignNode(root: variable, path: path, value: valueNode, at: here)
    }
}
