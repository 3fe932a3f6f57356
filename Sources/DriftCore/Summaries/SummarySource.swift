// SummarySource: a lazy source of data that is never loaded whole — a CSV file scanned in chunks, a SQL table
// summarised by the database (DriftSources' SQLTableSource) — and answers with per-column summaries instead of rows.
//
// Contract for implementations:
// - `columnNames` is known without reading the data (the CSV header, the table's catalogue entry).
// - `summarize(columns, request)` returns, for every requested column, a `ColumnSummary` made with
//   `request.options`, `finished` (its type settled). A streaming source computes it in one pass over the
//   data; a SQL source computes it with aggregates (count, count(col), avg, min, max, a two-pass variance,
//   GROUP BY for categories and for the grid histogram, a sketch built from that histogram, with its rank
//   error bound, for quantiles), as long as counts and categories are exact and moments are exact up to
//   rounding. A part a source cannot
//   make must be left empty, never guessed.
// - `request.edges` asks for exact counts of a column's values between given edges (`BinEdges`); they are
//   returned in `SummaryResult.binCounts` and must equal what counting the whole column in memory gives.
// - The column types follow the in-memory CSV reader: a column is numeric only if every present value is a
//   number, boolean only if every present value is a boolean, else text.
// - Errors name the source; long work checks `Cancellation` and may report `Progress`.

/// What to compute in one pass.
public struct SummaryRequest: Sendable {
    public var options: ColumnSummary.Options
    /// Compute full summaries of the columns (false: only the bin counts below, and row/missing counts).
    public var summaries: Bool
    /// Exact counts between edges, per column.
    public var edges: [String: [BinEdges]]

    public init(options: ColumnSummary.Options = .init(), summaries: Bool = true, edges: [String: [BinEdges]] = [:]) {
        self.options = options
        self.summaries = summaries
        self.edges = edges
    }
}

/// What one pass computed.
public struct SummaryResult: Sendable {
    public var summaries: [String: ColumnSummary] = [:]
    public var binCounts: [String: [BinEdges: [Int]]] = [:]

    public init() {}
}

/// A source whose columns are summarised where the data is, without loading it.
public protocol SummarySource: Sendable {
    /// A short human-readable name, such as the file path or table name.
    var name: String { get }
    var columnNames: [String] { get }
    /// Summaries (and requested bin counts) of `columns`, in as few passes over the data as possible.
    func summarize(_ columns: [String], _ request: SummaryRequest) throws -> SummaryResult
    /// What the source knows of `columns` without reading their values (see `ColumnFacts`); nil when nothing.
    func facts(_ columns: [String]) throws -> [String: ColumnFacts]?
}
