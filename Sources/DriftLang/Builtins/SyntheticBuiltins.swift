// Synthetic data builtins: the classic seeded drift benchmark streams of DriftCore.Synthetic as
// dataframes, River's concept drift stream to join two of them, and helpers that put a known shift into
// any frame (covariate shift, prior shift, new categories) — data with a drift whose answer is known.
import DriftCore

/// A seed option as the core wants it.
private func seed(_ arguments: Arguments) throws -> UInt64 {
    UInt64(try arguments.integer(nil, "seed", default: 1))
}

/// The row count, positional, checked against the memory limit for a frame of `columns` columns.
private func rowCount(_ arguments: Arguments, columns: Int = 10) throws -> Int {
    let count = try arguments.integer(0, "n", in: 0...100_000_000)
    try MemoryLimit.reserve(Double(count) * Double(columns) * 8, for: "\(count) rows of \(columns) columns")
    return count
}

/// A frame with every column reordered/repeated by `rows`.
private func gathering(_ frame: DataFrame, _ rows: [Int]) throws -> DataFrame {
    try DataFrame(zip(frame.names, frame.columns).map { (name: $0, column: $1.gathering(rows)) })
}

/// The named column of a frame, or an error listing the frame's columns.
private func column(_ frame: DataFrame, _ name: String) throws -> Column {
    guard let column = frame.column(named: name) else {
        throw BuiltinError("no column named '\(name)'; available: \(frame.names.joined(separator: ", "))\(Suggestion.hint(for: name, among: frame.names))")
    }
    return column
}

/// How a column's kind reads in a message.
private func kindWord(_ column: Column) -> String {
    switch column {
    case .numeric: return "numbers"
    case .text: return "strings"
    case .boolean: return "booleans"
    case .time(let times): return times.kind.rawValue + "s"
    }
}

/// `from:` — the first row a shift applies to (0 to the row count).
private func firstRow(_ arguments: Arguments, _ frame: DataFrame) throws -> Int {
    let from = try arguments.integer(nil, "from", default: 0)
    guard from <= frame.rowCount else {
        throw BuiltinError("argument 'from' is \(from) but the frame has \(frame.rowCount) rows")
    }
    return from
}

private func share(_ arguments: Arguments, default fallback: Double) throws -> Double {
    let share = try arguments.number(nil, "share", default: fallback)
    guard share >= 0 && share <= 1 else { throw BuiltinError("argument 'share' must lie in [0, 1], got \(NumberFormat.shortest(share))") }
    return share
}

/// A uniform integer in 0..<bound.
private func draw(_ bound: Int, _ generator: inout SeededGenerator) -> Int {
    Int(generator.next(upperBound: UInt64(bound)))
}

