// ColumnSummary: everything the summary-based statistics and drift tests need about one column, built in one
// streaming pass over chunks and mergeable: row and missing counts, moments (mean, variance, min, max), a
// quantile sketch and a fine grid histogram for numbers, and exact per-value counts (always for text and
// booleans, for numbers while they have few distinct values). Merging two summaries gives the summary of the
// union: counts exactly, moments up to rounding, the sketch within its tracked bound.

/// A chunk's column is of another type than the chunks before it (numbers, then text): the caller decides
/// how to resolve it (a CSV scan reads the column again as text, as the in-memory reader would).
public struct SummaryTypeConflict: Error, Sendable {
    public let type: ColumnType
    public let conflicting: ColumnType
}

/// The summary of one column's values so far.
public struct ColumnSummary: Sendable, Equatable {
    /// Sizes of the summary's parts; every summary merged together must use the same options.
    public struct Options: Sendable, Equatable, Hashable {
        public var sketchCapacity = QuantileSketch.defaultCapacity
        public var gridBins = GridHistogram.defaultMaximumBins
        /// Numbers keep exact per-value counts while they have at most this many distinct values.
        public var numberCategoryLimit = 1000
        /// Text keeps exact per-value counts up to this many distinct values (a bound on memory).
        public var textCategoryLimit = 100_000

        public init() {}
    }

    public let options: Options
    /// nil while every value seen was missing (see `finished`).
    public private(set) var type: ColumnType?
    public private(set) var rowCount = 0
    public private(set) var missing = 0
    public private(set) var moments = Moments()
    public private(set) var sketch: QuantileSketch
    public private(set) var grid: GridHistogram
    private var categoryCounts: CategoryCounts?
    /// The column had more distinct values than the options allow counting exactly.
    public private(set) var tooManyCategories = false

    public init(options: Options = Options()) {
        self.options = options
        sketch = QuantileSketch(capacity: options.sketchCapacity)
        grid = GridHistogram(maximumBins: options.gridBins)
    }

    /// A finished summary from parts computed elsewhere (a database's aggregates); `categories` nil means
    /// too many distinct values to count.
    public init(options: Options, type: ColumnType, rowCount: Int, missing: Int, moments: Moments = Moments(),
                sketch: QuantileSketch? = nil, grid: GridHistogram? = nil, categories: CategoryCounts?) {
        self.init(options: options)
        self.type = type
        self.rowCount = rowCount
        self.missing = missing
        self.moments = moments
        if let sketch { self.sketch = sketch }
        if let grid { self.grid = grid }
        categoryCounts = categories ?? CategoryCounts(type: type)
        tooManyCategories = categories == nil
        if tooManyCategories { categoryCounts = nil }
    }

    /// The type name the language shows ("num", "str", "bool"), nil while the type is unknown.
    public var typeName: String? { type?.rawValue }

    /// Present (non-missing) values.
    public var count: Int { rowCount - missing }

    /// Exact counts per distinct value, or nil for numbers with many distinct values (and text over the limit).
    public var categories: CategoryCounts? { tooManyCategories ? nil : categoryCounts }

    /// Adds a chunk of the column. A chunk with no present value only adds rows and missing counts.
    public mutating func add(_ column: Column) throws {
        rowCount += column.count
        missing += column.missingCount
        guard column.count > column.missingCount else { return }
        if let type, type != column.type {
            throw SummaryTypeConflict(type: type, conflicting: column.type)
        }
        if type == nil {
            type = column.type
            categoryCounts = CategoryCounts(type: column.type)
        }
        switch column {
        case .numeric(let numbers):
            moments.merge(Moments(numbers.values))
            sketch.add(numbers.values)
            grid.add(numbers.values)
            if !tooManyCategories {
                tooManyCategories = !(categoryCounts?.add(numbers: numbers.values, limit: options.numberCategoryLimit) ?? false)
                if tooManyCategories { categoryCounts = nil }
            }
        case .text, .boolean, .time:
            guard !tooManyCategories else { return }
            categoryCounts?.merge(CategoryCounts(column))
            tooManyCategories = (categoryCounts?.distinctCount ?? 0) > options.textCategoryLimit
            if tooManyCategories { categoryCounts = nil }
        }
        try Cancellation.check()
    }

    /// Adds another summary of the same column (another chunk, file or partition).
    public mutating func merge(_ other: ColumnSummary) throws {
        guard options == other.options else { throw DataError("cannot merge column summaries made with different options") }
        if let type, let otherType = other.type, type != otherType {
            throw SummaryTypeConflict(type: type, conflicting: otherType)
        }
        rowCount += other.rowCount
        missing += other.missing
        guard let otherType = other.type else { return }
        if type == nil {
            type = otherType
            categoryCounts = CategoryCounts(type: otherType)
        }
        moments.merge(other.moments)
        sketch.merge(other.sketch)
        grid.merge(other.grid)
        tooManyCategories = tooManyCategories || other.tooManyCategories
        if !tooManyCategories, let counts = other.categoryCounts {
            categoryCounts?.merge(counts)
            let limit = type == .numeric ? options.numberCategoryLimit : options.textCategoryLimit
            tooManyCategories = (categoryCounts?.distinctCount ?? 0) > limit
        }
        if tooManyCategories { categoryCounts = nil }
    }

    /// The summary with its type settled as the CSV reader settles it: a column with rows but no present
    /// value is numeric; one with no rows at all is text.
    public var finished: ColumnSummary {
        var summary = self
        if summary.type == nil {
            let type: ColumnType = rowCount > 0 ? .numeric : .text
            summary.type = type
            summary.categoryCounts = CategoryCounts(type: type)
        }
        if summary.tooManyCategories { summary.categoryCounts = nil }
        return summary
    }
}
