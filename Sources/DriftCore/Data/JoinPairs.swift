// JoinPairs: which left row goes with which right row in a join, found from the key codes of both sides.
//
// The build side's rows are listed by key code (a counting sort), then each probe row looks its code up.
// When no build key repeats (a lookup table: ids, dimensions), each code names at most one row and the
// list is a plain code → row table: a left join then lists only the right row of each left row (the left
// rows stay as they are) and an inner join keeps the left rows whose code has a row.

/// The row pairs a join keeps, in output order: left and right row numbers, −1 where a side has none.
struct JoinPairs {
    /// Nil when the pairs are every left row once, in order (so the left columns need no gather).
    let left: [Int]?
    let right: [Int]
}

extension JoinKeys {
    /// The row pairs a join of `kind` keeps. Where keys repeat on both sides their number (times
    /// `bytesPerPair`) is checked against the memory limit before any pair is made: a key shared by many
    /// rows on both sides multiplies them.
    func pairs(kind: JoinKind, bytesPerPair: Int) throws -> JoinPairs {
        if kind == .right {
            let swapped = try Self.pairs(probe: right, build: left, cardinality: cardinality, kind: .left, bytesPerPair: bytesPerPair)
            return JoinPairs(left: swapped.build, right: swapped.probe ?? Array(right.indices))
        }
        let pairs = try Self.pairs(probe: left, build: right, cardinality: cardinality, kind: kind, bytesPerPair: bytesPerPair)
        return JoinPairs(left: pairs.probe, right: pairs.build)
    }

    /// Each probe row in order with its matches among the build rows (in their order); for a left
    /// join unmatched probe rows too, for an outer join then the build rows nothing matched. The probe
    /// rows are nil when they are every probe row once, in order.
    private static func pairs(probe: [Int], build: [Int], cardinality: Int, kind: JoinKind, bytesPerPair: Int) throws -> (probe: [Int]?, build: [Int]) {
        let byCode = BuildRows(build, cardinality: cardinality)
        if byCode.unique, kind != .outer {
            return try byCode.table.withUnsafeBufferPointer { table in
                try uniquePairs(probe: probe, table: table, kind: kind)
            }
        }
        return try byCode.rows.withUnsafeBufferPointer { rows in
            try byCode.offsets.withUnsafeBufferPointer { offsets in
                try probe.withUnsafeBufferPointer { probe in
                    var pairCount = kind == .outer ? Double(build.count) : 0
                    for code in probe {
                        let matches = code >= 0 ? offsets[code + 1] - offsets[code] : 0
                        pairCount += kind == .semi || kind == .anti ? 1 : Double(matches == 0 && kind != .inner ? 1 : matches)
                    }
                    try MemoryLimit.reserve(pairCount * Double(bytesPerPair), for: "a join of \(Int(pairCount)) rows")
                    var probeRows: [Int] = [], buildRows: [Int] = []
                    probeRows.reserveCapacity(probe.count)
                    buildRows.reserveCapacity(probe.count)
                    var matched = [Bool](repeating: false, count: kind == .outer ? build.count : 0)
                    for row in 0..<probe.count {
                        if row & 0xFFFF == 0xFFFF { try Cancellation.check() }
                        let code = probe[row]
                        let matches = code >= 0 ? offsets[code]..<offsets[code + 1] : 0..<0
                        switch kind {
                        case .semi, .anti:
                            if matches.isEmpty == (kind == .anti) {
                                probeRows.append(row)
                                buildRows.append(-1)
                            }
                        case .inner, .left, .right, .outer:
                            for match in matches {
                                if probeRows.count & 0xFFFF == 0xFFFF { try Cancellation.check() }
                                probeRows.append(row)
                                buildRows.append(rows[match])
                                if kind == .outer { matched[rows[match]] = true }
                            }
                            if matches.isEmpty, kind != .inner {
                                probeRows.append(row)
                                buildRows.append(-1)
                            }
                        }
                    }
                    if kind == .outer {
                        for row in build.indices where !matched[row] {
                            probeRows.append(-1)
                            buildRows.append(row)
                        }
                    }
                    // A left join lists every probe row at least once, in order: as many pairs as probe
                    // rows means each once.
                    return (kind == .left && probeRows.count == probe.count ? nil : probeRows, buildRows)
                }
            }
        }
    }

    /// The pairs when each code has at most one build row (`table[code]`, −1 for none); not for outer joins.
    private static func uniquePairs(probe: [Int], table: UnsafeBufferPointer<Int>, kind: JoinKind) throws -> (probe: [Int]?, build: [Int]) {
        try probe.withUnsafeBufferPointer { probe in
            if kind == .left {
                let buildRows = try [Int](unsafeUninitializedCapacity: probe.count) { buildRows, initialized in
                    for row in 0..<probe.count {
                        if row & 0xFFFF == 0xFFFF { try Cancellation.check() }
                        buildRows[row] = probe[row] >= 0 ? table[probe[row]] : -1
                    }
                    initialized = probe.count
                }
                return (nil, buildRows)
            }
            var probeRows: [Int] = [], buildRows: [Int] = []
            probeRows.reserveCapacity(probe.count)
            if kind == .inner { buildRows.reserveCapacity(probe.count) }
            for row in 0..<probe.count {
                if row & 0xFFFF == 0xFFFF { try Cancellation.check() }
                let match = probe[row] >= 0 ? table[probe[row]] : -1
                switch kind {
                case .inner where match >= 0:
                    probeRows.append(row)
                    buildRows.append(match)
                case .semi where match >= 0, .anti where match < 0:
                    probeRows.append(row)
                default:
                    break
                }
            }
            return (probeRows, kind == .inner ? buildRows : [])
        }
    }
}

/// The build side's rows listed by key code, in row order: code c's rows are `rows[offsets[c]..<offsets[c + 1]]`.
private struct BuildRows {
    var rows: [Int]
    var offsets: [Int]
    /// Whether no code has two rows.
    var unique: Bool

    init(_ codes: [Int], cardinality: Int) {
        var offsets = [Int](repeating: 0, count: cardinality + 1)
        var unique = true
        codes.withUnsafeBufferPointer { codes in
            offsets.withUnsafeMutableBufferPointer { offsets in
                for code in codes where code >= 0 {
                    offsets[code + 1] += 1
                    if offsets[code + 1] > 1 { unique = false }
                }
                for code in 0..<cardinality { offsets[code + 1] += offsets[code] }
            }
        }
        var next = offsets
        var rows = [Int](repeating: 0, count: offsets[cardinality])
        for (row, code) in codes.enumerated() where code >= 0 {
            rows[next[code]] = row
            next[code] += 1
        }
        (self.rows, self.offsets, self.unique) = (rows, offsets, unique)
    }

    /// Each code's one row, −1 for none; only meaningful when `unique`.
    var table: [Int] {
        var table = [Int](repeating: -1, count: offsets.count - 1)
        for code in table.indices where offsets[code] < offsets[code + 1] { table[code] = rows[offsets[code]] }
        return table
    }
}
