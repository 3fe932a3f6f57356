// Builtin: a function written in Swift, with the signature, doc string and example that `help` shows.
// Each topic file (Builtins/*Builtins.swift) declares one table of these; BuiltinTable joins them.

struct Builtin: Sendable {
    let name: String
    /// How it is called, e.g. `quantile(v, q)`.
    let signature: String
    /// One paragraph: what it does, what it returns, how it treats missing values.
    let doc: String
    /// A line of Drift showing a typical call.
    let example: String
    let body: @Sendable (inout Arguments, Interpreter) throws -> Value

    /// Parameters that may be passed by position or by name, in order.
    let parameters: [String]
    /// Options that may only be passed by name (written `name: default` in the signature).
    let options: [String]
    /// The last parameter collects any number of values (written `name...`).
    let isVariadic: Bool
    /// Any name may be passed as an option (written `...` after the named options), as in
    /// `aggregate(grouped, mean_income: mean("income"))`.
    let acceptsAnyOption: Bool

    /// The signature is parsed for the parameter names, so calls are checked in one place.
    init(_ signature: String, doc: String, example: String, body: @escaping @Sendable (inout Arguments, Interpreter) throws -> Value) {
        self.signature = signature
        self.name = String(signature.prefix { $0 != "(" })
        self.doc = doc
        self.example = example
        self.body = body
        let inside = signature.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" }
        var parameters: [String] = [], options: [String] = []
        var isVariadic = false, acceptsAnyOption = false
        for part in inside.split(separator: ",").map({ $0.trimmingPrefix(" ") }) {
            if part == "..." {
                acceptsAnyOption = true
                continue
            }
            let name = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            if part.dropFirst(name.count).hasPrefix(":") {
                options.append(name)
            } else {
                parameters.append(name)
                isVariadic = isVariadic || part.hasSuffix("...")
            }
        }
        self.parameters = parameters
        self.options = options
        self.isVariadic = isVariadic
        self.acceptsAnyOption = acceptsAnyOption
    }

    /// Rejects surplus positional arguments and names the builtin does not know.
    func validate(_ arguments: Arguments) throws(BuiltinError) {
        if !isVariadic, arguments.positional.count > parameters.count {
            throw BuiltinError("takes \(parameters.count) argument\(parameters.count == 1 ? "" : "s") but was given \(arguments.positional.count)")
        }
        // A variadic builtin's parameters take positions only; its options still go by name.
        let known = isVariadic ? options : parameters + options
        for (label, _) in arguments.named where !acceptsAnyOption && !known.contains(label) {
            throw BuiltinError("unknown argument '\(label)'\(Suggestion.hint(for: label, among: known))")
        }
    }

    var helpText: String { "\(signature)\n\n\(doc)\n\nExample:\n  \(example)\n" }
}

/// An error a builtin raises about its input; the interpreter prefixes the builtin's name and adds
/// the call's place.
struct BuiltinError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }

    /// A readable message for any error a builtin lets through (core errors describe themselves).
    static func describe(_ error: any Error) -> String {
        String(describing: error)
    }
}

/// Every builtin, by name and by topic. Immutable once made, so one table serves every session.
final class BuiltinTable: @unchecked Sendable {
    let byName: [String: Builtin]
    /// Functions as values, made once so that passing `mean` around allocates nothing.
    let functions: [String: Function]
    /// The topics in the order `help()` lists them, each with its builtins' names in table order.
    let topics: [(name: String, builtins: [String])]

    init(topics: [(String, [Builtin])]) {
        let all = topics.flatMap(\.1)
        byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        functions = byName.mapValues { BuiltinFunction($0) }
        self.topics = topics.map { ($0.0, $0.1.map(\.name)) }
    }

    var names: Dictionary<String, Builtin>.Keys { byName.keys }

    static let standard = BuiltinTable(topics: [
        ("Values", coreBuiltins), ("Math", mathBuiltins), ("Vectors", vectorBuiltins),
        ("Statistics", statisticsBuiltins), ("Dataframes", frameBuiltins + reshapeBuiltins), ("Grouping and joins", groupingBuiltins),
        ("Files", inputOutputBuiltins + parquetBuiltins), ("JSON", jsonInputBuiltins), ("Databases", sqlBuiltins),
        ("Lazy sources", sourceBuiltins), ("Histograms", histogramBuiltins), ("Drift tests", driftTestBuiltins),
        ("Reports", reportBuiltins), ("Monitoring", monitoringBuiltins), ("Explanations", explainBuiltins), ("Models", modelBuiltins),
        ("Metrics", metricBuiltins), ("Serving", servingBuiltins + simulationBuiltins), ("Streams and detectors", streamingBuiltins),
        ("Synthetic data", syntheticBuiltins), ("Plots", plotBuiltins), ("Scripts", exitBuiltins),
        ("Strings", stringBuiltins), ("Missing values", missingValueBuiltins), ("Sorting and membership", orderingBuiltins),
        ("Sequences and windows", sequenceBuiltins), ("Lists", listBuiltins), ("Dates and times", timeBuiltins + timeWindowBuiltins),
    ])
}
