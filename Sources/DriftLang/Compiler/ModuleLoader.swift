// ModuleLoader: finds, reads, parses and compiles what an `import` names while the importing file is
// resolved, so the resolver knows the module's names and `drift check` follows imports without running
// anything. A path ending in `.drift` is a file, relative to the importing file's directory (for the
// REPL and `-e`, to the session's base directory) and read through FileAccess like any read, safe mode
// included; any other name is a standard-library module (`import "monitoring"`). A file is compiled
// once per session, keyed by its canonical path; the files being loaded form a chain, and importing
// one of them again is a cycle.
import DriftCore
import Foundation

final class ModuleLoader {
    /// Compiled files, by canonical path.
    private var files: [String: Module] = [:]
    private var standard: [String: Module] = [:]
    /// The files being loaded, outermost first: canonical path and name.
    private var chain: [(path: String, name: String)] = []
    /// The standard library's names, which every module sees.
    var libraryNames: Set<String> = []

    /// The module `path` names, imported at `location` (the path's string literal), and the errors
    /// found: the import's own, or those inside the file, which name the import. A file with errors
    /// still gives its module (not kept, never run), so the importing file's resolver knows its names.
    func load(_ path: String, at location: SourceLocation, in interpreter: Interpreter) -> (Module?, [Diagnostic]) {
        guard path.hasSuffix(".drift") else { return standardModule(path, at: location, in: interpreter) }
        let importer = location.file
        let readPath = Self.join(importer.path.map(Self.directory), path)
        let name = Self.normalized(Self.join(importer.path == nil ? nil : Self.directory(importer.name), path))
        let canonical = FileAccess.canonicalPath(readPath)
        if let module = files[canonical] { return (module, []) }
        var loading = chain
        if loading.isEmpty, let importerPath = importer.path { loading = [(FileAccess.canonicalPath(importerPath), importer.name)] }
        if let start = loading.firstIndex(where: { $0.path == canonical }) {
            let cycle = loading[start...].map { $0.name } + [name]
            return (nil, [Diagnostic("import cycle: " + cycle.joined(separator: " → "), at: location)])
        }
        let source: SourceFile
        switch Self.read(readPath, name: name, at: location) {
        case .success(let file): source = file
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let outer = chain
        chain = loading + [(canonical, name)]
        defer { chain = outer }
        let parsed = Parser.parse(source)
        let scope = ModuleScope(libraryNames: libraryNames)
        let compiled = Compiler.compile(parsed.statements, file: source, interpreter: interpreter, module: scope)
        let exports = parsed.statements.topLevelNames.compactMap { export in scope.slot(named: export).map { (name: export, slot: $0) } }
        let module = Module(name: name, program: compiled.program, exports: exports)
        var problems = parsed.diagnostics + compiled.diagnostics
        guard problems.isEmpty else {
            for index in problems.indices { problems[index].importedFrom.append(location) }
            return (module, problems)
        }
        files[canonical] = module
        return (module, [])
    }

    /// The file's text, or the error: unreadable (at the import), or not UTF-8 (at its first bad byte).
    private static func read(_ path: String, name: String, at location: SourceLocation) -> Result<SourceFile, Diagnostic> {
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try FileAccess.read(path))
        } catch {
            return .failure(Diagnostic(BuiltinError.describe(error), at: location))
        }
        if var problem = SourceEncoding.invalidUTF8Diagnostic(bytes, name: name) {
            problem.importedFrom.append(location)
            return .failure(problem)
        }
        return .success(SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self), path: path))
    }

    /// A module of the standard library. Its names are globals of every session already; the module
    /// lists them, with their slots, for `import "…" as name`.
    private func standardModule(_ name: String, at location: SourceLocation, in interpreter: Interpreter) -> (Module?, [Diagnostic]) {
        if let module = standard[name] { return (module, []) }
        guard let source = embeddedStdlib.first(where: { $0.name == name + ".drift" })?.source else {
            let known = embeddedStdlib.map { "\"" + $0.name.dropLast(".drift".count) + "\"" }.joined(separator: ", ")
            let message = "no standard library module '\(name)' (there are \(known)); a file's path ends in .drift"
            return (nil, [Diagnostic(message, at: location)])
        }
        let names = Parser.parse(SourceFile(name: name, text: source)).statements.topLevelNames
        let module = Module(name: name, program: nil, exports: names.compactMap { export in
            interpreter.globalSlot(named: export).map { (name: export, slot: $0) }
        })
        standard[name] = module
        return (module, [])
    }

    // MARK: Paths

    /// The directory part of a path: "" for a bare file name.
    private static func directory(_ path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// `path` inside `directory`, unless it is absolute.
    private static func join(_ directory: String?, _ path: String) -> String {
        guard let directory, !directory.isEmpty, !path.hasPrefix("/") else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }

    /// The path with `.` and `dir/..` folded away, for messages (reading uses the path as it is, which
    /// may pass through a link).
    private static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }
}
