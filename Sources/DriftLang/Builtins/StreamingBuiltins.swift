// Streaming builtins: the drift detectors of DriftCore.Streaming, run over a whole vector (`adwin(x)`,
// `ddm(errors)`, …) or fed one value at a time through a live detector object (`detector("ddm")` and
// `observe(d, value)`). Thin bindings: the numerics (ports of River 0.26) live in the core.
import DriftCore

/// One detector method: its options (name and default as help shows them) and how to build it.
struct DetectorKind: Sendable {
    let name: String
    /// How the core names the method at the start of its messages ("DDM: …"); dropped so that errors
    /// read `ddm: thresholds must be positive`.
    let corePrefix: String
    /// Takes an error stream of 0/1 or booleans.
    let binary: Bool
    /// Has a warning zone (DDM, EDDM, HDDM).
    let hasWarnings: Bool
    let options: [Option]
    let doc: String
    let example: String
    let make: @Sendable (Arguments) throws -> any DriftDetector

    struct Option: Sendable {
        let name: String
        let shown: String
    }

    /// `ddm(errors, warm_start: 30, warning: 2, drift: 3)`, made at every start (hence `joinedText`).
    var signature: String {
        "\(name)(\(joinedText([binary ? "errors" : "x"] + options.map { "\($0.name): \($0.shown)" }, separator: ", ")))"
    }

    /// Builds the detector, with the core's parameter errors reworded as this builtin's.
    func build(_ arguments: Arguments) throws -> any DriftDetector {
        try rewordingCoreErrors(prefix: corePrefix) { try make(arguments) }
    }

    /// The stream to run over: numbers, or for error-stream methods 0/1 numbers or booleans. Missing values
    /// (and anything but 0/1 for an error stream) are errors naming the 0-based position.
    func values(_ arguments: Arguments, _ index: Int?, _ parameter: String) throws -> [Double] {
        let value = try arguments.required(index, parameter)
        let values: [Double]
        switch value {
        case .bool(let flag): values = [flag ? 1 : 0]
        default: values = try arguments.numbers(index, parameter)
        }
        for (i, x) in values.enumerated() {
            if x.isNaN { throw BuiltinError("argument '\(parameter)' has a missing value at position \(i)") }
            if binary && x != 0 && x != 1 {
                throw BuiltinError("argument '\(parameter)' must be an error stream of 0/1 or true/false (true = error), got \(NumberFormat.shortest(x)) at position \(i)")
            }
        }
        return values
    }
}

/// Runs `body`, dropping the core's own name for the method ("DDM: …") from the start of its DataError
/// messages: the interpreter already prefixes the builtin's name, so errors read `ddm: thresholds must be positive`.
func rewordingCoreErrors<T>(prefix: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DataError where error.message.hasPrefix(prefix + ": ") {
        throw BuiltinError(String(error.message.dropFirst(prefix.count + 2)))
    }
}

/// An option as the signature shows it: name and default.
private func option(_ name: String, _ shown: String) -> DetectorKind.Option { .init(name: name, shown: shown) }

private func seed(_ arguments: Arguments) throws -> UInt64 {
    UInt64(try arguments.integer(nil, "seed", default: 1))
}

private let errorStreamNote = "errors holds 0/1 numbers or booleans, true (or 1) meaning the model was wrong on that row."
private let resultNote = "Returns a record: drifts, the 0-based positions i at which drift was signalled right after seeing element i, and warnings, every position at which the detector was in its warning zone (a drift position is not also a warning). After a drift the detector starts afresh, as River's does."
private let driftsOnlyNote = "Returns a record with drifts: the 0-based positions i at which drift was signalled right after seeing element i (this method has no warning zone). After a drift the detector starts afresh, as River's does."

