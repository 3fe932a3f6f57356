// Drift test builtins: two-sample tests between a reference and a current vector. Thin bindings to
// DriftCore.DriftTests, one per `DriftMethodDescriptor` (its name, threshold, help paragraph and kind, which
// picks the builtin's shape); this file adds only the language's part: signatures, examples and the sentences
// about arguments. Each returns a test result (fields method, statistic, p_value, threshold,
// drifted, n_ref, n_cur, missing_ref, missing_cur, and for categories new_categories and
// missing_categories).
import DriftCore

/// The sentence every test's help ends with.
private func verdict(_ method: DriftMethodDescriptor) -> String {
    let threshold = NumberFormat.shortest(method.defaultThreshold)
    return method.givesPValue
        ? "Missing values are dropped (and counted). Drift when the p-value is below threshold (default \(threshold))."
        : "Missing values are dropped (and counted). Drift when the statistic is at least threshold (default \(threshold))."
}

/// The builtin of one drift method, shaped by what its descriptor says it takes.
private func testBuiltin(_ method: DriftMethodDescriptor) -> Builtin {
    if method.name == NumericDriftMethod.mmd.rawValue { return mmdBuiltin(method) }
    if method.name == NumericDriftMethod.andersonTest.rawValue { return andersonBuiltin(method) }
    switch method.kind {
    case .numeric: return numericTest(method)
    case .categorical: return categoricalTest(method)
    case .both: return divergence(method)
    }
}

