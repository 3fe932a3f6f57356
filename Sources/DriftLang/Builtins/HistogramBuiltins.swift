// Histogram builtins: one sample's distribution, or a reference and a current one on shared bins.
import DriftCore

let histogramBuiltins: [Builtin] = [
    Builtin(
        "hist(values, current = null, bins: 10, edges: null, labels: null)",
        doc: "A histogram. On numbers: equal-width bins over [min, max] with counts identical to numpy.histogram (the last bin is closed), or the given edges; fields edges, counts, shares, missing. On strings or booleans: fields categories, counts, shares, most frequent first. On a lazy column (scan_csv or table) the counts are the same, made in a pass over the source. With a second vector, the two samples on shared bins (equal-width over both ranges, or the union of categories) shown side by side, with fields reference_counts, current_counts, reference_shares, current_shares; labels: names the two samples in the chart ([\"weekday\", \"weekend\"]; \"reference\" and \"current\" by default).",
        example: "hist(reference.age, current.age, bins: 12)"
    ) { arguments, _ in
        if let lazy = arguments.lazyColumn(0, "values"), arguments.optional(1, "current") == nil {
            return try LazyColumns.histogram(lazy, arguments)
        }
        let values = try arguments.column(0, "values")
        if arguments.optional(1, "current") != nil {
            return try comparison(values, try arguments.column(1, "current"), arguments)
        }
        switch values {
        case .numeric(let column):
            return .object(HistogramObject(.numeric(try numericHistogram(column.values, arguments))))
        case .text, .boolean:
            return .object(HistogramObject(.categorical(CategoricalHistogram(values))))
        case .time(let column):
            throw BuiltinError(#"a histogram takes numbers, strings or booleans, not a \#(column.kind.rawValue) vector; count times per period with count_by(window(df, by: "ts", every: "1d"), "window"), or take a part such as hist(hour(t))"#)
        }
    },
    Builtin(
        "compare_hist(reference, current, bins: 10, labels: null)",
        doc: "The reference and current samples on shared bins, side by side — the same as hist(reference, current), labels: included.",
        example: "compare_hist(reference.region, current.region)"
    ) { arguments, _ in
        try comparison(try arguments.column(0, "reference"), try arguments.column(1, "current"), arguments)
    },
]

private func numericHistogram(_ values: [Double], _ arguments: Arguments) throws -> Histogram {
    switch arguments.optional(nil, "edges") {
    case nil, .null?: return try Histogram(values, bins: try arguments.integer(nil, "bins", default: 10, in: 1...100_000))
    default: return try Histogram(values, edges: try arguments.numbers(nil, "edges"))
    }
}

private func comparison(_ reference: Column, _ current: Column, _ arguments: Arguments) throws -> Value {
    var names = ("reference", "current")
    if let given = arguments.optional(nil, "labels"), !given.isNull {
        let labels = try arguments.strings(nil, "labels")
        guard labels.count == 2 else { throw BuiltinError("labels: names the two samples, as [\"weekday\", \"weekend\"]; got \(counted(labels.count, "name"))") }
        names = (labels[0], labels[1])
    }
    if case .numeric(let a) = reference, case .numeric(let b) = current {
        let pair = try SamplePair(reference: a.values, current: b.values)
        let bins = try SharedBins(pair, binning: .uniform(bins: try arguments.integer(nil, "bins", default: 10, in: 1...100_000)))
        return .object(HistogramComparisonObject(
            labels: BinLabels.intervals(bins.edges), edges: bins.edges,
            referenceCounts: bins.referenceCounts, currentCounts: bins.currentCounts, sampleNames: names))
    }
    let table = try CategoryTable(reference: reference, current: current)
    return .object(HistogramComparisonObject(
        labels: table.categories, edges: nil, referenceCounts: table.referenceCounts, currentCounts: table.currentCounts,
        sampleNames: names))
}
