// TimeColumn: a contiguous buffer of microsecond counts, all of one time kind (datetime, date or duration),
// where Int64.min marks a missing value.

public struct TimeColumn: Sendable, Equatable {
    public var values: [Int64]
    public var kind: TimeKind

    public init(_ values: [Int64], kind: TimeKind) {
        self.values = values
        self.kind = kind
    }

    public var count: Int { values.count }

    public var missingCount: Int {
        values.withUnsafeBufferPointer { buffer in
            var missing = 0
            for value in buffer where value == TimeValue.missing { missing += 1 }
            return missing
        }
    }

    /// Element `index` as a time value; nil when missing.
    public subscript(index: Int) -> TimeValue? {
        let micros = values[index]
        return micros == TimeValue.missing ? nil : TimeValue(micros: micros, kind: kind)
    }

    /// The same instants as a column of another kind (a date column read as instants, or instants cut to days).
    public func converted(to newKind: TimeKind) -> TimeColumn {
        guard newKind == .date, kind != .date else { return TimeColumn(values, kind: newKind) }
        return TimeColumn(values.map { $0 == TimeValue.missing ? $0 : $0 - $0.floorModulo(Micros.day) }, kind: .date)
    }
}
