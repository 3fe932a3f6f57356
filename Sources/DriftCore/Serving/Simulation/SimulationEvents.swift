// SimulationEvents: the labelled events a serving simulation replays, prepared once for every strategy —
// sorted by time, each entity numbered by first appearance with the rows it has so far, and the target as
// numbers (a class's code, or the value for a regression) so that answers compare by `==` or subtraction.

struct SimulationEvents {
    /// The events sorted by time.
    let frame: DataFrame
    let times: [Int64]
    /// Each row's entity, numbered from 0 in order of first appearance.
    let entities: [Int]
    let entityCount: Int
    /// When each entity was first seen.
    let firstSeen: [Int64]
    /// Each entity's rows, in time order.
    let entityRows: [[Int]]
    let labels: LabelCodes
    /// Each row's target as a code (NaN when missing).
    let truth: [Double]

    init(_ events: DataFrame, options: SimulationOptions) throws {
        guard case .time(let timeColumn)? = events.column(named: options.time), timeColumn.kind != .duration else {
            let held = events.column(named: options.time).map { "holds \($0.typeName) values" } ?? "is not a column of the events"
            throw DataError("'\(options.time)' \(held); the events need a date or datetime column (time: names it; datetime(df.col) makes one)")
        }
        if let row = timeColumn.values.firstIndex(of: TimeValue.missing) { throw DataError("the time column '\(options.time)' is missing at row \(row)") }
        guard let entityColumn = events.column(named: options.entity) else {
            throw DataError("the events have no entity column '\(options.entity)' (entity: names it); columns: \(events.names.joined(separator: ", "))")
        }
        guard let target = events.column(named: options.target) else {
            throw DataError("the events have no target column '\(options.target)'; columns: \(events.names.joined(separator: ", "))")
        }
        if let row = (0..<entityColumn.count).first(where: entityColumn.isMissing) {
            throw DataError("the entity column '\(options.entity)' is missing at row \(row)")
        }
        guard events.rowCount >= 2 else { throw DataError("simulating serving needs at least 2 events, got \(events.rowCount)") }
        let order = timeColumn.values.indices.sorted { (timeColumn.values[$0], $0) < (timeColumn.values[$1], $1) }
        let isSorted = order.elementsEqual(order.indices)
        frame = isSorted ? events : events.gathering(order)
        times = isSorted ? timeColumn.values : order.map { timeColumn.values[$0] }
        entities = try Self.firstAppearanceCodes(isSorted ? entityColumn : entityColumn.gathering(order), name: options.entity)
        entityCount = (entities.max() ?? -1) + 1
        var firstSeen = Array(repeating: Int64.max, count: entityCount)
        var entityRows = Array(repeating: [Int](), count: entityCount)
        for (row, entity) in entities.enumerated() {
            if entityRows[entity].isEmpty { firstSeen[entity] = times[row] }
            entityRows[entity].append(row)
        }
        self.firstSeen = firstSeen
        self.entityRows = entityRows
        labels = try LabelCodes(fitting: isSorted ? target : target.gathering(order), name: options.target)
        truth = try labels.codes(of: isSorted ? target : target.gathering(order))
    }

    var count: Int { times.count }

    /// The first row at or after `instant` (the row count when none is).
    func firstRow(atOrAfter instant: Int64) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if times[middle] < instant { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The rows whose labels are known at `instant` and that fall within `window` before it.
    func labelledRows(at instant: Int64, window: Int64, labelDelay: Int64) -> Range<Int> {
        let end = firstRow(atOrAfter: instant - labelDelay + 1)
        let start = min(end, firstRow(atOrAfter: instant - window))
        return start..<end
    }

    /// `entity`'s latest row at or before `instant`, nil when it has none yet.
    func latestRow(of entity: Int, atOrBefore instant: Int64) -> Int? {
        let rows = entityRows[entity]
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if times[rows[middle]] <= instant { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : rows[low - 1]
    }

    /// Numbers each distinct value from 0 in order of first appearance.
    private static func firstAppearanceCodes(_ column: Column, name: String) throws -> [Int] {
        func codes<Key: Hashable>(_ keys: [Key]) -> [Int] {
            var numbers: [Key: Int] = [:]
            return keys.map { key in
                if let number = numbers[key] { return number }
                numbers[key] = numbers.count
                return numbers.count - 1
            }
        }
        switch column {
        case .numeric(let values): return codes(values.values)
        case .text(let values): return codes(values.codes)
        case .boolean(let values): return codes(values.values)
        case .time(let values): return codes(values.values)
        }
    }
}

/// The target's values as numbers: a class label's code for text and booleans, the value itself for numbers.
struct LabelCodes {
    private var textCodes: [String: Double]?

    init(fitting column: Column, name: String) throws {
        switch column {
        case .text(let values):
            textCodes = Dictionary(values.levels.enumerated().map { ($1, Double($0)) }, uniquingKeysWith: { first, _ in first })
        case .numeric, .boolean: textCodes = nil
        case .time(let values): throw DataError("the target '\(name)' holds \(values.kind.rawValue) values; a model predicts numbers, strings or booleans")
        }
    }

    /// Each value's code; NaN for a missing value or text the target never held.
    func codes(of column: Column) throws -> [Double] {
        switch column {
        case .numeric(let values): return values.values
        case .boolean(let values): return values.values.map { $0 < 0 ? .nan : Double($0) }
        case .text(let values):
            let levels = values.levels.map { textCodes?[$0] ?? .nan }
            return values.codes.map { $0 < 0 ? .nan : levels[Int($0)] }
        case .time: throw DataError("a time column cannot be compared with the target")
        }
    }
}
