// SegmentedReport: a drift report for the whole data and for each segment of it — the rows sharing a value
// of a text or boolean column (`drift_report(ref, cur, by: "region")`, Evidently's segment views). Each
// segment's reference rows are compared with its current rows; a segment only one side has is listed as new
// (current only) or vanished (reference only). Rows missing the segment value count in the overall report only.

public struct SegmentedReport: Sendable {
    public let segmentColumn: String
    public let overall: DriftReport
    /// The segments both sides have, in label order, with their reports.
    public let segments: [(name: String, report: DriftReport)]
    public let newSegments: [String]
    public let vanishedSegments: [String]

    /// Reports over `columns` (default: every column but the segment column), with `DriftReport`'s options.
    public init(
        reference: DataFrame, current: DataFrame, by segmentColumn: String, columns: [String]? = nil, method: String? = nil,
        methods: [String: String] = [:], threshold: Double? = nil, share: Double = 0.5
    ) throws {
        let names = try Self.columns(columns, referenceNames: reference.names, currentNames: current.names, segmentColumn: segmentColumn)
        let referenceLabels = try Self.labels(reference, segmentColumn, side: "reference")
        let currentLabels = try Self.labels(current, segmentColumn, side: "current")
        func report(_ reference: DataFrame, _ current: DataFrame) throws -> DriftReport {
            try DriftReport(reference: reference, current: current, columns: names, method: method, methods: methods,
                            threshold: threshold, share: share)
        }
        overall = try report(reference, current)
        let inReference = Set(referenceLabels.compactMap { $0 }), inCurrent = Set(currentLabels.compactMap { $0 })
        segments = try inReference.intersection(inCurrent).sorted().map { label in
            do {
                return (label, try report(try Self.rows(of: reference, labelled: label, referenceLabels),
                                          try Self.rows(of: current, labelled: label, currentLabels)))
            } catch let error as DataError {
                throw DataError("segment \(segmentColumn) = \(label): \(error.message)")
            }
        }
        newSegments = inCurrent.subtracting(inReference).sorted()
        vanishedSegments = inReference.subtracting(inCurrent).sorted()
        self.segmentColumn = segmentColumn
    }

    /// Reports between two lazy sources that summarise their segments where the data is (two tables): the overall
    /// report from the caches, as without segments, and each segment's from the summaries one pass per source
    /// makes of every segment.
    public init(
        reference: SummaryCache, current: SummaryCache, by segmentColumn: String, columns: [String]? = nil, method: String? = nil,
        methods: [String: String] = [:], threshold: Double? = nil, share: Double = 0.5
    ) throws {
        guard let referenceSource = reference.source as? any SegmentedSummarySource,
              let currentSource = current.source as? any SegmentedSummarySource else {
            throw DataError("segments of lazy sources are summarised in the database: by: takes two table() sources, or two dataframes")
        }
        let names = try Self.columns(columns, referenceNames: referenceSource.columnNames, currentNames: currentSource.columnNames,
                                     segmentColumn: segmentColumn)
        overall = try DriftReport(reference: reference, current: current, columns: names, method: method, methods: methods,
                                  threshold: threshold, share: share)
        let options = reference.options
        let inReference = try referenceSource.segments(names.filter(referenceSource.columnNames.contains), by: segmentColumn, options: options)
        let inCurrent = try currentSource.segments(names.filter(currentSource.columnNames.contains), by: segmentColumn, options: options)
        segments = try Set(inReference.keys).intersection(inCurrent.keys).sorted().compactMap { label in
            guard let a = inReference[label], let b = inCurrent[label] else { return nil }
            do {
                return (label, try DriftReport(reference: SummaryCache(a, options: options), current: SummaryCache(b, options: options),
                                               columns: names, method: method, methods: methods, threshold: threshold, share: share))
            } catch let error as DataError {
                throw DataError("segment \(segmentColumn) = \(label): \(error.message)")
            }
        }
        newSegments = Set(inCurrent.keys).subtracting(inReference.keys).sorted()
        vanishedSegments = Set(inReference.keys).subtracting(inCurrent.keys).sorted()
        self.segmentColumn = segmentColumn
    }

    /// The columns to compare: `columns`, or every column either side has but the segment column.
    private static func columns(_ columns: [String]?, referenceNames: [String], currentNames: [String], segmentColumn: String) throws -> [String] {
        if columns?.contains(segmentColumn) == true {
            throw DataError("'\(segmentColumn)' is the segment column; it cannot also be compared")
        }
        return columns ?? (referenceNames + currentNames.filter { !referenceNames.contains($0) }).filter { $0 != segmentColumn }
    }

    /// Each row's segment label (nil where missing); the column must hold strings or booleans.
    private static func labels(_ frame: DataFrame, _ name: String, side: String) throws -> [String?] {
        switch frame.column(named: name) {
        case .text(let text)?: return (0..<text.count).map { text[$0] }
        case .boolean(let flags)?: return (0..<flags.count).map { flags[$0].map { $0 ? "true" : "false" } }
        case let other?:
            throw DataError("segments come from a string or boolean column; '\(name)' holds \(other.typeName) values")
        case nil:
            throw DataError("the \(side) data has no column '\(name)' to segment by; its columns are \(frame.names.joined(separator: ", "))")
        }
    }

    private static func rows(of frame: DataFrame, labelled label: String, _ labels: [String?]) throws -> DataFrame {
        try frame.filtered(by: BoolColumn(labels.map { $0 == label }))
    }

    /// The overall table, then each segment's, with a first column `segment` ("overall" or the label).
    public func table() throws -> DataFrame {
        let blocks = [("overall", overall)] + segments.map { ($0.name, $0.report) }
        let tables = try blocks.map { name, report -> DataFrame in
            let table = try report.table()
            let segment = Column.text(TextColumn(Array(repeating: name, count: table.rowCount)))
            return DataFrame(validNames: ["segment"] + table.names, columns: [segment] + table.columns)
        }
        return try DataFrame.concatenating(tables)
    }
}