let detectorKinds: [DetectorKind] = [
    DetectorKind(
        name: "adwin", corePrefix: "ADWIN", binary: false, hasWarnings: false,
        options: [option("delta", "0.002"), option("clock", "32"), option("max_buckets", "5"), option("min_window", "5"), option("grace_period", "10")],
        doc: "ADWIN, adaptive windowing (Bifet & Gavaldà, SDM 2007): keeps a window of recent values and signals drift when two sub-windows have means further apart than a bound set by delta (smaller delta, fewer false alarms); cut points are tested every clock values once the window holds more than grace_period values, sub-windows shorter than min_window are not tested, and max_buckets sets the compression of the window. Works on any numeric stream — a feature, a model score, or a 0/1 error stream. A port of River's drift.ADWIN with its defaults. Missing values are an error. " + driftsOnlyNote,
        example: "adwin(predict_proba(m, current), delta: 0.01).drifts",
        make: { a in
            try ADWIN(delta: try a.number(nil, "delta", default: 0.002), clock: try a.integer(nil, "clock", default: 32),
                      maxBuckets: try a.integer(nil, "max_buckets", default: 5, in: 1...1_000), minWindowLength: try a.integer(nil, "min_window", default: 5),
                      gracePeriod: try a.integer(nil, "grace_period", default: 10))
        }),
    DetectorKind(
        name: "ddm", corePrefix: "DDM", binary: true, hasWarnings: true,
        options: [option("warm_start", "30"), option("warning", "2"), option("drift", "3")],
        doc: "DDM, the drift detection method (Gama, Medas, Castillo & Rodrigues, SBIA 2004): tracks the error rate p and its standard deviation s = √(p(1 − p)/n), and p_min and s_min where p + s was lowest; after warm_start values it is in the warning zone when p + s > p_min + warning · s_min, and signals drift when p + s > p_min + drift · s_min. A port of River's drift.binary.DDM with its defaults. " + errorStreamNote + " " + resultNote,
        example: "ddm(predict(m, current) != current.approved)",
        make: { a in
            try DDM(warmStart: try a.integer(nil, "warm_start", default: 30), warningThreshold: try a.number(nil, "warning", default: 2),
                    driftThreshold: try a.number(nil, "drift", default: 3))
        }),
    DetectorKind(
        name: "eddm", corePrefix: "EDDM", binary: true, hasWarnings: true,
        options: [option("warm_start", "30"), option("alpha", "0.95"), option("beta", "0.9")],
        doc: "EDDM, the early drift detection method (Baena-García et al., 2006): watches the distance between consecutive errors rather than the error rate, which reacts earlier to slow, gradual drift. It is in the warning zone when the mean distance plus two standard deviations falls below alpha times its maximum so far, and signals drift below beta times it (alpha ≥ beta); no test before warm_start errors. A port of River's drift.binary.EDDM with its defaults. " + errorStreamNote + " " + resultNote,
        example: "eddm(errors, alpha: 0.9, beta: 0.8)",
        make: { a in
            try EDDM(warmStart: try a.integer(nil, "warm_start", default: 30), alpha: try a.number(nil, "alpha", default: 0.95),
                     beta: try a.number(nil, "beta", default: 0.9))
        }),
    DetectorKind(
        name: "hddm_a", corePrefix: "HDDM_A", binary: true, hasWarnings: true,
        options: [option("drift", "0.001"), option("warning", "0.005"), option("two_sided", "false")],
        doc: "HDDM_A (Frías-Blanco et al., IEEE TKDE 2015): compares the mean error rate before and after each possible cut point with Hoeffding's bound, so it needs no assumption about the error distribution. drift and warning are the confidence levels of the two tests (smaller, fewer alarms); with two_sided: true a fall in the error rate counts too. A port of River's drift.binary.HDDM_A with its defaults. " + errorStreamNote + " " + resultNote,
        example: "hddm_a(errors, drift: 0.0001)",
        make: { a in
            try HDDMA(driftConfidence: try a.number(nil, "drift", default: 0.001), warningConfidence: try a.number(nil, "warning", default: 0.005),
                      twoSided: try a.bool(nil, "two_sided", default: false))
        }),
    DetectorKind(
        name: "hddm_w", corePrefix: "HDDM_W", binary: true, hasWarnings: true,
        options: [option("drift", "0.001"), option("warning", "0.005"), option("lambda", "0.05"), option("two_sided", "false")],
        doc: "HDDM_W (Frías-Blanco et al., IEEE TKDE 2015): like hddm_a but on exponentially weighted moving averages of the error rate (lambda is the weight of the newest value) with McDiarmid's bound, so recent errors count more. drift and warning are the confidence levels of the two tests; with two_sided: true a fall in the error rate counts too. A port of River's drift.binary.HDDM_W with its defaults. " + errorStreamNote + " " + resultNote,
        example: "hddm_w(errors, lambda: 0.1)",
        make: { a in
            try HDDMW(driftConfidence: try a.number(nil, "drift", default: 0.001), warningConfidence: try a.number(nil, "warning", default: 0.005),
                      lambda: try a.number(nil, "lambda", default: 0.05), twoSided: try a.bool(nil, "two_sided", default: false))
        }),
    DetectorKind(
        name: "page_hinkley", corePrefix: "Page-Hinkley", binary: false, hasWarnings: false,
        options: [option("min_instances", "30"), option("delta", "0.005"), option("threshold", "50"), option("alpha", "0.9999"), option("mode", "\"both\"")],
        doc: "The Page-Hinkley test (Page 1954; Hinkley 1971): accumulates each value's deviation from the running mean, less a tolerance delta, with forgetting factor alpha, and signals drift when the cumulative sum rises more than threshold above its minimum (mode \"up\": the mean increased), falls more than threshold below its maximum (\"down\"), or either (\"both\"); no test before min_instances values. threshold is in the units of the data times values, so scale it to your stream. A port of River's drift.PageHinkley with its defaults. Missing values are an error. " + driftsOnlyNote,
        example: "page_hinkley(concat(reference, current).age, threshold: 50, mode: \"up\")",
        make: { a in
            let modeName = try a.string(nil, "mode", default: "both")
            guard let mode = PageHinkley.Mode(rawValue: modeName) else {
                throw BuiltinError("mode must be \"up\", \"down\" or \"both\", not \(Renderer.quote(modeName))")
            }
            return try PageHinkley(minInstances: try a.integer(nil, "min_instances", default: 30), delta: try a.number(nil, "delta", default: 0.005),
                                   threshold: try a.number(nil, "threshold", default: 50), alpha: try a.number(nil, "alpha", default: 1 - 0.0001),
                                   mode: mode)
        }),
    DetectorKind(
        name: "kswin", corePrefix: "KSWIN", binary: false, hasWarnings: false,
        options: [option("alpha", "0.005"), option("window", "100"), option("stat_size", "30"), option("seed", "1")],
        doc: "KSWIN, Kolmogorov–Smirnov windowing (Raab, Heusinger & Schleif, Neurocomputing 2020): keeps the last window values and, once full, compares stat_size values drawn at random from its older part with the stat_size newest by a two-sample KS test; drift when the p-value is at most alpha and the statistic above 0.1. Detects changes in the whole distribution, not just the mean. The draws are seeded (River's are unseeded by default; with the same seed the positions are River's). window must be at least twice stat_size. Missing values are an error. " + driftsOnlyNote,
        example: "kswin(concat(reference, current).debt_ratio, alpha: 0.001, seed: 7)",
        make: { a in
            try KSWIN(alpha: try a.number(nil, "alpha", default: 0.005), windowSize: try a.integer(nil, "window", default: 100),
                      statSize: try a.integer(nil, "stat_size", default: 30), seed: try seed(a))
        }),
]

