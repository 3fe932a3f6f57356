// ColumnFacts: what a lazy source knows of a column without reading its values (a Parquet file's column-chunk
// statistics): the row count always; the missing count, minimum and maximum only where they are exact, nil
// otherwise, so SummaryCache reads the values for what is not known. The type is settled as
// `ColumnSummary.finished` settles it.

public struct ColumnFacts: Sendable, Equatable {
    public var type: ColumnType
    public var rowCount: Int
    public var missing: Int?
    /// The smallest and largest present number (numeric columns with a present value only).
    public var minimum: Double?
    public var maximum: Double?

    public init(type: ColumnType, rowCount: Int, missing: Int?, minimum: Double? = nil, maximum: Double? = nil) {
        self.type = rowCount == 0 ? .text : missing == rowCount ? .numeric : type
        self.rowCount = rowCount
        self.missing = missing
        self.minimum = minimum
        self.maximum = maximum
    }
}

extension SummarySource {
    /// By default a source knows nothing without reading the data.
    public func facts(_ columns: [String]) throws -> [String: ColumnFacts]? { nil }
}
