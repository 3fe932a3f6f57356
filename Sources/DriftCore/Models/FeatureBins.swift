// FeatureBins: feature columns as small integer bins, the form gradient-boosted trees grow on, binned as LightGBM
// bins its input. Fitted on a frame: a numeric column gets one bin per distinct value when it has at most 254,
// otherwise up to 254 bins of about equal counts (each bin ends halfway to the next value); a text or boolean
// column gets one bin per category the fit saw. Bin 0 holds missing values; bin 255 holds categories the fit never
// saw (and any past the 254th), which no split sends left.

public struct FeatureBins: Sendable {
    public enum Feature: Sendable {
        /// Value bin k (from 1) holds the values at most `upperBounds[k - 1]`; the last bound is +∞.
        case numeric(name: String, upperBounds: [Double])
        /// Category k's bin is k + 1.
        case categorical(name: String, categories: [String])

        public var name: String {
            switch self {
            case .numeric(let name, _), .categorical(let name, _): name
            }
        }
    }

    /// Value bins per feature, besides the missing bin 0 and the unseen bin 255.
    public static let valueBins = 254
    public static let unseenBin: UInt8 = 255

    public let features: [Feature]

    /// Learns the bins of `columns` from `frame`'s rows.
    public init(fitting frame: DataFrame, columns: [String]) throws {
        guard !columns.isEmpty else { throw DataError("a model needs at least one feature column") }
        features = try columns.map { name in
            switch try frame.requiredColumn(name) {
            case .numeric(let column): return .numeric(name: name, upperBounds: Self.upperBounds(column.values))
            case .text(let column):
                var used = [Bool](repeating: false, count: column.levels.count)
                for code in column.codes where code >= 0 { used[Int(code)] = true }
                return .categorical(name: name, categories: column.levels.indices.filter { used[$0] }.map { column.levels[$0] })
            case .boolean(let column):
                let seen = Set(column.values.filter { $0 >= 0 })
                return .categorical(name: name, categories: [0, 1].filter { seen.contains(Int8($0)) }.map { $0 == 1 ? "true" : "false" })
            case .time(let column): throw DataError.timeFeature(name, column.kind)
            }
        }
    }

    /// Bin bounds with about equal counts of the present values: a bin closes once it holds its share of the rows
    /// left, so a frequent value gets a bin to itself.
    private static func upperBounds(_ values: [Double]) -> [Double] {
        let sorted = values.filter { !$0.isNaN }.sorted()
        var distinct: [(value: Double, count: Int)] = []
        for value in sorted {
            if let last = distinct.last, last.value == value { distinct[distinct.count - 1].count += 1 } else { distinct.append((value, 1)) }
        }
        guard distinct.count > 1 else { return [.infinity] }
        var bounds: [Double] = []
        var inBin = 0, left = sorted.count
        for (position, item) in distinct.enumerated().dropLast() {
            inBin += item.count
            let share = Double(left) / Double(valueBins - bounds.count)
            if distinct.count <= valueBins || Double(inBin) >= share {
                bounds.append(item.value / 2 + distinct[position + 1].value / 2)
                left -= inBin
                inBin = 0
                if bounds.count == valueBins - 1 { break }
            }
        }
        return bounds + [.infinity]
    }

    /// `frame`'s rows as bins, one array per feature.
    public func bin(_ frame: DataFrame) throws -> BinnedRows {
        let columns = try features.map { feature -> [UInt8] in
            let column = try frame.requiredColumn(feature.name)
            switch (feature, column) {
            case (.numeric(_, let bounds), .numeric(let values)):
                return values.values.map { value in
                    guard !value.isNaN else { return 0 }
                    var low = 0, high = bounds.count - 1
                    while low < high {
                        let middle = (low + high) / 2
                        if value <= bounds[middle] { high = middle } else { low = middle + 1 }
                    }
                    return UInt8(low + 1)
                }
            case (.categorical(_, let categories), .text(let values)):
                let index = Dictionary(categories.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                let bins = values.levels.map { level in index[level].map { UInt8(Swift.min($0 + 1, Int(Self.unseenBin))) } ?? Self.unseenBin }
                return values.codes.map { $0 < 0 ? 0 : bins[Int($0)] }
            case (.categorical(_, let categories), .boolean(let values)):
                let bins = ["false", "true"].map { name in categories.firstIndex(of: name).map { UInt8($0 + 1) } ?? Self.unseenBin }
                return values.values.map { $0 < 0 ? 0 : bins[Int($0)] }
            default:
                throw DataError("column '\(feature.name)' is \(column.typeName), but the model was fitted on a \(feature.isNumeric ? "numeric" : "text or boolean") column")
            }
        }
        return BinnedRows(columns: columns, categorical: features.map { !$0.isNumeric }, rowCount: frame.rowCount)
    }
}

extension FeatureBins.Feature {
    var isNumeric: Bool {
        if case .numeric = self { return true }
        return false
    }
}

/// Rows of binned features: `columns[feature][row]`.
public struct BinnedRows: Sendable {
    public let columns: [[UInt8]]
    /// Whether each feature is a category (split by sets of bins) rather than a number (split by a cut).
    public let categorical: [Bool]
    public let rowCount: Int

    /// These rows followed by `other`'s.
    public func appending(_ other: BinnedRows) -> BinnedRows {
        BinnedRows(columns: zip(columns, other.columns).map { $0 + $1 }, categorical: categorical, rowCount: rowCount + other.rowCount)
    }

    /// The rows at `rows`, in that order.
    public func gathering(_ rows: [Int]) -> BinnedRows {
        BinnedRows(columns: columns.map { column in rows.map { column[$0] } }, categorical: categorical, rowCount: rows.count)
    }
}
