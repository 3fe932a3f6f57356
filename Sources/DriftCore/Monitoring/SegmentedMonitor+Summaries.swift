// SegmentedMonitor+Summaries: the segmented monitor between two sources whose per-segment, per-chunk summaries the
// database computes (tables), from summaries instead of rows: the overall monitor as `UnivariateMonitor`'s from
// summaries, then every segment of each source in one more pass (SegmentedChunkedSummarySource), each segment's
// reference summaries fitting its bins and thresholds as the in-memory SegmentedMonitor does with its rows. New
// and vanished segments, labels, their order and the errors are the in-memory ones; values are as close as
// UnivariateMonitor+Summaries states.

extension SegmentedMonitor {
    public init(
        reference: any SegmentedChunkedSummarySource, analysis: any SegmentedChunkedSummarySource, by segmentColumn: String,
        columns: [String]? = nil, methods: MonitorMethods = .standard, chunking: Chunking, threshold: MonitorThreshold? = nil,
        options: ColumnSummary.Options = .init()
    ) throws {
        let names = columns ?? reference.columnNames.filter { $0 != segmentColumn && analysis.columnNames.contains($0) }
        if names.contains(segmentColumn) { throw DataError("'\(segmentColumn)' is the segment column; it cannot also be monitored") }
        let overall = try UnivariateMonitor(reference: reference, analysis: analysis, columns: names, methods: methods,
                                            chunking: chunking, threshold: threshold, options: options)
        let fitted = UnivariateMonitor.fittedEdges(methods)
        let fits = try reference.summarizeChunks(names, bySegment: segmentColumn, SegmentedChunkRequest(chunking: chunking, options: options) {
            _, column, summary, cubes in fitted(column, summary, cubes)
        })
        let edges = fits.mapValues { fit in (try? fit.get())?.binCounts.mapValues(\.edges) ?? [:] }
        let currents = try analysis.summarizeChunks(names, bySegment: segmentColumn, SegmentedChunkRequest(chunking: chunking, options: options) {
            segment, column, _, _ in edges[segment]?[column]
        })
        let inReference = Set(fits.keys), inAnalysis = Set(currents.keys)
        let segments = try inReference.intersection(inAnalysis).sorted().compactMap { label -> (name: String, monitor: UnivariateMonitor)? in
            try Cancellation.check()
            guard let fit = fits[label], let current = currents[label] else { return nil }
            do {
                let monitor = try UnivariateMonitor(fit: try fit.get(), current: try current.get(),
                                                    columns: names, methods: methods, chunking: chunking, threshold: threshold)
                return (name: label, monitor: monitor)
            } catch let error as DataError {
                throw DataError("segment \(segmentColumn) = \(label): \(error.message)")
            }
        }
        self.init(segmentColumn: segmentColumn, overall: overall, segments: segments,
                  newSegments: inAnalysis.subtracting(inReference).sorted(), vanishedSegments: inReference.subtracting(inAnalysis).sorted())
    }
}
