// SegmentedMonitor: univariate drift over time for the whole data and for each segment of it — the rows sharing
// a value of a text or boolean column (Evidently's segment views). Each segment's reference rows are the
// reference for its analysis rows, chunked as the whole; a segment only one side has is listed as new (analysis
// only) or vanished (reference only) instead. Rows missing the segment value count in the overall block only.

public struct SegmentedMonitor: Sendable {
    public let segmentColumn: String
    public let overall: UnivariateMonitor
    /// The segments both sides have, by label, with their monitors.
    public let segments: [(name: String, monitor: UnivariateMonitor)]
    /// Segments only the analysis data has, and only the reference has.
    public let newSegments: [String]
    public let vanishedSegments: [String]

    public init(
        reference: DataFrame, analysis: DataFrame, by segmentColumn: String, columns: [String]? = nil,
        methods: MonitorMethods = .standard, chunking: Chunking, threshold: MonitorThreshold? = nil
    ) throws {
        guard case .categories(let referenceCodes, let analysisCodes, let labels) = try MonitoredColumn(segmentColumn, reference: reference, analysis: analysis) else {
            throw DataError("segments come from a text or boolean column; '\(segmentColumn)' holds numbers")
        }
        let names = columns ?? reference.names.filter { $0 != segmentColumn && analysis.column(named: $0) != nil }
        if names.contains(segmentColumn) { throw DataError("'\(segmentColumn)' is the segment column; it cannot also be monitored") }
        overall = try UnivariateMonitor(reference: reference, analysis: analysis, columns: names, methods: methods, chunking: chunking, threshold: threshold)
        let inReference = Set(referenceCodes.filter { $0 >= 0 }), inAnalysis = Set(analysisCodes.filter { $0 >= 0 })
        func sortedLabels(_ codes: Set<Int32>) -> [String] { codes.map { labels[Int($0)] }.sorted() }
        newSegments = sortedLabels(inAnalysis.subtracting(inReference))
        vanishedSegments = sortedLabels(inReference.subtracting(inAnalysis))
        segments = try inReference.intersection(inAnalysis).sorted { labels[Int($0)] < labels[Int($1)] }.map { code in
            try Cancellation.check()
            let label = labels[Int(code)]
            do {
                let monitor = try UnivariateMonitor(
                    reference: try reference.filtered(by: BoolColumn(referenceCodes.map { $0 == code })),
                    analysis: try analysis.filtered(by: BoolColumn(analysisCodes.map { $0 == code })),
                    columns: names, methods: methods, chunking: chunking, threshold: threshold)
                return (label, monitor)
            } catch let error as DataError {
                throw DataError("segment \(segmentColumn) = \(label): \(error.message)")
            }
        }
        self.segmentColumn = segmentColumn
    }

    init(segmentColumn: String, overall: UnivariateMonitor, segments: [(name: String, monitor: UnivariateMonitor)],
         newSegments: [String], vanishedSegments: [String]) {
        self.segmentColumn = segmentColumn
        self.overall = overall
        self.segments = segments
        self.newSegments = newSegments
        self.vanishedSegments = vanishedSegments
    }

    /// The overall table, then each segment's, with a first column `segment` ("overall" or the segment's label).
    public func table() throws -> DataFrame {
        let blocks = [("overall", overall)] + segments.map { ($0.name, $0.monitor) }
        return try DataFrame.concatenating(try blocks.map { name, monitor in
            let table = try monitor.table()
            let segment = Column.text(TextColumn(Array(repeating: name, count: table.rowCount)))
            return DataFrame(validNames: ["segment"] + table.names, columns: [segment] + table.columns)
        })
    }
}
