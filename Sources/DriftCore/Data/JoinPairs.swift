// JoinPairs: which left row goes with which right row in a join, found from the key codes of both sides.
//
// When no build key repeats (a lookup table: ids, dimensions), one pass makes a code → row table and each
// probe row looks its code up: a left join keeps the left rows as they are and looks each one's right row up
// while it fills each right column (UniqueLookup, no list of row numbers), and an inner join keeps the left
// rows whose code has a row, and looks their right rows up in the same way. Otherwise the build side's
// rows are listed by key code (a counting sort) and each probe row takes its code's rows. The codes are read
// through `RowCodes`, so whole-number keys are coded as they are read and no code array is made for them.

/// The row pairs a join keeps, in output order: left and right row numbers, −1 where a side has none.
struct JoinPairs {
    /// Nil when the pairs are every left row once, in order (so the left columns need no gather).
    let left: [Int]?
    let right: RightRows
}

/// The right row of each pair.
enum RightRows: Sendable {
    /// Listed, −1 for none.
    case listed([Int])
    /// A left join's when no right key repeats: every left row once, in order, its right row looked up as
    /// each output column is filled, so no list of a million row numbers is written and read back.
    case lookedUp(UniqueLookup)
}

/// Each left row's one right row (or none), found by its key code in a code → right row table.
struct UniqueLookup: Sendable {
    let keys: JoinKeys
    let table: [Int32]
    /// The left rows to look up, in order (an inner join's matched rows); nil for every left row.
    let leftRows: [Int]?

    /// How many rows the lookup fills.
    var count: Int { leftRows?.count ?? keys.leftCount }

    /// `source`'s value at each left row's right row, `filler` where it has none; on every core.
    func gathering<Element>(_ source: [Element], orMissing filler: Element) -> [Element] {
        switch keys.codes {
        case .stored(let left, _):
            left.withUnsafeBufferPointer { gathering(source, orMissing: filler, codes: $0) }
        case .offsets(let left, _, let low):
            left.withUnsafeBufferPointer { gathering(source, orMissing: filler, codes: OffsetCodes(keys: $0, low: low)) }
        }
    }

    private func gathering<Codes: RowCodes, Element>(_ source: [Element], orMissing filler: Element, codes: Codes) -> [Element] {
        source.withUnsafeBufferPointer { source in
            table.withUnsafeBufferPointer { table in
                (leftRows ?? []).withUnsafeBufferPointer { leftRows in
                    [Element](unsafeUninitializedCapacity: count) { output, initialized in
                        HugePages.advise(output)
                        let fill = LookupFill(codes: codes, leftRows: self.leftRows == nil ? nil : leftRows, table: table,
                                              source: source, output: output, filler: filler)
                        concurrentRanges(output.count, minimum: 1 << 18) { fill.run($0) }
                        initialized = output.count
                    }
                }
            }
        }
    }
}

/// One lookup gather's buffers, shared by the threads that fill disjoint ranges of `output`.
private struct LookupFill<Codes: RowCodes, Element>: @unchecked Sendable {
    let codes: Codes
    /// The left row of each output row; nil when output row i is left row i.
    let leftRows: UnsafeBufferPointer<Int>?
    let table: UnsafeBufferPointer<Int32>
    let source: UnsafeBufferPointer<Element>
    let output: UnsafeMutableBufferPointer<Element>
    let filler: Element

    /// Fills `rows`; after a stop request the rest of them get `filler` (the join then throws).
    func run(_ rows: Range<Int>) {
        var start = rows.lowerBound
        while start < rows.upperBound {
            let end = Swift.min(start + (1 << 16), rows.upperBound)
            guard !Cancellation.isRequested else {
                (output.baseAddress! + start).initialize(repeating: filler, count: rows.upperBound - start)
                return
            }
            if let leftRows {
                for row in start..<end { fill(row, from: leftRows[row]) }
            } else {
                for row in start..<end { fill(row, from: row) }
            }
            start = end
        }
    }

    @inline(__always)
    private func fill(_ row: Int, from leftRow: Int) {
        let code = codes[leftRow]
        let match = code >= 0 ? Int(table[code]) : -1
        (output.baseAddress! + row).initialize(to: match >= 0 ? source[match] : filler)
    }
}

