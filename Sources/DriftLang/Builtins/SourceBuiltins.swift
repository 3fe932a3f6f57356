// Source builtins: lazy sources that are summarised, never loaded (`scan_csv`), and the lazy-column versions
// of the statistics, histogram and drift-test builtins, which those builtins call when given a lazy column.
// Every statistic comes from the source's summaries (one streaming pass, cached); see DriftCore's
// SummaryDriftTests for which results are exact and which carry an error bound.
import DriftCore

let sourceBuiltins: [Builtin] = [
    Builtin(
        "scan_csv(path, sep: \",\", dates: null, date_format: null)",
        doc: "A lazy source over a CSV file that is never loaded whole: the file is read in 16 MB chunks in one streaming pass when a statistic is first asked for, and every column's summary (counts, mean, variance, min, max, exact per-value counts, a quantile sketch) is kept, so memory stays bounded whatever the file's size. src.column is a lazy column: count, missing, mean, sd, var, min, max, median, quantile, hist, value_counts, and the drift tests \(summaryMethodList) accept it; drift_report compares two lazy sources. Column types follow read_csv over the whole file.",
        example: #"let big = scan_csv("examples/data/credit_reference.csv")"#
    ) { arguments, _ in
        let source = try CSVScanSource(path: try arguments.string(0, "path"), options: try csvOptions(arguments))
        return .object(LazySourceObject(SummaryCache(source)))
    },
]

/// The drift methods that run on summaries, "a, b and c".
private var summaryMethodList: String {
    var names = DriftMethodDescriptor.summaryNames
    let last = names.popLast() ?? ""
    return names.joined(separator: ", ") + (names.isEmpty ? "" : " and ") + last
}

extension Arguments {
    /// The argument as a lazy column, or nil when it is something else.
    func lazyColumn(_ index: Int?, _ name: String) -> LazyColumnObject? {
        if case .object(let object as LazyColumnObject)? = optional(index, name) { return object }
        return nil
    }

    /// The argument as a lazy source, or nil when it is something else.
    func lazySource(_ index: Int?, _ name: String) -> LazySourceObject? {
        if case .object(let object as LazySourceObject)? = optional(index, name) { return object }
        return nil
    }

    /// Reference and current as lazy columns when both are; one lazy and one not is an error.
    func lazyPair() throws -> (LazyColumnObject, LazyColumnObject)? {
        let reference = lazyColumn(0, "reference"), current = lazyColumn(1, "current")
        if let reference, let current { return (reference, current) }
        if reference != nil || current != nil {
            throw BuiltinError("reference and current must both be lazy columns (from scan_csv) or both vectors")
        }
        return nil
    }
}

/// Lazy-column versions of the builtins that accept lazy columns.
enum LazyColumns {
    /// The statistic a reduction builtin (`mean`, `sd` …) names, from the column's summary (min and max from
    /// the source's facts when it knows them exactly, as a Parquet file's statistics).
    static func reduce(_ builtin: String, _ column: LazyColumnObject) throws -> Double {
        if builtin == "min" || builtin == "max", let range = try column.source.cache.knownRange(column.column) {
            return builtin == "min" ? range.minimum : range.maximum
        }
        let summary = try column.numericSummary(builtin)
        let moments = summary.moments
        switch builtin {
        case "sum": return summary.count == 0 ? 0 : moments.mean * Double(moments.count)
        case "mean": return moments.mean
        case "median": return summary.sketch.quantile(0.5)
        case "sd": return moments.standardDeviation
        case "var": return moments.variance
        case "min": return moments.minimum
        case "max": return moments.maximum
        default: throw BuiltinError("\(builtin) does not accept a lazy column")
        }
    }

    /// value_counts: exact counts, most frequent first.
    static func valueCounts(_ column: LazyColumnObject) throws -> Value {
        let counts = try column.categories().valueCounts()
        return .frame(try DataFrame([
            (name: "value", column: counts.values),
            (name: "count", column: .numeric(NumericColumn(counts.counts.map(Double.init)))),
        ]))
    }

    /// hist: numbers over numpy's equal-width edges from the exact min and max (or the given edges), counted
    /// exactly in a pass over the source; categories from the exact per-value counts.
    static func histogram(_ column: LazyColumnObject, _ arguments: Arguments) throws -> Value {
        let summary = try column.summary()
        guard summary.type == .numeric else {
            return .object(HistogramObject(.categorical(CategoricalHistogram(try column.categories(), missing: summary.missing))))
        }
        let edges: BinEdges
        switch arguments.optional(nil, "edges") {
        case nil, .null?:
            let bins = try arguments.integer(nil, "bins", default: 10, in: 1...100_000)
            let (low, high) = summary.count > 0 ? (summary.moments.minimum, summary.moments.maximum) : (0, 1)
            edges = BinEdges(try Histogram.equalWidthEdges(low, high, bins: bins), rule: .histogram)
        default:
            edges = BinEdges(try arguments.numbers(nil, "edges"), rule: .histogram)
            _ = try Histogram([], edges: edges.edges)  // the same checks of the edges as in memory
        }
        let counts = try column.source.cache.counts(column.column, edges)
        return .object(HistogramObject(.numeric(Histogram(edges: edges.edges, counts: counts, missing: summary.missing))))
    }

    /// A drift test by method name between two lazy columns.
    static func test(_ method: String, _ pair: (LazyColumnObject, LazyColumnObject), _ arguments: Arguments, threshold: Double) throws -> Value {
        .object(TestResultObject(try DriftTests.run(
            method, reference: pair.0.summarized, current: pair.1.summarized, threshold: threshold, binning: try binning(arguments))))
    }
}
