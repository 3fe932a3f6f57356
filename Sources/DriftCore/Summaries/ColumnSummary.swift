// ColumnSummary: everything the summary-based statistics and drift tests need about one column, built in one
// streaming pass over chunks and mergeable: row and missing counts, moments (mean, variance, min, max), a
// quantile sketch and a fine grid histogram for numbers, and exact per-value counts (always for text and
// booleans, for numbers while they have few distinct values). Merging two summaries gives the summary of the
// union: counts exactly, moments up to rounding, the sketch within its tracked bound.
//
// Memory grows with what a summary has seen (a file of 100,000 columns and a few rows keeps a few values per
// column): the grid keeps its values until binning them costs less, and a numeric column's per-value counts
// are counted from the sketch's values while the sketch still holds every value, in the order they came (so
// the counts, and which of 0 and −0 names a value, are those counting each chunk would give).

/// A chunk's column is of another type than the chunks before it (numbers, then text): the caller decides
/// how to resolve it (a CSV scan reads the column again as text, as the in-memory reader would).
public struct SummaryTypeConflict: Error, Sendable {
    public let type: ColumnType
    public let conflicting: ColumnType
}

/// The summary of one column's values so far.
public struct ColumnSummary: Sendable {
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
    /// The numbers' per-value counts are not kept but counted from the exact sketch when asked.
    private var numbersInSketch = false
    /// More distinct values than the options allow were counted (numbers still in the sketch are checked when
    /// their counts are asked for).
    private var tooManyCounted = false

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
        categoryCounts = categories
        tooManyCounted = categories == nil
    }

    /// The type name the language shows ("num", "str", "bool"), nil while the type is unknown.
    public var typeName: String? { type?.rawValue }

    /// Present (non-missing) values.
    public var count: Int { rowCount - missing }

    /// The column had more distinct values than the options allow counting exactly.
    public var tooManyCategories: Bool { categories == nil && type != nil }

    /// Exact counts per distinct value, or nil for numbers with many distinct values (and text over the limit).
    public var categories: CategoryCounts? {
        guard !tooManyCounted else { return nil }
        return numbersInSketch ? countedFromSketch() : categoryCounts
    }

    /// The sketch's values counted, or nil when they have more distinct values than the limit.
    private func countedFromSketch() -> CategoryCounts? {
        var counts = CategoryCounts(type: .numeric)
        return counts.add(numbers: sketch.exactValues ?? [], limit: options.numberCategoryLimit) ? counts : nil
    }

    /// Counts the numbers the sketch holds and keeps counting from now on (before the sketch stops holding them).
    private mutating func countNumbersInSketch() {
        guard numbersInSketch else { return }
        numbersInSketch = false
        categoryCounts = countedFromSketch()
        tooManyCounted = categoryCounts == nil
    }

    /// Whether adding `count` more values could make the sketch stop holding every value.
    private func sketchMayCompact(adding count: Int) -> Bool { sketch.count + count >= sketch.capacity }

    /// Adds a chunk of the column. A chunk with no present value only adds rows and missing counts.
    public mutating func add(_ column: Column) throws {
        rowCount += column.count
        missing += column.missingCount
        guard column.count > column.missingCount else { return }
        if let type, type != column.type {
            throw SummaryTypeConflict(type: type, conflicting: column.type)
        }
        if type == nil { settle(column.type) }
        switch column {
        case .numeric(let numbers):
            if sketchMayCompact(adding: numbers.values.count) { countNumbersInSketch() }
            moments.merge(Moments(numbers.values))
            sketch.add(numbers.values)
            grid.add(numbers.values)
            if !numbersInSketch, !tooManyCounted {
                tooManyCounted = !(categoryCounts?.add(numbers: numbers.values, limit: options.numberCategoryLimit) ?? false)
                if tooManyCounted { categoryCounts = nil }
            }
        case .text, .boolean, .time:
            guard !tooManyCounted else { return }
            categoryCounts?.merge(CategoryCounts(column))
            tooManyCounted = (categoryCounts?.distinctCount ?? 0) > options.textCategoryLimit
            if tooManyCounted { categoryCounts = nil }
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
        if type == nil { settle(otherType) }
        // Both sides' numbers stay in the merged sketch while it holds every value; otherwise they are counted.
        let staysInSketch = numbersInSketch && other.numbersInSketch && !sketchMayCompact(adding: other.sketch.count)
        let otherCounts = staysInSketch ? nil : other.categories
        if !staysInSketch { countNumbersInSketch() }
        moments.merge(other.moments)
        sketch.merge(other.sketch)
        grid.merge(other.grid)
        guard !staysInSketch else { return }
        if !tooManyCounted, let otherCounts {
            categoryCounts?.merge(otherCounts)
            let limit = type == .numeric ? options.numberCategoryLimit : options.textCategoryLimit
            tooManyCounted = (categoryCounts?.distinctCount ?? 0) > limit
        } else {
            tooManyCounted = true
        }
        if tooManyCounted { categoryCounts = nil }
    }

    /// The type is known from the first present value: numbers are counted from the sketch at first.
    private mutating func settle(_ type: ColumnType) {
        self.type = type
        numbersInSketch = type == .numeric
        categoryCounts = numbersInSketch ? nil : CategoryCounts(type: type)
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
        return summary
    }
}

extension ColumnSummary: Equatable {
    /// Equal when they summarise alike, whether numbers' per-value counts are kept or counted from the sketch.
    public static func == (a: ColumnSummary, b: ColumnSummary) -> Bool {
        a.options == b.options && a.type == b.type && a.rowCount == b.rowCount && a.missing == b.missing
            && a.moments == b.moments && a.sketch == b.sketch && a.grid == b.grid && a.categories == b.categories
    }
}
