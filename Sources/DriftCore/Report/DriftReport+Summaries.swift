// DriftReport+Summaries: a drift report between two summary sources (two scanned CSV files, later two tables),
// choosing and running each column's test from summaries (`DriftTests.run(_:reference:current:)`), so no
// rows are loaded. One pass per source (both at once) makes the summaries of the report's columns; a binned
// method on numbers adds a counting pass.

extension DriftReport {
    /// The report between two summarised sources; the parameters are those of the data frame report.
    public init(
        reference: SummaryCache, current: SummaryCache, columns: [String]? = nil, method: String? = nil,
        methods: [String: String] = [:], threshold: Double? = nil, share: Double = 0.5
    ) throws {
        let names = try DriftReport.validated(
            referenceNames: reference.source.columnNames, currentNames: current.source.columnNames, columns: columns,
            method: method, methods: methods, share: share, source: "source")
        let (referenceSummaries, currentSummaries) = try SummaryCache.summaries(names, reference, current)
        rows = try names.map { name in
            try Cancellation.check()
            let a = referenceSummaries[name], b = currentSummaries[name]
            return DriftReport.row(name, referenceMissingShare: a.map(DriftReport.missingShare),
                                   currentMissingShare: b.map(DriftReport.missingShare)) {
                guard let a, let b else { return nil }
                try DriftReport.untestedIfTime(a.type, b.type)
                let kind = ColumnDriftRule.kind(reference: a, current: b)
                return (kind, {
                    try methods[name] ?? method ?? ColumnDriftRule.method(kind: kind, referenceRows: a.rowCount) {
                        try CategoryTable(reference: a.categories ?? CategoryCounts(type: a.type ?? .text),
                                          current: b.categories ?? CategoryCounts(type: b.type ?? .text),
                                          referenceMissing: a.missing, currentMissing: b.missing).categories.count
                    }
                }, { chosen in
                    try DriftTests.run(chosen, reference: SummarizedColumn(reference, name), current: SummarizedColumn(current, name),
                                       threshold: threshold, kind: kind)
                })
            }
        }
        shareThreshold = share
    }

    static func missingShare(_ summary: ColumnSummary) -> Double {
        summary.rowCount == 0 ? 0 : Double(summary.missing) / Double(summary.rowCount)
    }
}

extension ColumnDriftRule {
    /// The kind from summaries: numbers with more than 5 distinct values over both samples (or too many to
    /// count) are numeric; everything else is categorical.
    public static func kind(reference: ColumnSummary, current: ColumnSummary) -> ColumnKind {
        guard reference.type == .numeric, current.type == .numeric else { return .categorical }
        guard var distinct = reference.categories, let other = current.categories else { return .numeric }
        distinct.merge(other)
        return distinct.distinctCount > maximumCategoriesOfNumbers ? .numeric : .categorical
    }
}
