// CategoryShares: how NannyML's reconstruction drift turns a categorical column into numbers, fitted on the
// reference: a missing value becomes the most frequent category (the smallest label among ties, as
// scikit-learn's SimpleImputer), then each category its share of the reference (CountEncoder(normalize=True)),
// and a category the reference never had 0. The one place for the rule: the in-memory encoding and a
// database's CASE expression (SQLTableSource+Reconstruction) both read it.

public struct CategoryShares: Sendable, Equatable {
    /// The categories counted in the reference.
    public let labels: [String]
    /// Each category's share of the reference's rows, the missing values counted with `fill`'s.
    public let shares: [Double]
    /// The category a missing value becomes.
    public let fill: Int

    /// From the reference's count of each category (in any order) and its number of rows, missing ones included.
    public init(labels: [String], counts: [Int], rows: Int) throws {
        guard let most = counts.max(), most > 0 else { throw DataError("the reference has no values (all missing)") }
        let fill = counts.indices.filter { counts[$0] == most }.min { labels[$0] < labels[$1] } ?? 0
        var counts = counts
        counts[fill] += rows - counts.reduce(0, +)
        self.labels = labels
        self.fill = fill
        shares = counts.map { Double($0) / Double(rows) }
    }

    /// The number a missing value becomes.
    public var missingShare: Double { shares[fill] }

    /// The number `label` becomes: its share, 0 for a category the reference never had.
    public func share(of label: String) -> Double {
        labels.firstIndex(of: label).map { shares[$0] } ?? 0
    }

    /// The mean of the encoded reference, each category's share weighted by its share of the rows.
    public var referenceMean: Double { shares.reduce(0) { $0 + $1 * $1 } }
}
