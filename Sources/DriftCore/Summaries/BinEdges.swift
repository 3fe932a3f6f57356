// BinEdges: a request to count a column's values between given edges in a streaming pass (or a database
// query), with the two bin rules the in-memory code uses, so counts made chunk by chunk add up to exactly the
// counts of the whole column.

/// Edges to count values between, and how values are assigned to bins.
public struct BinEdges: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// numpy.histogram: bins [e_i, e_{i+1}), the last closed; values outside [e_0, e_last] are not counted.
        case histogram
        /// Inner edges only: edges.count + 1 bins, the outer ones open; a value on an edge goes to the bin above
        /// (numpy.searchsorted side="right"), as quantile binning does.
        case openEnds
    }

    public let edges: [Double]
    public let rule: Rule

    public init(_ edges: [Double], rule: Rule) {
        self.edges = edges
        self.rule = rule
    }

    public var binCount: Int { rule == .histogram ? edges.count - 1 : edges.count + 1 }

    /// The counts of one batch's present values (NaN skipped).
    public func counts(_ values: [Double]) throws -> [Int] {
        switch rule {
        case .histogram:
            return try Histogram(values, edges: edges).counts
        case .openEnds:
            var counts = [Int](repeating: 0, count: edges.count + 1)
            for (index, x) in values.enumerated() where !x.isNaN {
                if index & 0xFFFF == 0xFFFF { try Cancellation.check() }
                counts[Histogram.searchRight(edges, x)] += 1
            }
            return counts
        }
    }
}
