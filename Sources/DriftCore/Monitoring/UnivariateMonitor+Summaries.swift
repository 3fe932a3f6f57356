// UnivariateMonitor+Summaries: the univariate monitor between two chunked summary sources (tables whose per-chunk
// summaries the database computes), from summaries instead of rows. How close each method comes to the
// in-memory monitor on the same rows in the same order:
// - chi2, js, hellinger, l_infinity on categories: exact — the per-chunk category counts are exact and the same
//   formulas run on them (equal up to the order of a sum).
// - js and hellinger on numbers: the reference's Doane bins come from its count, range and skewness (Σ (x − mean)³
//   from the database), and the chunks' counts in them are exact, so values are equal up to rounding (unless the
//   rounding moves Doane's bin count across a whole number).
// - ks and wasserstein: from each chunk's and the reference's sketches (exact while a column's groups each hold
//   one distinct value, as they do for a column with at most the sketch's capacity of values); beyond, the KS
//   statistic is within ε_ref + ε_chunk of the true one and Wasserstein within the bound `DriftTests.approximateWasserstein`
//   states, ε being each sketch's `rankError`.
// Thresholds and alerts are computed from these values exactly as in memory.

extension UnivariateMonitor {
    /// Monitors `columns` of two chunked sources (default: every reference column the analysis source has).
    public init(
        reference: any ChunkedSummarySource, analysis: any ChunkedSummarySource, columns: [String]? = nil,
        methods: MonitorMethods = .standard, chunking: Chunking, threshold: MonitorThreshold? = nil,
        options: ColumnSummary.Options = .init()
    ) throws {
        let names = columns ?? reference.columnNames.filter(analysis.columnNames.contains)
        guard !names.isEmpty else { throw DataError("no columns to monitor") }
        for name in names where !reference.columnNames.contains(name) { throw DataError("no column '\(name)' in the reference") }
        for name in names where !analysis.columnNames.contains(name) { throw DataError("no column '\(name)' in the analysis data") }
        let fit = try reference.summarizeChunks(names, ChunkedSummaryRequest(chunking: chunking, options: options, edges: Self.fittedEdges(methods)))
        let edges = fit.binCounts.mapValues(\.edges)
        let current = try analysis.summarizeChunks(names, ChunkedSummaryRequest(chunking: chunking, options: options) { name, _, _ in edges[name] })
        try self.init(fit: fit, current: current, columns: names, methods: methods, chunking: chunking, threshold: threshold)
    }

    /// The edges a reference's numeric column is binned on, given its summary and Σ (x − mean)³: Doane's bins when
    /// one of `methods` bins numbers (js, hellinger), none otherwise.
    static func fittedEdges(_ methods: MonitorMethods) -> @Sendable (String, ColumnSummary, Double) -> BinEdges? {
        let binned = methods.numeric.contains { $0.statistic == .js || $0.statistic == .hellinger }
        return { _, summary, cubes in
            guard binned, summary.type == .numeric, summary.count > 0 else { return nil }
            return BinEdges(DoaneBins.edges(summary, cubedDeviations: cubes), rule: .histogram)
        }
    }

    /// Monitors `names` from the reference's chunked summaries (`fit`, binned on the edges it was asked for) and the
    /// analysis data's (`current`, binned on the same edges).
    init(fit: ChunkedSummaryResult, current: ChunkedSummaryResult, columns names: [String], methods: MonitorMethods,
         chunking: Chunking, threshold: MonitorThreshold?) throws {
        guard !fit.chunks.isEmpty else { throw chunking.noChunks("the reference") }
        guard !current.chunks.isEmpty else { throw chunking.noChunks("the analysis data") }
        var rows: [Row] = []
        for name in names {
            guard let whole = fit.summaries[name], let analysisWhole = current.summaries[name] else { throw DataError("no summary of column '\(name)'") }
            guard whole.type == analysisWhole.type else {
                throw DataError("column '\(name)' holds \(whole.typeName ?? "") values in the reference but \(analysisWhole.typeName ?? "") values in the analysis data")
            }
            let numeric = whole.type == .numeric
            let chosen = numeric ? methods.numeric : methods.categorical
            guard !chosen.isEmpty else { throw DataError("column '\(name)' holds \(numeric ? "numbers" : "categories"), and none of the methods given compares them") }
            for method in chosen {
                try Cancellation.check()
                let values = try SummaryChunkValues(method, whole: whole, bins: fit.binCounts[name].map { ($0.edges, $0.whole) },
                                                    chunks: (fit.chunkSummaries[name] ?? []) + (current.chunkSummaries[name] ?? []))
                func chunkValues(_ result: ChunkedSummaryResult) throws -> [ChunkValue] {
                    let summaries = result.chunkSummaries[name] ?? [], counts = result.binCounts[name]?.chunks
                    return try summaries.indices.map { try values.value(summaries[$0], binCounts: counts?[$0]) }
                }
                rows += Self.rows(name, method, threshold: threshold ?? method.defaultThreshold,
                                  reference: zip(fit.chunks, try chunkValues(fit)), analysis: zip(current.chunks, try chunkValues(current)))
            }
        }
        self.init(rows: rows, referenceChunks: fit.chunks, analysisChunks: current.chunks, columns: names, chunking: chunking)
    }
}
