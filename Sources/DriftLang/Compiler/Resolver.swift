// Resolver: the first pass over a parsed program, the one that knows scopes. It gives every local a slot
// in its function's frame, binds every name to a local, a captured variable, a global or a builtin,
// marks the locals that inner functions capture (they live in boxes), groups each block's local
// functions, and checks what can be checked before running: unknown names, misplaced break, continue
// and return, a default value that uses a later parameter. It keeps going after an error, so
// `drift check` reports them all. An `import` loads its module here (ModuleLoader), so the module's names
// are known; a module's own code is resolved against its own globals (ModuleScope). The compiler then
// builds nodes from its answers (Resolution.swift).

struct Resolver {
    private let file: SourceFile
    private let interpreter: Interpreter
    private(set) var resolution = Resolution()
    private(set) var diagnostics: [Diagnostic] = []
    private var context: FunctionContext
    /// Globals used inside functions before any definition was seen; checked at the end.
    private var forwardReferences: [(name: String, offset: Int)] = []
    /// Globals this program defines with a top-level `let` or `fn`.
    private var definedHere: Set<String> = []
    /// The variable of each local function that belongs to a group, by its declaration.
    private var groupMembers: [ObjectIdentifier: LocalVariable] = [:]
    /// The globals of the module being resolved; nil for the session's own code.
    private let module: ModuleScope?
    /// Names this file imports, with the module and the import's offset.
    private var imported: [String: (module: Module, path: String, offset: Int)] = [:]
    /// Where this file's top-level `let` and `fn` first define each name.
    private var definedAt: [String: Int] = [:]

    static func resolve(_ statements: [Stmt], file: SourceFile, interpreter: Interpreter, module: ModuleScope? = nil) -> (Resolution, [Diagnostic]) {
        var resolver = Resolver(file: file, interpreter: interpreter, module: module)
        for statement in statements { resolver.statement(statement) }
        resolver.context.finish()
        resolver.checkForwardReferences()
        return (resolver.resolution, resolver.diagnostics)
    }

    private init(file: SourceFile, interpreter: Interpreter, module: ModuleScope?) {
        self.file = file
        self.interpreter = interpreter
        self.module = module
        context = FunctionContext(parent: nil, isTopLevel: true, function: resolution.topLevel)
    }

    private mutating func report(_ message: String, at offset: Int) {
        diagnostics.append(Diagnostic(message, at: SourceLocation(file: file, offset: offset)))
    }

    // MARK: Statements

    private mutating func statement(_ statement: Stmt) {
        switch statement.kind {
        case .let(let name, let value):
            expression(value)
            defineTopLevel(name, at: statement.offset)
            resolution.declarations[statement.offset] = declare(name)
        case .function(let declaration):
            if let variable = groupMembers[ObjectIdentifier(declaration)] {
                function(declaration, member: variable)
            } else {
                defineTopLevel(declaration.name ?? "fn", at: statement.offset)
                resolution.declarations[statement.offset] = declare(declaration.name ?? "fn")
                function(declaration, member: nil)
            }
        case .expression(let expr, _):
            expression(expr)
        case .forLoop(let variable, let sequence, let body):
            expression(sequence)
            context.pushBlock()
            resolution.declarations[statement.offset] = .local(context.declare(variable))
            loopBody(body, key: statement.offset)
            context.popBlock()
        case .whileLoop(let condition, let body):
            expression(condition)
            loopBody(body, key: statement.offset)
        case .break, .continue:
            if context.loopDepth == 0 {
                if case .break = statement.kind { report("'break' outside a loop", at: statement.offset) } else { report("'continue' outside a loop", at: statement.offset) }
            }
        case .return(let value):
            if context.isTopLevel { report("'return' outside a function", at: statement.offset) }
            if context.defaultOf != nil { report("'return' in a parameter's default value", at: statement.offset) }
            if let value { expression(value) }
        case .import(let declaration):
            importModule(declaration, at: statement.offset)
        }
    }

    private mutating func loopBody(_ body: [Stmt], key: Int) {
        context.loopDepth += 1
        defer { context.loopDepth -= 1 }
        block(body, key: key)
    }

    /// A block's statements, in a scope of their own.
    private mutating func block(_ statements: [Stmt], key: Int) {
        context.pushBlock()
        defer { context.popBlock() }
        if let group = declareGroup(statements) { resolution.blockGroups[key] = group }
        for statement in statements { self.statement(statement) }
    }

