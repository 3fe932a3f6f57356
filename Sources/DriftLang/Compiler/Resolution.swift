// Resolution: what the resolver (Resolver.swift) learns about a program and the compiler reads — where
// each variable lives, what each name is bound to, and what each closure captures.
//
// Closures capture variables, not frames. A local that an inner function uses is *captured*: it lives
// in a box (Runtime/Frame.swift) that its frame's slot and every closure using it share, as upvalues
// do in clox and Lua, so a closure holds only the variables it uses and no frame outlives its call.

/// A local variable: a slot in its function's frame.
final class LocalVariable {
    let name: String
    let slot: Int
    /// A parameter's position; a default value may only use the parameters before its own.
    let parameterIndex: Int?
    /// An inner function uses it, so its slot holds a box.
    var isCaptured = false
    /// For a local function in a group (see `FunctionGroupPlan`), the group and its place there.
    var group: FunctionGroupPlan?
    var memberIndex = 0

    init(name: String, slot: Int, parameterIndex: Int?) {
        self.name = name
        self.slot = slot
        self.parameterIndex = parameterIndex
    }
}

/// Where a closure's captured variable comes from, seen from the frame that makes the closure.
enum CaptureSource: Equatable {
    /// The box in one of that frame's slots.
    case local(slot: Int)
    /// One of the captured variables of the closure running in that frame.
    case captured(Int)
    /// A function of the running closure's group: never assigned to, so captured as a value.
    case sibling(Int)
}

/// The local `fn` declarations of one block whose names are never assigned to. They are made together
/// when the block starts, so they may call one another whatever their order, and they share one
/// environment: a member reaches itself and its siblings through that environment rather than through
/// a captured variable, so a recursive local function is no reference cycle.
final class FunctionGroupPlan {
    private(set) var members: [(declaration: FunctionDeclaration, variable: LocalVariable)] = []
    /// What the members capture, together (each member's captures index into this list).
    private(set) var captures: [CaptureSource] = []

    func add(_ declaration: FunctionDeclaration, _ variable: LocalVariable) {
        variable.group = self
        variable.memberIndex = members.count
        members.append((declaration, variable))
    }

    func capture(_ source: CaptureSource) -> Int { captures.place(of: source) }
}

/// What the resolver learns about one function (or the top level of a program).
final class ResolvedFunction {
    /// Its locals, parameters first, by slot; set once every function inside it has been resolved.
    var variables: [LocalVariable] = []
    var slotCount: Int { variables.count }
    /// Slots of captured variables: each holds a box from the start of a call.
    var boxedSlots: [Int] { variables.filter(\.isCaptured).map(\.slot) }
    /// What a closure of this function captures when it is made; empty for a group member, whose
    /// group captures for it.
    private(set) var captures: [CaptureSource] = []
    let group: FunctionGroupPlan?
    let memberIndex: Int

    init(group: FunctionGroupPlan?, memberIndex: Int) {
        self.group = group
        self.memberIndex = memberIndex
    }

    /// The index of a captured variable, among the group's captures for a member.
    func capture(_ source: CaptureSource) -> Int {
        if let group { return group.capture(source) }
        return captures.place(of: source)
    }
}

/// What a name refers to where it is used.
enum NameBinding {
    /// A local of the running frame.
    case local(LocalVariable)
    /// One of the running closure's captured variables.
    case captured(Int)
    /// A function of the running closure's own group (itself among them).
    case sibling(Int)
    case global(slot: Int, name: String)
    case builtin(Function)
}

/// Where a declaration (`let`, `fn`, a parameter or a loop variable) stores its value.
enum Declared {
    case local(LocalVariable)
    case global(slot: Int, name: String)
}

/// What an `import` does when it runs (ImportNode): run the module once, then copy its names' values
/// into this program's globals, or bind the `as` name to a record of them.
struct ImportPlan {
    let module: Module
    /// For each imported name: the module's slot and this program's.
    let bindings: [(from: Int, to: Int)]
    /// The slot of the `as` name.
    let alias: Int?
}

/// The resolver's answers, by the byte offset of the syntax they are about.
struct Resolution {
    /// Every name read or assigned, by the offset of the name.
    var names: [Int: NameBinding] = [:]
    /// Every declaration, by the offset of its statement (or parameter).
    var declarations: [Int: Declared] = [:]
    /// Every function literal and declaration.
    var functions: [ObjectIdentifier: ResolvedFunction] = [:]
    /// The function group made at the start of a block, by the offset of the block (a `{` block, or
    /// the loop whose body it is); function bodies keep theirs in `bodyGroups`.
    var blockGroups: [Int: FunctionGroupPlan] = [:]
    var bodyGroups: [ObjectIdentifier: FunctionGroupPlan] = [:]
    /// Every `import`, by the offset of its statement.
    var imports: [Int: ImportPlan] = [:]
    /// The top level: its frame holds the locals of top-level blocks and loops.
    let topLevel = ResolvedFunction(group: nil, memberIndex: 0)
}

private extension Array where Element == CaptureSource {
    /// The index of `source` in the list, adding it at the end the first time: a closure captures each
    /// variable once, however often it uses it.
    mutating func place(of source: CaptureSource) -> Int {
        if let index = firstIndex(of: source) { return index }
        append(source)
        return count - 1
    }
}