/// The key code of each row of one side of a join (below the keys' cardinality), −1 where the key is missing.
/// (A `SendableMetatype`, so the threads of a lookup gather may use a conforming type.)
protocol RowCodes: SendableMetatype {
    var count: Int { get }
    subscript(row: Int) -> Int { get }
}

extension UnsafeBufferPointer: RowCodes where Element == Int {}

/// Whole-number keys coded by their offset from the smallest key of both sides, computed as each is read.
struct OffsetCodes: RowCodes {
    let keys: UnsafeBufferPointer<Double>
    let low: Double

    var count: Int { keys.count }

    subscript(row: Int) -> Int {
        let key = keys[row]
        return key.isNaN ? -1 : Int(key - low)
    }
}

extension JoinKeys {
    /// The row pairs a join of `kind` keeps. Where keys repeat on both sides their number (times
    /// `bytesPerPair`) is checked against the memory limit before any pair is made: a key shared by many
    /// rows on both sides multiplies them.
    func pairs(kind: JoinKind, bytesPerPair: Int) throws -> JoinPairs {
        // Where the right side is the build side, its code → row table is made here, once (nil when a key repeats).
        let rightTable = kind == .right || kind == .outer ? nil : uniqueRightRows()
        if let table = rightTable, kind == .left || kind == .inner {
            // An inner join keeps the left rows that have a match (a semi join's rows), then looks them up.
            let kept = kind == .inner ? try matchedLeftRows(table) : nil
            return JoinPairs(left: kept, right: .lookedUp(UniqueLookup(keys: self, table: table, leftRows: kept)))
        }
        switch codes {
        case .stored(let left, let right):
            return try left.withUnsafeBufferPointer { left in
                try right.withUnsafeBufferPointer { right in
                    try Self.pairs(left, right, rightTable: rightTable, cardinality: cardinality, kind: kind, bytesPerPair: bytesPerPair)
                }
            }
        case .offsets(let left, let right, let low):
            return try left.withUnsafeBufferPointer { left in
                try right.withUnsafeBufferPointer { right in
                    try Self.pairs(OffsetCodes(keys: left, low: low), OffsetCodes(keys: right, low: low), rightTable: rightTable,
                                   cardinality: cardinality, kind: kind, bytesPerPair: bytesPerPair)
                }
            }
        }
    }

    /// `rightTable`: the right side's code → row table when it is the build side and no key of it repeats.
    private static func pairs<Codes: RowCodes>(_ left: Codes, _ right: Codes, rightTable: [Int32]?, cardinality: Int, kind: JoinKind,
                                               bytesPerPair: Int) throws -> JoinPairs {
        if kind == .right {
            let swapped = try pairs(probe: right, build: left, table: uniqueRows(left, cardinality: cardinality),
                                    cardinality: cardinality, kind: .left, bytesPerPair: bytesPerPair)
            return JoinPairs(left: swapped.build, right: .listed(swapped.probe ?? Array(0..<right.count)))
        }
        let pairs = try pairs(probe: left, build: right, table: rightTable, cardinality: cardinality, kind: kind, bytesPerPair: bytesPerPair)
        return JoinPairs(left: pairs.probe, right: .listed(pairs.build))
    }