    /// Declares, in the innermost block, the local functions of `statements` that form a group: those
    /// declared with `fn` once in the block, never assigned to anywhere in it, and named like nothing
    /// else the block declares (a parameter, a `let`), whose meaning up to the `fn` must not change.
    /// Globals form none.
    private mutating func declareGroup(_ statements: [Stmt]) -> FunctionGroupPlan? {
        guard !context.declaresGlobals else { return nil }
        var declarations: [String: [FunctionDeclaration]] = [:]
        var order: [String] = []
        var otherNames = statements.assignedNames
        for statement in statements {
            if case .let(let name, _) = statement.kind { otherNames.insert(name) }
            guard case .function(let declaration) = statement.kind, let name = declaration.name else { continue }
            if declarations[name] == nil { order.append(name) }
            declarations[name, default: []].append(declaration)
        }
        let members = order.filter { name in
            declarations[name]?.count == 1 && !otherNames.contains(name) && !context.declaresInBlock(name)
        }
        guard !members.isEmpty else { return nil }
        let group = FunctionGroupPlan()
        for name in members {
            guard let declaration = declarations[name]?.first else { continue }
            let variable = context.declare(name)
            group.add(declaration, variable)
            groupMembers[ObjectIdentifier(declaration)] = variable
        }
        return group
    }

    /// Where a new name lives: a global at the top level, otherwise a fresh slot in the current frame.
    private mutating func declare(_ name: String) -> Declared {
        if context.declaresGlobals {
            definedHere.insert(name)
            return .global(slot: declareGlobal(name), name: name)
        }
        return .local(context.declare(name))
    }

    // MARK: Globals: the session's, or a module's own and the standard library's

    private func globalSlot(named name: String) -> Int? {
        guard let module else { return interpreter.globalSlot(named: name) }
        return module.slot(named: name) ?? (module.sees(name) ? interpreter.globalSlot(named: name) : nil)
    }

    /// Whether a global defined before this program (by an earlier entry, or the standard library) holds a value.
    private func isDefinedGlobal(_ name: String) -> Bool {
        guard let module else { return interpreter.isDefined(name) }
        return module.sees(name) && interpreter.isDefined(name)
    }

    private func declareGlobal(_ name: String) -> Int {
        module?.declare(name, in: interpreter) ?? interpreter.declareGlobal(name)
    }

    // MARK: Imports

    /// `import`: loads the module and declares what it brings — its top-level names, or the `as` name
    /// for a record of them (a standard-library module's names are globals already). An import belongs
    /// at the top level; a name both imported and defined in one file, or imported from two modules, is
    /// an error.
    private mutating func importModule(_ declaration: ImportDeclaration, at offset: Int) {
        guard context.declaresGlobals else {
            report("'import' belongs at the top level of a file, not inside a block or function", at: offset)
            return
        }
        let (loaded, problems) = interpreter.modules.load(
            declaration.path, at: SourceLocation(file: file, offset: declaration.pathOffset), in: interpreter)
        diagnostics += problems
        guard let loaded else { return }
        let names = declaration.alias.map { [$0] } ?? (loaded.isStandard ? [] : loaded.exports.map { $0.name })
        var slots: [Int] = []
        for name in names {
            claimImported(name, from: loaded, path: declaration.path, at: offset)
            slots.append(declareGlobal(name))
            definedHere.insert(name)
        }
        let bindings = declaration.alias != nil ? [] : zip(loaded.exports, slots).map { (from: $0.slot, to: $1) }
        resolution.imports[offset] = ImportPlan(module: loaded, bindings: bindings, alias: declaration.alias == nil ? nil : slots.first)
    }

    /// Records that the import at `offset` brings `name`, unless this file defines it or another module brings it.
    private mutating func claimImported(_ name: String, from module: Module, path: String, at offset: Int) {
        if let definition = definedAt[name] {
            report("\"\(path)\" brings '\(name)', which this file defines too (line \(line(of: definition))); rename one, or import the module with 'as'", at: offset)
        } else if let other = imported[name], other.module !== module {
            report("\"\(path)\" and \"\(other.path)\" (line \(line(of: other.offset))) both define '\(name)'; import one of them with 'as'", at: offset)
        }
        if imported[name] == nil { imported[name] = (module, path, offset) }
    }