let syntheticBuiltins: [Builtin] = [
    Builtin(
        "sea(n, variant: 0, noise: 0.1, seed: 1)",
        doc: "n rows of the SEA concepts (Street & Kim, \"A streaming ensemble algorithm (SEA) for large-scale classification\", KDD 2001): numeric features x1, x2, x3 uniform in [0, 10) and a boolean target y = x1 + x2 ≤ θ, with θ = 8, 9, 7 and 9.5 for variants 0 to 3; x3 is irrelevant. Each label is flipped with probability noise (the paper's 10% by default; River's default is 0). The same seed gives the same rows; concatenate two variants, or join them with concept_drift_stream, for a sudden or gradual concept drift.",
        example: "let stream = concat(sea(5000, variant: 0), sea(5000, variant: 2, seed: 2))"
    ) { arguments, _ in
        let (count, variant) = (try rowCount(arguments), try arguments.integer(nil, "variant", default: 0))
        let noise = try arguments.number(nil, "noise", default: 0.1), seed = try seed(arguments)
        return .frame(try rewordingCoreErrors(prefix: "SEA") { try Synthetic.sea(count: count, variant: variant, noise: noise, seed: seed) })
    },
    Builtin(
        "stagger(n, concept: 0, seed: 1)",
        doc: "n rows of the STAGGER concepts (Schlimmer & Granger, \"Incremental learning from noisy data\", Machine Learning 1986): string features size (small, medium, large), color (red, green, blue) and shape (square, circle, triangle), each uniform, and a boolean target y. Concept 0: size is small and color is red; 1: color is green or shape is circle; 2: size is medium or large (River's numbering). No label noise. The same seed gives the same rows.",
        example: "let stream = concat(stagger(1000, concept: 0), stagger(1000, concept: 1, seed: 2))"
    ) { arguments, _ in
        let (count, concept, seed) = (try rowCount(arguments), try arguments.integer(nil, "concept", default: 0), try seed(arguments))
        return .frame(try rewordingCoreErrors(prefix: "STAGGER") { try Synthetic.stagger(count: count, concept: concept, seed: seed) })
    },
    Builtin(
        "hyperplane(n, features: 10, drift: 0.001, drift_features: 2, noise: 0.05, reversal: 0.1, seed: 1)",
        doc: "n rows of a rotating hyperplane (Hulten, Spencer & Domingos, \"Mining time-changing data streams\", KDD 2001) with River's parameterisation: numeric features x1 … x<features> uniform in [0, 1), weights w uniform in [0, 1), and a boolean target y = Σ wᵢxᵢ ≥ ½ Σ wᵢ. After every row the first drift_features weights move by drift in their current direction, and each direction reverses with probability reversal, so the boundary turns slowly: a gradual drift (drift: 0 for a fixed hyperplane, River's default). Each label is flipped with probability noise. The same seed gives the same rows.",
        example: "let stream = hyperplane(10000, features: 5, drift: 0.01)"
    ) { arguments, _ in
        let features = try arguments.integer(nil, "features", default: 10, in: 0...10_000)
        let count = try rowCount(arguments, columns: features + 1)
        let drift = try arguments.number(nil, "drift", default: 0.001), driftFeatures = try arguments.integer(nil, "drift_features", default: 2)
        let noise = try arguments.number(nil, "noise", default: 0.05), reversal = try arguments.number(nil, "reversal", default: 0.1)
        let seed = try seed(arguments)
        return .frame(try rewordingCoreErrors(prefix: "hyperplane") {
            try Synthetic.rotatingHyperplane(count: count, features: features, drift: drift, driftFeatures: driftFeatures,
                                             noise: noise, reversal: reversal, seed: seed)
        })
    },
    Builtin(
        "agrawal(n, function: 0, perturbation: 0, seed: 1)",
        doc: "n rows of Agrawal's loan-application generator (Agrawal, Imielinski & Swami, \"Database mining: a performance perspective\", IEEE TKDE 1993): numeric attributes salary, commission, age, elevel, car, zipcode, hvalue, hyears and loan, drawn as in River and MOA, and a boolean target y given by one of the paper's ten classification functions (function 0 to 9; 0 is: age < 40 or age ≥ 60). perturbation (0 to 1) adds River's attribute noise after labelling. Follows the paper where River differs: function 4 compares loan, and hvalue is (9 − zipcode) · 100000 · U[0.5, 1.5). The same seed gives the same rows; switching function is a concept drift.",
        example: "let stream = concat(agrawal(2000, function: 0), agrawal(2000, function: 2, seed: 2))"
    ) { arguments, _ in
        let (count, function) = (try rowCount(arguments), try arguments.integer(nil, "function", default: 0))
        let perturbation = try arguments.number(nil, "perturbation", default: 0), seed = try seed(arguments)
        return .frame(try rewordingCoreErrors(prefix: "Agrawal") {
            try Synthetic.agrawal(count: count, function: function, perturbation: perturbation, seed: seed)
        })
    },
    Builtin(
        "concept_drift_stream(before, after, position: 5000, width: 1000, seed: 1)",
        doc: "Joins two frames with the same columns into one stream that drifts from before to after, as River's ConceptDriftStream (after MOA): row i is the next unused row of after with probability 1 / (1 + e^(−4 (i − position) / width)), otherwise the next unused row of before. So the switch is centred on row position and takes about width rows; width: 1 gives a sudden change. The result ends as soon as the frame it must draw from has run out, so it is at most nrow(before) + nrow(after) rows long. Seeded: the same seed gives the same interleaving.",
        example: "let stream = concept_drift_stream(sea(10000), sea(10000, variant: 2, seed: 2), position: 5000, width: 500)"
    ) { arguments, _ in
        let before = try arguments.frame(0, "before"), after = try arguments.frame(1, "after")
        let position = try arguments.integer(nil, "position", default: 5000), width = try arguments.integer(nil, "width", default: 1000)
        let seed = try seed(arguments)
        return .frame(try rewordingCoreErrors(prefix: "concept drift stream") {
            try Synthetic.conceptDriftStream(before: before, after: after, position: position, width: width, seed: seed)
        })
    },
    Builtin(
        "covariate_shift(df, column, from: 0, shift: 0, scale: 1)",
        doc: "A copy of df in which the numeric column changes from row from on (0-based): each value x becomes x * scale + shift; earlier rows, other columns and missing values are unchanged. A covariate (feature) shift with a known start, for checking that drift tests and detectors find it.",
        example: "let shifted = covariate_shift(current, \"income\", from: 200, scale: 1.2)"
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let name = try arguments.string(1, "column")
        let from = try firstRow(arguments, frame)
        let shift = try arguments.number(nil, "shift", default: 0), scale = try arguments.number(nil, "scale", default: 1)
        let original = try column(frame, name)
        guard case .numeric(let numbers) = original else {
            throw BuiltinError("column '\(name)' must hold numbers to shift, but it holds \(kindWord(original))")
        }
        var values = numbers.values
        for i in from..<values.count { values[i] = values[i] * scale + shift }
        return .frame(try frame.withColumn(name, .numeric(NumericColumn(values))))
    },
    Builtin(
        "prior_shift(df, target: \"y\", share: 0.5, seed: 1)",
        doc: "A copy of df resampled so that the positive class of the target column makes up share of the rows: a prior (label) shift. The target must have exactly two classes and no missing values; the positive class is the later of the two in sorted order (true, 1, or the second string alphabetically). The result keeps n = nrow(df) rows: round(share · n) drawn with replacement from the positive rows and the rest with replacement from the other rows, seeded, then put back in their original row order (a row drawn twice appears twice), so the features' distribution within each class is unchanged.",
        example: "let skewed = prior_shift(current, target: \"approved\", share: 0.3)"
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let name = try arguments.string(nil, "target", default: "y")
        let target = try column(frame, name)
        let wanted = try share(arguments, default: 0.5)
        if target.missingCount > 0 { throw BuiltinError("target column '\(name)' has \(target.missingCount) missing values") }
        // Whether each row is in the positive (later) class.
        let positive: [Bool]
        switch target {
        case .boolean(let flags):
            positive = flags.values.map { $0 == 1 }
            if Set(positive).count != 2 { throw BuiltinError("target column '\(name)' needs two classes, but every value is \(positive.first ?? false)") }
        case .numeric(let numbers):
            let classes = Set(numbers.values).sorted()
            guard classes.count == 2 else { throw BuiltinError("target column '\(name)' needs exactly two classes, got \(classes.count)") }
            positive = numbers.values.map { $0 == classes[1] }
        case .text(let text):
            let classes = Set((0..<text.count).compactMap { text[$0] }).sorted()
            guard classes.count == 2 else { throw BuiltinError("target column '\(name)' needs exactly two classes, got \(classes.count)") }
            positive = (0..<text.count).map { text[$0] == classes[1] }
        case .time:
            throw BuiltinError("target column '\(name)' is a \(target.typeName) column; it needs two classes")
        }
        let positives = positive.indices.filter { positive[$0] }, negatives = positive.indices.filter { !positive[$0] }
        let n = frame.rowCount
        let wantedPositives = Int((wanted * Double(n)).rounded())
        var generator = SeededGenerator(seed: try seed(arguments))
        var rows = (0..<wantedPositives).map { _ in positives[draw(positives.count, &generator)] }
        rows += (0..<(n - wantedPositives)).map { _ in negatives[draw(negatives.count, &generator)] }
        return .frame(try gathering(frame, rows.sorted()))
    },
    Builtin(
        "new_categories(df, column, from: 0, values: [\"new\"], share: 0.3, seed: 1)",
        doc: "A copy of df in which, from row from on (0-based), a share of the string column's values is replaced by new categories: round(share · m) of those m rows, chosen at random, each get one of values picked at random (both seeded). Earlier rows and other columns are unchanged. Models the arrival of categories unseen in training — a new region, product or device — which the categorical drift tests list in new_categories.",
        example: "let current2 = new_categories(current, \"region\", from: 200, values: [\"islands\"], share: 0.1)"
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        let name = try arguments.string(1, "column")
        let from = try firstRow(arguments, frame)
        let wanted = try share(arguments, default: 0.3)
        let newValues = arguments.optional(nil, "values") == nil ? ["new"] : try arguments.strings(nil, "values")
        if newValues.isEmpty { throw BuiltinError("argument 'values' must hold at least one category") }
        let original = try column(frame, name)
        guard case .text(var text) = original else {
            throw BuiltinError("column '\(name)' must hold strings, but it holds \(kindWord(original))")
        }
        var codes: [Int32] = []
        for value in newValues {
            if let code = text.levels.firstIndex(of: value) {
                codes.append(Int32(code))
            } else {
                codes.append(Int32(text.levels.count))
                text.levels.append(value)
            }
        }
        // A partial Fisher–Yates shuffle of the rows from `from` on picks the rows to replace.
        var generator = SeededGenerator(seed: try seed(arguments))
        var candidates = Array(from..<frame.rowCount)
        let replaced = Int((wanted * Double(candidates.count)).rounded())
        for k in 0..<replaced {
            candidates.swapAt(k, k + draw(candidates.count - k, &generator))
            text.codes[candidates[k]] = codes[draw(codes.count, &generator)]
        }
        return .frame(try frame.withColumn(name, .text(text)))
    },
]