/// A test builtin `name(reference, current, [alternative: …, method: …,] threshold: …)`; `run` reads the
/// samples and runs the test. The example compares `column` of the credit data.
private func testBuiltin(
    _ method: DriftMethodDescriptor, column: String, doc: String,
    run: @escaping @Sendable (Arguments, Double, HypothesisOptions) throws -> DriftTestResult
) -> Builtin {
    let name = method.name, defaultThreshold = method.defaultThreshold
    let options = (method.takesAlternative ? #"alternative: "two-sided", "# : "")
        + (method.takesPValueMethod ? #"method: "auto", "# : "")
    return Builtin(
        "\(name)(reference, current, \(options)threshold: \(NumberFormat.shortest(defaultThreshold)))",
        doc: doc + hypothesisSentences(method),
        example: "\(name)(reference.\(column), current.\(column))"
    ) { arguments, _ in
        let threshold = try arguments.number(nil, "threshold", default: defaultThreshold)
        let options = try hypothesisOptions(arguments)
        if let pair = try arguments.lazyPair() {
            guard options == HypothesisOptions() else {
                throw BuiltinError("alternative: and method: need every value, which a lazy column's summary does not keep; read the columns into memory (read_csv)")
            }
            return try LazyColumns.test(name, pair, arguments, threshold: threshold)
        }
        return .object(TestResultObject(try run(arguments, threshold, options)))
    }
}

/// The help sentences about `alternative:` and `method:`, for the methods that take them.
private func hypothesisSentences(_ method: DriftMethodDescriptor) -> String {
    var text = ""
    if let lessMeans = method.lessMeans {
        text += #" alternative: "less" or "greater" makes it one-sided, as scipy's: "less" looks for evidence that "#
            + lessMeans + #", "greater" the other way."#
    }
    if method.takesPValueMethod {
        text += #" method: "exact" or "asymptotic" chooses the p-value's computation ("auto": scipy's rule)."#
    }
    return text
}

/// The `alternative:` and `method:` arguments (defaults "two-sided" and "auto"; the builtin's signature says
/// whether it takes them).
private func hypothesisOptions(_ arguments: Arguments) throws -> HypothesisOptions {
    func choice<Option: RawRepresentable & CaseIterable>(_ name: String, _ fallback: Option) throws -> Option where Option.RawValue == String {
        let text = try arguments.string(nil, name, default: fallback.rawValue)
        guard let option = Option(rawValue: text) else {
            let names = Option.allCases.map { Renderer.quote($0.rawValue) }
            throw BuiltinError("\(name) must be \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""), not \(Renderer.quote(text))")
        }
        return option
    }
    return HypothesisOptions(alternative: try choice("alternative", Alternative.twoSided), method: try choice("method", PValueMethod.auto))
}

private func numericTest(_ method: DriftMethodDescriptor) -> Builtin {
    guard let numeric = NumericDriftMethod(rawValue: method.name) else { preconditionFailure("\(method.name) is not a numeric test") }
    return testBuiltin(method, column: "income", doc: method.doc + " " + verdict(method)) { arguments, threshold, options in
        try DriftTests.run(numeric, reference: try arguments.numbers(0, "reference"), current: try arguments.numbers(1, "current"),
                           threshold: threshold, options: options)
    }
}

private func categoricalTest(_ method: DriftMethodDescriptor) -> Builtin {
    guard let categorical = CategoricalDriftMethod(rawValue: method.name) else { preconditionFailure("\(method.name) is not a categorical test") }
    let fullDoc = method.doc + " " + verdict(method)
        + " A category seen only in the current data counts in the statistic and is listed in new_categories; one that vanished is listed in missing_categories."
    // The example's column: the z-test compares two categories, so it takes the yes/no column.
    let column = categorical == .zTest ? "approved" : "region"
    return testBuiltin(method, column: column, doc: fullDoc) { arguments, threshold, options in
        try DriftTests.run(categorical, reference: try arguments.column(0, "reference"), current: try arguments.column(1, "current"),
                           threshold: threshold, alternative: options.alternative)
    }
}

/// anderson_test compares two samples as every numeric test does, or k of them (scipy's anderson_ksamp):
/// `anderson_test(a, b, c, d)`.
private func andersonBuiltin(_ method: DriftMethodDescriptor) -> Builtin {
    let twoSamples = numericTest(method)
    // The two-sample signature with `more...` after `current` (spliced, not replaced through Foundation,
    // whose first use cost 2 million instructions of every start-up).
    let samples = "\(method.name)(reference, current, "
    guard twoSamples.signature.hasPrefix(samples) else { preconditionFailure("\(twoSamples.signature) does not start \(samples)") }
    return Builtin(
        samples + "more..., " + String(twoSamples.signature.dropFirst(samples.count)),
        doc: twoSamples.doc + " More samples after the first two make it the k-sample test of whether all come from one distribution (n_ref counts the first, n_cur the others together; the field samples says how many).",
        example: twoSamples.example
    ) { arguments, interpreter in
        guard arguments.positional.count > 2 else { return try twoSamples.body(&arguments, interpreter) }
        let samples = try arguments.positional.indices.map { index in
            try arguments.numbers(index, index == 0 ? "reference" : index == 1 ? "current" : "more")
        }
        let threshold = try arguments.number(nil, "threshold", default: method.defaultThreshold)
        return .object(TestResultObject(try DriftTests.andersonDarling(samples: samples, threshold: threshold)))
    }
}

/// Share divergences work on numbers (binned) and on categories (per category).
private func divergence(_ method: DriftMethodDescriptor) -> Builtin {
    guard let numeric = NumericDriftMethod(rawValue: method.name), let categorical = CategoricalDriftMethod(rawValue: method.name) else {
        preconditionFailure("\(method.name) is not a share divergence")
    }
    let name = method.name, defaultThreshold = method.defaultThreshold
    return Builtin(
        "\(name)(reference, current, bins: 10, binning: \"quantile\", threshold: \(NumberFormat.shortest(defaultThreshold)))",
        doc: method.doc + " Numbers are binned first: with binning \"quantile\" the inner edges are the reference's quantiles k/bins (repeated edges merged), the outer bins are open, a value on an edge falls in the bin above, and a constant reference is a bin of its own; with \"uniform\", equal-width bins over the range of both samples. Strings and booleans are compared per category (a category new in the current data counts and is listed in new_categories). " + verdict(method),
        example: "\(name)(reference.income, current.income, bins: 20)"
    ) { arguments, _ in
        let threshold = try arguments.number(nil, "threshold", default: defaultThreshold)
        if let pair = try arguments.lazyPair() { return try LazyColumns.test(name, pair, arguments, threshold: threshold) }
        let reference = try arguments.column(0, "reference"), current = try arguments.column(1, "current")
        guard case .numeric(let a) = reference, case .numeric(let b) = current else {
            return .object(TestResultObject(try DriftTests.run(categorical, reference: reference, current: current, threshold: threshold)))
        }
        return .object(TestResultObject(try DriftTests.run(numeric, reference: a.values, current: b.values, threshold: threshold, binning: try binning(arguments))))
    }
}

/// mmd takes the permutation count and seed of its p-value.
private func mmdBuiltin(_ method: DriftMethodDescriptor) -> Builtin {
    let defaultThreshold = method.defaultThreshold
    return Builtin(
        "mmd(reference, current, permutations: 100, seed: 1, threshold: \(NumberFormat.shortest(defaultThreshold)))",
        doc: method.doc + " " + verdict(method),
        example: "mmd(reference.age, current.age, seed: 7)"
    ) { arguments, _ in
        let reference = try arguments.numbers(0, "reference"), current = try arguments.numbers(1, "current")
        let options = MMDOptions(
            permutations: try arguments.integer(nil, "permutations", default: 100, in: 1...100_000),
            seed: UInt64(try arguments.integer(nil, "seed", default: 1)))
        let threshold = try arguments.number(nil, "threshold", default: defaultThreshold)
        return .object(TestResultObject(try DriftTests.run(.mmd, reference: reference, current: current, threshold: threshold, mmd: options)))
    }
}

/// The `bins:` and `binning:` arguments of the share divergences.
func binning(_ arguments: Arguments) throws -> Binning {
    let bins = try arguments.integer(nil, "bins", default: 10, in: 1...10_000)
    switch try arguments.string(nil, "binning", default: "quantile") {
    case "quantile": return .quantiles(bins: bins)
    case "uniform": return .uniform(bins: bins)
    case let other: throw BuiltinError("binning must be \"quantile\" or \"uniform\", not \(Renderer.quote(other))")
    }
}

/// One builtin per drift method, in the descriptors' order, then `drift_test`.
let driftTestBuiltins: [Builtin] = DriftMethodDescriptor.all.map(testBuiltin) + [
    Builtin(
        "drift_test(reference, current, method: \"ks_test\", threshold: null, alternative: null)",
        doc: "Runs the drift test named by method (any of: \(DriftReport.methodNames.joined(separator: ", "))) — the same as calling it by name, for code that chooses the test at run time. threshold and alternative are passed on when given (alternative to the tests that take it).",
        example: #"drift_test(reference.age, current.age, method: "psi")"#
    ) { arguments, interpreter in
        let method = try arguments.string(nil, "method", default: "ks_test")
        guard DriftReport.methodNames.contains(method), let test = interpreter.builtins.functions[method] else {
            throw BuiltinError("unknown method \(Renderer.quote(method))\(Suggestion.hint(for: method, among: DriftReport.methodNames))")
        }
        let named = ["threshold", "alternative"].compactMap { label -> (label: String, value: Value)? in
            guard let value = arguments.optional(nil, label), !value.isNull else { return nil }
            return (label, value)
        }
        let forwarded = Arguments(
            positional: [try arguments.required(0, "reference"), try arguments.required(1, "current")], named: named, at: arguments.location)
        return try test.call(forwarded, interpreter, at: arguments.location)
    },
]
