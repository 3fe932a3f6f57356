// Module: what `import` names — a file, compiled once per session and run by the first import that
// runs, or a standard-library module (already loaded with the session). Its exports are the names its
// top-level `let` and `fn` define; a file module keeps them in global slots of its own (ModuleScope),
// so they reach the importing file only through an import.

final class Module {
    /// How messages name it: its path as the importing file's name leads to it, or the stdlib name.
    let name: String
    /// The compiled file; nil for a standard-library module.
    let program: CompiledProgram?
    /// The names its top-level `let` and `fn` define, in order, with the global slot of each.
    let exports: [(name: String, slot: Int)]
    /// Whether its program has run to the end in this session.
    private(set) var hasRun: Bool

    init(name: String, program: CompiledProgram?, exports: [(name: String, slot: Int)]) {
        self.name = name
        self.program = program
        self.exports = exports
        hasRun = program == nil
    }

    var isStandard: Bool { program == nil }

    /// Runs the file unless it has run already. An error inside it names the import it came through; a
    /// run that fails is tried again by the next import.
    func runOnce(_ interpreter: Interpreter, at location: SourceLocation) throws(Unwind) {
        guard !hasRun, let program else { return }
        do {
            _ = try interpreter.run(program)
        } catch {
            if case .error(let runtimeError) = error { runtimeError.diagnostic.importedFrom.append(location) }
            throw error
        }
        hasRun = true
    }

    /// A record of its exports' current values, for `import "…" as name`.
    func record(_ interpreter: Interpreter) -> Value {
        .record(Record(exports.compactMap { name, slot in interpreter.globals[slot].map { (name, $0) } }))
    }
}

/// The globals a module's code resolves against: its own top-level names, in slots no other code finds
/// by name, and the standard library's names. A module does not see the importing file's globals.
final class ModuleScope {
    private var slots: [String: Int] = [:]
    private let libraryNames: Set<String>

    init(libraryNames: Set<String>) { self.libraryNames = libraryNames }

    /// The slot of a name the module declared (or used before declaring it).
    func slot(named name: String) -> Int? { slots[name] }

    func declare(_ name: String, in interpreter: Interpreter) -> Int {
        if let slot = slots[name] { return slot }
        let slot = interpreter.declareModuleGlobal(name)
        slots[name] = slot
        return slot
    }

    /// Whether a session global is visible to the module: those of the standard library are.
    func sees(_ name: String) -> Bool { libraryNames.contains(name) }
}

extension Array where Element == Stmt {
    /// The names top-level `let` and `fn` statements define, in order of first definition.
    var topLevelNames: [String] {
        var seen: Set<String> = []
        return compactMap { statement in
            let name: String?
            switch statement.kind {
            case .let(let declared, _): name = declared
            case .function(let declaration): name = declaration.name
            default: name = nil
            }
            guard let name, seen.insert(name).inserted else { return nil }
            return name
        }
    }
}
