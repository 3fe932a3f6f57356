// UnivariateMonitor: NannyML 0.13's univariate drift over time. Both frames are split into chunks the same way;
// every chunk — the reference's own too — is compared with the whole reference by each method, and each method's
// thresholds come from the values of the reference chunks (`MonitorThreshold`). A chunk alerts when its value
// leaves the band (chi2: when its p-value is below 0.05). Columns run in parallel; a column's methods share its
// sorted reference and each sorted chunk. Period chunks refer
// to the frames sorted by their timestamp; the methods are fitted on the whole reference all the same.

/// Whether a chunk comes from the reference or the analysis data.
public enum MonitorPeriod: String, Sendable {
    case reference, analysis
}

/// The methods for numeric columns and for categorical (text, boolean) ones.
public struct MonitorMethods: Sendable, Equatable {
    public var numeric: [MonitorMethod]
    public var categorical: [MonitorMethod]

    /// NannyML's quick-start choice: KS and Jensen–Shannon for numbers, chi2 and Jensen–Shannon for categories.
    public static let standard = MonitorMethods(
        unchecked: [.method(.ks), .method(.js)], [.method(.chi2), .method(.js)])

    /// Checks that each method takes its side's columns.
    public init(numeric: [MonitorMethod], categorical: [MonitorMethod]) throws {
        for method in numeric where !method.takesNumbers {
            throw DataError("\(method.name) compares categories, not numbers; numeric methods: \(MonitorMethod.all.filter(\.takesNumbers).map(\.name).joined(separator: ", "))")
        }
        for method in categorical where !method.takesCategories {
            throw DataError("\(method.name) compares numbers, not categories; categorical methods: \(MonitorMethod.all.filter(\.takesCategories).map(\.name).joined(separator: ", "))")
        }
        self.numeric = numeric
        self.categorical = categorical
    }

    private init(unchecked numeric: [MonitorMethod], _ categorical: [MonitorMethod]) {
        self.numeric = numeric
        self.categorical = categorical
    }
}

public struct UnivariateMonitor: Sendable {
    public struct Row: Sendable {
        public let chunk: Chunk
        public let period: MonitorPeriod
        public let column: String
        public let method: MonitorMethod
        public let value: Double
        public let lower: Double?
        public let upper: Double?
        public let alert: Bool
    }

    public let referenceChunks: [Chunk]
    public let analysisChunks: [Chunk]
    public let columns: [String]
    public let chunking: Chunking
    /// Column by column, method by method: the reference chunks, then the analysis chunks.
    public let rows: [Row]

    /// - Parameters:
    ///   - columns: the columns to watch (default: every column of the reference that the analysis data has).
    ///   - threshold: overrides each method's default threshold (chi2 keeps alerting on its p-value).
    public init(
        reference: DataFrame, analysis: DataFrame, columns: [String]? = nil, methods: MonitorMethods = .standard,
        chunking: Chunking, threshold: MonitorThreshold? = nil
    ) throws {
        let (reference, referenceChunks) = try chunking.split(reference, "the reference")
        let (analysis, analysisChunks) = try chunking.split(analysis, "the analysis data")
        let names = columns ?? reference.names.filter { analysis.column(named: $0) != nil }
        guard !names.isEmpty else { throw DataError("no columns to monitor") }
        let monitored = try names.map { try MonitoredColumn($0, reference: reference, analysis: analysis) }
        for (name, column) in zip(names, monitored) where (column.isNumeric ? methods.numeric : methods.categorical).isEmpty {
            let fitting = MonitorMethod.all.filter { column.isNumeric ? $0.takesNumbers : $0.takesCategories }.map(\.name)
            throw DataError("column '\(name)' holds \(column.kindName), and none of the methods given compares \(column.kindName) (methods for \(column.kindName): \(fitting.joined(separator: ", ")))")
        }
        let tasks = Array(zip(names, monitored))
        let progress = Progress.start("monitor", total: tasks.count)
        defer { progress.finish() }
        let results = concurrentMap(tasks.count) { index -> Result<[Row], any Error> in
            let (name, column) = tasks[index]
            defer { progress.advance() }
            return Result {
                try Self.rows(name, column, column.isNumeric ? methods.numeric : methods.categorical, threshold: threshold,
                              referenceChunks: referenceChunks, analysisChunks: analysisChunks)
            }
        }
        try Cancellation.check()
        rows = try results.flatMap { try $0.get() }
        self.referenceChunks = referenceChunks
        self.analysisChunks = analysisChunks
        self.columns = names
        self.chunking = chunking
    }

    init(rows: [Row], referenceChunks: [Chunk], analysisChunks: [Chunk], columns: [String], chunking: Chunking) {
        self.rows = rows
        self.referenceChunks = referenceChunks
        self.analysisChunks = analysisChunks
        self.columns = columns
        self.chunking = chunking
    }

