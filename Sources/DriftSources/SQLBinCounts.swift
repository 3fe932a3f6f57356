// SQLBinCounts: exact counts of columns' values between given edges, as `BinEdges.counts` counts them in
// memory: count(CASE WHEN x < edge THEN 1 END) per edge (the last edge of a histogram `<=`, and for open ends
// count(x) after the last), differenced, for every requested column and edges in one query (per 500 edges),
// per chunk when the pass is chunked.
import DriftCore

extension SQLSummaryPass {
    /// One cumulative count: of the request's values below (or at most) `edge`, or of all of them.
    private struct CumulativeCount {
        let request: Int
        let column: String
        let edge: Double?
        let orEqual: Bool
    }

    /// Counts for each (column, edges) request, per chunk (nil: the whole source); a chunk without rows is absent.
    func binCounts(_ requests: [(column: String, edges: BinEdges)]) throws -> [Int?: [[Int]]] {
        var counts: [CumulativeCount] = []
        for (k, request) in requests.enumerated() {
            let edges = request.edges.edges
            for (i, edge) in edges.enumerated() {
                counts.append(CumulativeCount(request: k, column: request.column, edge: edge,
                                              orEqual: request.edges.rule == .histogram && i == edges.count - 1))
            }
            if request.edges.rule == .openEnds { counts.append(CumulativeCount(request: k, column: request.column, edge: nil, orEqual: false)) }
        }
        var cumulative: [Int?: [[Int]]] = [:]
        let batch = 500
        for start in stride(from: 0, to: counts.count, by: batch) {
            var query = self.query()
            let part = counts[start..<Swift.min(start + batch, counts.count)]
            let fields = part.map { count in
                let x = dialect.number(count.column)
                guard let edge = count.edge else { return "count(\(x))" }
                return "count(CASE WHEN \(x) \(count.orEqual ? "<=" : "<") \(query.bind(edge)) THEN 1 END)"
            }
            let frame = chunk == nil ? try run(query.sql(fields), query.parameters, for: "the bin counts")
                : try run(query.sql(["drift_chunk"] + fields, groupBy: "drift_chunk"), query.parameters, for: "the bin counts per chunk")
            let offset = chunk == nil ? 0 : 1
            for row in 0..<frame.rowCount {
                let key = chunk == nil || frame.number(0, row: row).isNaN ? nil : frame.integer(0, row: row)
                var perRequest = cumulative[key] ?? requests.map { $0.edges.rule == .openEnds ? [0] : [] }
                for (j, count) in part.enumerated() { perRequest[count.request].append(frame.integer(offset + j, row: row)) }
                cumulative[key] = perRequest
            }
            try Cancellation.check()
        }
        return cumulative.mapValues { $0.map { sums in zip(sums.dropFirst(), sums).map { $0 - $1 } } }
    }
}