/// Every option any detector takes, for `detector(kind, ...)`'s signature.
private let allDetectorOptions: [String] = {
    var names: [String] = []
    for kind in detectorKinds { for option in kind.options where !names.contains(option.name) { names.append(option.name) } }
    return names
}()

/// Positions as a numeric vector.
func positionVector(_ positions: [Int]) -> Value {
    .vector(.numeric(NumericColumn(positions.map(Double.init))))
}

/// Runs a detector from its current state over `values`; the existential is opened for the generic core runner.
private func run(_ detector: inout any DriftDetector, over values: [Double]) throws -> (drifts: [Int], warnings: [Int]) {
    try runDetector(&detector, over: values)
}

private func vectorForm(_ kind: DetectorKind) -> Builtin {
    Builtin(kind.signature, doc: kind.doc, example: kind.example) { arguments, _ in
        let values = try kind.values(arguments, 0, kind.binary ? "errors" : "x")
        var detector = try kind.build(arguments)
        let (drifts, warnings) = try run(&detector, over: values)
        var fields: [(String, Value)] = [("drifts", positionVector(drifts))]
        if kind.hasWarnings { fields.append(("warnings", positionVector(warnings))) }
        return .record(Record(fields))
    }
}

let streamingBuiltins: [Builtin] = detectorKinds.map(vectorForm) + [
    Builtin(
        "detector(\(joinedText(["kind"] + allDetectorOptions.map { "\($0):" }, separator: ", ")))",
        doc: "A live drift detector for data that arrives one value at a time: kind is \(detectorKinds.map { "\"\($0.name)\"" }.joined(separator: ", ")), and the options are those of the function of the same name (adwin, ddm, …), with the same defaults; an option another kind takes is an error. Feed it with observe(d, value). Unlike every other Drift value a detector is a live object shared by reference: observe changes it in place, and `let e = d` gives a second name for the same detector, not a copy. Fields: kind, n (values seen), drifts and warnings (0-based positions so far, as the vector form reports them), in_warning (whether the last value left it in the warning zone).",
        example: "let d = detector(\"ddm\", warning: 2.5)"
    ) { arguments, _ in
        let name = try arguments.string(0, "kind")
        guard let kind = detectorKinds.first(where: { $0.name == name }) else {
            throw BuiltinError("unknown detector kind \(Renderer.quote(name)); the kinds are \(detectorKinds.map(\.name).joined(separator: ", "))\(Suggestion.hint(for: name, among: detectorKinds.map(\.name)))")
        }
        let known = kind.options.map(\.name)
        for (label, _) in arguments.named where !known.contains(label) {
            throw BuiltinError("a \(name) detector has no option '\(label)'; its options are \(known.joined(separator: ", "))")
        }
        return .object(DetectorObject(kind: kind, detector: try kind.build(arguments)))
    },
    Builtin(
        "observe(detector, value)",
        doc: "Feeds one value to a live detector (made by detector(...)) and returns true when that value made it signal drift, false otherwise; the detector's n, drifts, warnings and in_warning are updated in place. Error-stream detectors (ddm, eddm, hddm_a, hddm_w) take 0/1 or true/false (true = error). Feeding the values of a vector one by one gives the same positions as the vector form, e.g. ddm(errors).",
        example: "let d = detector(\"ddm\"); for e in errors { if observe(d, e) { print(\"drift after\", d.n, \"values\") } }"
    ) { arguments, _ in
        let target = try arguments.required(0, "detector")
        guard case .object(let object) = target, let detector = object as? DetectorObject else {
            throw arguments.mismatch("detector", expected: "a detector (made by detector(...))", got: target)
        }
        let value = try arguments.required(1, "value")
        let x: Double
        switch value {
        case .number(let number): x = number
        case .bool(let flag): x = flag ? 1 : 0
        default: throw arguments.mismatch("value", expected: detector.kind.binary ? "0, 1, true or false" : "a number", got: value)
        }
        if x.isNaN { throw BuiltinError("argument 'value' is missing") }
        if detector.kind.binary && x != 0 && x != 1 {
            throw BuiltinError("a \(detector.kind.name) detector takes an error stream of 0/1 or true/false (true = error), got \(NumberFormat.shortest(x))")
        }
        return .bool(detector.observe(x) == .drift)
    },
]