    /// One column's rows, method by method: each fitted on the whole reference, then a value per chunk (a number
    /// column's chunks sorted once, together, for every method: ChunkOrder).
    private static func rows(
        _ name: String, _ column: MonitoredColumn, _ methods: [MonitorMethod], threshold: MonitorThreshold?,
        referenceChunks: [Chunk], analysisChunks: [Chunk]
    ) throws -> [Row] {
        func fitted(_ fit: (MonitorMethod) throws -> FittedStatistic) throws -> [FittedStatistic] {
            try methods.map { method in
                do {
                    return try fit(method)
                } catch let error as DataError {
                    throw DataError("column '\(name)', \(method.name): \(error.message)")
                }
            }
        }
        /// Each chunk's values, method by method; Ctrl-C is checked between chunks.
        func eachChunk<Item>(_ items: [Item], _ value: (Item) -> [ChunkValue]) throws -> [[ChunkValue]] {
            try items.map { item in
                try Cancellation.check()
                return value(item)
            }
        }
        let referenceValues: [[ChunkValue]], analysisValues: [[ChunkValue]]
        switch column {
        case .numbers(let reference, let analysis):
            let (sorted, _) = try SamplePair.sortedPresent(reference)
            let statistics = try fitted { try FittedStatistic($0.statistic, sortedNumbers: sorted) }
            let counted = statistics.contains(where: \.needsReferenceCounts) ? sorted : nil
            // One period at a time, so only one period's sorted chunks are held.
            referenceValues = try eachChunk(ChunkOrder.sortedChunks(reference, chunks: referenceChunks, rankingIn: counted)) { chunk in
                statistics.map { $0.value(chunk) }
            }
            analysisValues = try eachChunk(ChunkOrder.sortedChunks(analysis, chunks: analysisChunks, rankingIn: counted)) { chunk in
                statistics.map { $0.value(chunk) }
            }
        case .categories(let reference, let analysis, let labels):
            let statistics = try fitted { try FittedStatistic($0.statistic, codes: reference[...], categoryCount: labels.count) }
            referenceValues = try eachChunk(referenceChunks) { chunk in statistics.map { $0.value(codes: reference[chunk.rows]) } }
            analysisValues = try eachChunk(analysisChunks) { chunk in statistics.map { $0.value(codes: analysis[chunk.rows]) } }
        }
        return methods.enumerated().flatMap { k, method in
            rows(name, method, threshold: threshold ?? method.defaultThreshold,
                 reference: zip(referenceChunks, referenceValues.map { $0[k] }), analysis: zip(analysisChunks, analysisValues.map { $0[k] }))
        }
    }

    /// One column and method's rows from its chunks' values: the thresholds from the reference chunks', and alerts.
    static func rows(
        _ name: String, _ method: MonitorMethod, threshold: MonitorThreshold,
        reference: Zip2Sequence<[Chunk], [ChunkValue]>, analysis: Zip2Sequence<[Chunk], [ChunkValue]>
    ) -> [Row] {
        let referenceValues = reference.map(\.1)
        let (lower, upper): (Double?, Double?) = method.alertsOnPValue ? (nil, nil)
            : threshold.bounds(of: referenceValues.map(\.value), lowerLimit: method.lowerLimit, upperLimit: method.upperLimit)
        func row(_ chunk: Chunk, _ period: MonitorPeriod, _ value: ChunkValue) -> Row {
            let alert = method.alertsOnPValue
                ? (value.pValue ?? 1) < MonitorMethod.pValueAlert
                : lower.map { value.value < $0 } == true || upper.map { value.value > $0 } == true
            return Row(chunk: chunk, period: period, column: name, method: method, value: value.value, lower: lower, upper: upper, alert: alert)
        }
        return reference.map { row($0, .reference, $1) } + analysis.map { row($0, .analysis, $1) }
    }

    /// The analysis rows that alerted.
    public var alerts: [Row] { rows.filter { $0.alert && $0.period == .analysis } }

    /// The result as a data frame: chunk, key, start, end, period, column, method, value, lower, upper, alert.
    public func table() throws -> DataFrame {
        func numbers(_ value: (Row) -> Double?) -> Column { .numeric(NumericColumn(rows.map { value($0) ?? .nan })) }
        func texts(_ value: (Row) -> String) -> Column { .text(TextColumn(rows.map(value))) }
        return try DataFrame(ChunkColumns.leading(rows.map { ($0.chunk, $0.period) }) + [
            ("column", texts(\.column)),
            ("method", texts(\.method.name)),
            ("value", numbers(\.value)),
            ("lower", numbers(\.lower)),
            ("upper", numbers(\.upper)),
            ("alert", .boolean(BoolColumn(rows.map(\.alert)))),
        ])
    }
}