    /// A top-level `let` or `fn` defines `name`: an error if this file imports it.
    private mutating func defineTopLevel(_ name: String, at offset: Int) {
        guard context.declaresGlobals else { return }
        if let source = imported[name] {
            report("'\(name)' is already imported from \"\(source.path)\" (line \(line(of: source.offset))); rename it, or import the module with 'as'", at: offset)
        }
        if definedAt[name] == nil { definedAt[name] = offset }
    }

    private func line(of offset: Int) -> Int { file.lineAndColumn(of: offset).line }

    // MARK: Functions

    /// A function literal or declaration; `member` is its variable when it belongs to a group.
    private mutating func function(_ declaration: FunctionDeclaration, member: LocalVariable?) {
        let resolved = ResolvedFunction(group: member?.group, memberIndex: member?.memberIndex ?? 0)
        resolution.functions[ObjectIdentifier(declaration)] = resolved
        let outer = context
        context = FunctionContext(parent: outer, isTopLevel: false, function: resolved)
        defer {
            context.finish()
            context = outer
        }
        var seen: Set<String> = []
        for (index, parameter) in declaration.parameters.enumerated() {
            if !seen.insert(parameter.name).inserted {
                report("parameter '\(parameter.name)' appears twice", at: parameter.offset)
            }
            resolution.declarations[parameter.offset] = .local(context.declare(parameter.name, parameterIndex: index))
        }
        for (index, parameter) in declaration.parameters.enumerated() {
            guard let value = parameter.defaultValue else { continue }
            context.defaultOf = index
            expression(value)
        }
        context.defaultOf = nil
        if let group = declareGroup(declaration.body) { resolution.bodyGroups[ObjectIdentifier(declaration)] = group }
        for statement in declaration.body { self.statement(statement) }
    }

    // MARK: Names

    private mutating func bind(_ name: String, at offset: Int) -> NameBinding? {
        if let binding = context.resolveLocal(name) {
            if case .local(let variable) = binding, let index = variable.parameterIndex, let current = context.defaultOf, index >= current {
                let owner = context.parameterName(current)
                report(index == current
                       ? "the default value of '\(owner)' uses itself"
                       : "the default value of '\(owner)' uses '\(name)', a parameter after it; only earlier parameters can be used",
                       at: offset)
            }
            return binding
        }
        if let slot = globalSlot(named: name), definedHere.contains(name) || isDefinedGlobal(name) {
            return .global(slot: slot, name: name)
        }
        if let builtin = interpreter.builtins.functions[name] { return .builtin(builtin) }
        if !context.isTopLevel {
            // Inside a function a global may be defined later in the file (mutual recursion).
            forwardReferences.append((name, offset))
            return .global(slot: declareGlobal(name), name: name)
        }
        if let slot = globalSlot(named: name) { return .global(slot: slot, name: name) }
        return nil
    }

    private mutating func unknownName(_ name: String, at offset: Int) {
        report("unknown name '\(name)'\(Suggestion.hint(for: name, among: knownNames))", at: offset)
    }

    private var knownNames: [String] {
        let globals = interpreter.definedGlobals.map(\.name).filter { module?.sees($0) ?? true }
        return context.visibleNames + globals + Array(definedHere) + Array(interpreter.builtins.names)
    }

    private mutating func checkForwardReferences() {
        for (name, offset) in forwardReferences where !definedHere.contains(name) && !isDefinedGlobal(name) {
            unknownName(name, at: offset)
        }
    }

    // MARK: Expressions

    private mutating func expression(_ expr: Expr) {
        switch expr.kind {
        case .name(let name):
            if let binding = bind(name, at: expr.offset) {
                resolution.names[expr.offset] = binding
            } else {
                unknownName(name, at: expr.offset)
            }
        case .function(let declaration):
            guard let name = declaration.name, !declaration.body.assignedNames.contains(name) else {
                function(declaration, member: nil)
                return
            }
            // A named function used as an expression can call itself by name: a group of one.
            context.pushBlock()
            defer { context.popBlock() }
            let group = FunctionGroupPlan()
            group.add(declaration, context.declare(name))
            resolution.blockGroups[expr.offset] = group
            function(declaration, member: group.members[0].variable)
        case .block(let statements):
            block(statements, key: expr.offset)
        case .assign(let target, let value):
            assignment(target, value)
        default:
            expr.forEachChild { child in
                switch child {
                case .expression(let child): expression(child)
                case .statement(let child): statement(child)
                case .function(let declaration): function(declaration, member: nil)
                }
            }
        }
    }

