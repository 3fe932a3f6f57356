// ChunkStatistics: what a column's chunk statistics say exactly, summed over its chunks (row groups and files):
// the missing count, when every chunk gives a null count and a value cannot be missing otherwise (a float's
// NaN is missing in Drift but not null in Parquet, unless Drift wrote the file), and a numeric column's range, when every chunk with a
// present value gives an exact min_value and max_value (the ordered fields; the deprecated min/max are not
// trusted). Statistic bytes are converted as the reader converts page values, so they become the same numbers.

import DriftCore

struct ChunkStatistics {
    private(set) var missing: Int? = 0
    private var low: Double?
    private var high: Double?
    /// False once a chunk with present values gave no exact range.
    private var rangeIsExact = true

    /// The smallest and largest present number, when exact and there is one.
    var range: (minimum: Double, maximum: Double)? {
        guard rangeIsExact, let low, let high else { return nil }
        return (low, high)
    }

    /// Adds the statistics of a chunk of `rows` rows of a column meaning `meaning`; `nullsAreMissing` when the
    /// writer is known to store no NaN (so the null count is the missing count even for floats).
    mutating func add(_ chunk: ColumnChunk, rows: Int, meaning: ColumnMeaning, nullsAreMissing: Bool) {
        guard rows > 0 else { return }
        let statistics = chunk.metadata?.statistics
        let nulls = statistics?.nullCount.map(Int.init)
        missing = meaning.mayHoldNaN && !nullsAreMissing ? nil : missing.flatMap { sum in nulls.map { sum + $0 } }
        if nulls == rows { return }  // every value is missing: no range to add
        guard case .number(let source) = meaning, let statistics, statistics.isMinValueExact != false, statistics.isMaxValueExact != false,
              let minimum = statistics.minValue.flatMap(source.exactNumber), let maximum = statistics.maxValue.flatMap(source.exactNumber) else {
            rangeIsExact = false
            return
        }
        include(minimum, maximum)
    }

    /// Adds another file's statistics of the same column.
    mutating func merge(_ other: ChunkStatistics) {
        missing = missing.flatMap { sum in other.missing.map { sum + $0 } }
        rangeIsExact = rangeIsExact && other.rangeIsExact
        if let low = other.low, let high = other.high { include(low, high) }
    }

    private mutating func include(_ minimum: Double, _ maximum: Double) {
        low = Swift.min(low ?? minimum, minimum)
        high = Swift.max(high ?? maximum, maximum)
    }
}

extension ColumnMeaning {
    /// Whether a present Parquet value may be NaN, which Drift counts as missing.
    var mayHoldNaN: Bool {
        switch self {
        case .number(.float), .number(.double), .number(.float16): true
        default: false
        }
    }

    /// The Drift type of the column.
    var columnType: ColumnType {
        switch self {
        case .boolean: .boolean
        case .number: .numeric
        case .time(let kind, _): ColumnType(kind)
        case .text: .text
        }
    }
}

extension NumberSource {
    /// A statistic's plain bytes as the number the reader makes of such a value; nil where the statistics'
    /// order is not the numbers' (byte-array decimals, half floats), or the value is NaN or beyond what the
    /// reader reads exactly. Zero is +0 (writers store -0 as a minimum).
    func exactNumber(_ bytes: [UInt8]) -> Double? {
        switch self {
        case .int32, .float: guard bytes.count == 4 else { return nil }
        case .int64, .double: guard bytes.count == 8 else { return nil }
        case .decimal(_, let bigEndian): guard !bigEndian, bytes.count == 4 || bytes.count == 8 else { return nil }
        case .float16: return nil
        }
        var values: [Double] = []
        let converted: Void? = bytes.withUnsafeBytes { raw in
            try? NumberConverter(source: self).append(fixed: raw, count: 1, width: bytes.count, to: &values)
        }
        guard converted != nil, let value = values.first, !value.isNaN else { return nil }
        return value == 0 ? 0 : value
    }
}