    /// Each probe row in order with its matches among the build rows (in their order); for a left
    /// join unmatched probe rows too, for an outer join then the build rows nothing matched. The probe
    /// rows are nil when they are every probe row once, in order. `table`: the build side's code → row table,
    /// nil when a build key repeats (never given for an outer join).
    private static func pairs<Codes: RowCodes>(probe: Codes, build: Codes, table: [Int32]?, cardinality: Int, kind: JoinKind,
                                               bytesPerPair: Int) throws -> (probe: [Int]?, build: [Int]) {
        if let table {
            return try table.withUnsafeBufferPointer { table in
                try uniquePairs(probe: probe, table: table, kind: kind)
            }
        }
        let byCode = BuildRows(build, cardinality: cardinality)
        return try byCode.rows.withUnsafeBufferPointer { rows in
            try byCode.offsets.withUnsafeBufferPointer { offsets in
                var pairCount = kind == .outer ? Double(build.count) : 0
                for row in 0..<probe.count {
                    let code = probe[row]
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
                    for row in 0..<build.count where !matched[row] {
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

    /// The left rows, in order, whose code has a row in `table`.
    private func matchedLeftRows(_ table: [Int32]) throws -> [Int] {
        try table.withUnsafeBufferPointer { table in
            switch codes {
            case .stored(let left, _):
                try left.withUnsafeBufferPointer { try Self.uniquePairs(probe: $0, table: table, kind: .semi).probe ?? [] }
            case .offsets(let left, _, let low):
                try left.withUnsafeBufferPointer { try Self.uniquePairs(probe: OffsetCodes(keys: $0, low: low), table: table, kind: .semi).probe ?? [] }
            }
        }
    }

    /// Each right code's one row (−1 for none); nil when a code has two.
    private func uniqueRightRows() -> [Int32]? {
        switch codes {
        case .stored(_, let right):
            right.withUnsafeBufferPointer { Self.uniqueRows($0, cardinality: cardinality) }
        case .offsets(_, let right, let low):
            right.withUnsafeBufferPointer { Self.uniqueRows(OffsetCodes(keys: $0, low: low), cardinality: cardinality) }
        }
    }

    /// Each code's one build row (−1 for none), made in one pass; nil as soon as a code has two rows, or
    /// when the rows do not fit the table's 32-bit entries (half the cache of 64-bit ones).
    private static func uniqueRows<Codes: RowCodes>(_ build: Codes, cardinality: Int) -> [Int32]? {
        guard build.count < Int(Int32.max) else { return nil }
        var table = [Int32](repeating: -1, count: cardinality)
        let unique = table.withUnsafeMutableBufferPointer { table in
            for row in 0..<build.count {
                let code = build[row]
                guard code >= 0 else { continue }
                if table[code] >= 0 { return false }
                table[code] = Int32(truncatingIfNeeded: row)
            }
            return true
        }
        return unique ? table : nil
    }

    /// The pairs when each code has at most one build row (`table[code]`, −1 for none): for a left join (a right
    /// join swapped) each probe row's build row, for a semi or anti join the probe rows kept. (Left and inner joins
    /// with the right side as the build side look their right rows up instead: UniqueLookup.)
    private static func uniquePairs<Codes: RowCodes>(probe: Codes, table: UnsafeBufferPointer<Int32>, kind: JoinKind) throws -> (probe: [Int]?, build: [Int]) {
        func match(_ row: Int) -> Int {
            let code = probe[row]
            return code >= 0 ? Int(table[code]) : -1
        }
        if kind == .left {
            let buildRows = try [Int](unsafeUninitializedCapacity: probe.count) { buildRows, initialized in
                HugePages.advise(buildRows)
                for row in 0..<probe.count {
                    if row & 0xFFFF == 0xFFFF { try Cancellation.check() }
                    buildRows[row] = match(row)
                }
                initialized = probe.count
            }
            return (nil, buildRows)
        }
        // The probe rows kept.
        let probeRows = try [Int](unsafeUninitializedCapacity: probe.count) { probeRows, initialized in
            HugePages.advise(probeRows)
            var kept = 0
            for row in 0..<probe.count {
                if row & 0xFFFF == 0xFFFF { try Cancellation.check() }
                if (match(row) >= 0) == (kind != .anti) {
                    probeRows[kept] = row
                    kept += 1
                }
            }
            initialized = kept
        }
        return (probeRows, [])
    }
}

/// The build side's rows listed by key code, in row order: code c's rows are `rows[offsets[c]..<offsets[c + 1]]`.
private struct BuildRows {
    var rows: [Int]
    var offsets: [Int]

    init<Codes: RowCodes>(_ codes: Codes, cardinality: Int) {
        var offsets = [Int](repeating: 0, count: cardinality + 1)
        offsets.withUnsafeMutableBufferPointer { offsets in
            for row in 0..<codes.count where codes[row] >= 0 { offsets[codes[row] + 1] += 1 }
            for code in 0..<cardinality { offsets[code + 1] += offsets[code] }
        }
        var next = offsets
        var rows = [Int](repeating: 0, count: offsets[cardinality])
        for row in 0..<codes.count where codes[row] >= 0 {
            rows[next[codes[row]]] = row
            next[codes[row]] += 1
        }
        (self.rows, self.offsets) = (rows, offsets)
    }
}