    /// `target = value`: the target's keys, the value, then the variable assigned to.
    private mutating func assignment(_ target: Expr, _ value: Expr) {
        var root = target
        var keys: [Expr] = []
        while true {
            switch root.kind {
            case .field(let container, _):
                root = container
                continue
            case .index(let container, .single(let key)):
                keys.append(key)
                root = container
                continue
            case .index(let container, .slice(let from, let to)):
                keys += [from, to].compactMap { $0 }
                root = container
                continue
            default:
                break
            }
            break
        }
        for key in keys { expression(key) }
        guard case .name(let name) = root.kind else {
            report("only a variable, or a field or element of one, can be assigned to", at: root.offset)
            return
        }
        expression(value)
        let binding = bind(name, at: root.offset)
        switch binding {
        case .local?, .captured?, .global?:
            resolution.names[root.offset] = binding
        case .sibling?, .builtin?, nil:
            report("cannot assign to '\(name)': it is not a variable (declare it with 'let \(name) = …')", at: root.offset)
        }
    }
}

/// The resolver's view of one function while it walks it: its block scopes, its frame's slots, how
/// deep in loops it is.
private final class FunctionContext {
    let parent: FunctionContext?
    /// Code outside any function: its depth-0 declarations are globals.
    let isTopLevel: Bool
    let function: ResolvedFunction
    private var blocks: [[String: LocalVariable]] = [[:]]
    private var variables: [LocalVariable] = []
    var loopDepth = 0
    /// While a parameter's default value is resolved, that parameter's position: it and the
    /// parameters after it are not bound yet.
    var defaultOf: Int?

    init(parent: FunctionContext?, isTopLevel: Bool, function: ResolvedFunction) {
        self.parent = parent
        self.isTopLevel = isTopLevel
        self.function = function
    }

    /// True at the top level of a script or REPL entry, where `let` makes a global.
    var declaresGlobals: Bool { isTopLevel && blocks.count == 1 }

    func pushBlock() { blocks.append([:]) }
    func popBlock() { blocks.removeLast() }

    /// A new slot for a name in the innermost block (shadowing any outer one).
    func declare(_ name: String, parameterIndex: Int? = nil) -> LocalVariable {
        let variable = LocalVariable(name: name, slot: variables.count, parameterIndex: parameterIndex)
        variables.append(variable)
        blocks[blocks.count - 1][name] = variable
        return variable
    }

    /// Whether the innermost block already declares `name` (a parameter, for a function's body).
    func declaresInBlock(_ name: String) -> Bool { blocks[blocks.count - 1][name] != nil }

    func lookup(_ name: String) -> LocalVariable? {
        for block in blocks.reversed() {
            if let variable = block[name] { return variable }
        }
        return nil
    }

    func parameterName(_ index: Int) -> String {
        variables.first { $0.parameterIndex == index }?.name ?? ""
    }

    /// A local of this function or of one it is nested in; reaching out of a function captures.
    func resolveLocal(_ name: String) -> NameBinding? {
        if let variable = lookup(name) { return .local(variable) }
        guard let outer = parent?.resolveLocal(name) else { return nil }
        switch outer {
        case .local(let variable):
            if let group = variable.group, group === function.group { return .sibling(variable.memberIndex) }
            variable.isCaptured = true
            return .captured(function.capture(.local(slot: variable.slot)))
        case .captured(let index): return .captured(function.capture(.captured(index)))
        case .sibling(let index): return .captured(function.capture(.sibling(index)))
        case .global, .builtin: return outer
        }
    }

    /// Every name visible from here, for suggestions.
    var visibleNames: [String] { blocks.flatMap(\.keys) + (parent?.visibleNames ?? []) }

    /// Hands the function its locals, once every inner function has been resolved (and so every
    /// capture is known).
    func finish() {
        function.variables = variables
    }
}

private extension Array where Element == Stmt {
    /// The names assigned to (`name = …`, `name.field = …`, `name[i] = …`) anywhere in these
    /// statements, inner functions included. Names are matched as written, so a shadowing variable
    /// only makes the answer cautious.
    var assignedNames: Set<String> {
        var names: Set<String> = []
        func visit(_ child: SyntaxChild) {
            if case .expression(let expr) = child, case .assign(var target, _) = expr.kind {
                while true {
                    if case .field(let container, _) = target.kind { target = container; continue }
                    if case .index(let container, _) = target.kind { target = container; continue }
                    break
                }
                if case .name(let name) = target.kind { names.insert(name) }
            }
            child.forEachChild(visit)
        }
        for statement in self { visit(.statement(statement)) }
        return names
    }
}
