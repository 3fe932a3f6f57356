// Builtin: a function written in Swift, with the signature, doc string and example that `help` shows.
// Each topic file (Builtins/*Builtins.swift) declares one table of these; BuiltinTable joins them.

/// A class, not a struct: the table holds each builtin in its topic, by name and in its function value,
/// and copying a struct's seven references for each of 400-odd builtins took 0.2 million instructions
/// at every start (of 5.5 million for a one-line script).
final class Builtin: Sendable {
    let name: String
    /// How it is called, e.g. `quantile(v, q)`.
    let signature: String
    /// One paragraph: what it does, what it returns, how it treats missing values.
    var doc: String { makeDoc() }
    /// Made when `help` asks: many docs interpolate lists (the drift methods, the formats), and building
    /// them for 400-odd builtins at every start cost a scan of the binary's conformance records.
    private let makeDoc: @Sendable () -> String
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
    init(_ signature: String, doc: @autoclosure @escaping @Sendable () -> String, example: String,
         body: @escaping @Sendable (inout Arguments, Interpreter) throws -> Value) {
        self.signature = signature
        makeDoc = doc
        self.example = example
        self.body = body
        (name, parameters, options, isVariadic, acceptsAnyOption) = Builtin.parse(signature)
    }

    /// The name and the parameters of a signature such as `quantile(v, q, method: "linear", ...)`.
    /// Signatures are ASCII, and 400-odd are read at every start, so this is one pass over the bytes in
    /// place: read as Characters (a Unicode property look-up for every letter) they took 13 million
    /// instructions, and split into arrays of pieces first, 1.4 million.
    private static func parse(_ signature: String)
        -> (name: String, parameters: [String], options: [String], isVariadic: Bool, acceptsAnyOption: Bool) {
        var signature = signature
        return signature.withUTF8 { bytes in
            let open = bytes.firstIndex(of: UInt8(ascii: "(")) ?? bytes.endIndex
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<open]), as: UTF8.self)
            guard open < bytes.endIndex else { return (name, [], [], false, false) }
            let close = bytes.lastIndex(of: UInt8(ascii: ")")) ?? bytes.endIndex
            var parameters: [String] = [], options: [String] = []
            var isVariadic = false, acceptsAnyOption = false
            // Pieces end at the commas outside a default value's quotes and brackets (`sep: ","`,
            // `strategies: ["online", "offline"]`), and at the closing parenthesis.
            var start = open + 1, depth = 0, quoted = false
            for index in (open + 1)...close {
                if index < close {
                    switch bytes[index] {
                    case UInt8(ascii: "\""): quoted.toggle(); continue
                    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{") where !quoted: depth += 1; continue
                    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}") where !quoted: depth -= 1; continue
                    case UInt8(ascii: ",") where !quoted && depth == 0: break
                    default: continue
                    }
                }
                var first = start
                while first < index, bytes[first] == UInt8(ascii: " ") { first += 1 }
                start = index + 1
                guard first < index else { continue }
                let piece = UnsafeBufferPointer(rebasing: bytes[first..<index])
                if piece.elementsEqual("...".utf8) {
                    acceptsAnyOption = true
                    continue
                }
                let nameEnd = piece.firstIndex { !isIdentifierByte($0) } ?? piece.endIndex
                let parameter = String(decoding: UnsafeBufferPointer(rebasing: piece[..<nameEnd]), as: UTF8.self)
                if nameEnd < piece.endIndex, piece[nameEnd] == UInt8(ascii: ":") {
                    options.append(parameter)
                } else {
                    parameters.append(parameter)
                    isVariadic = isVariadic || piece.reversed().starts(with: "...".utf8)
                }
            }
            return (name, parameters, options, isVariadic, acceptsAnyOption)
        }
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): return true
        default: return false
        }
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
