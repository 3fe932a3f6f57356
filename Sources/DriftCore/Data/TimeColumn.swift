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

    /// The present values, in order.
    public var presentValues: LazyFilterSequence<[Int64]> { values.lazy.filter { $0 != TimeValue.missing } }

    /// The earliest and the latest present value, in one pass; nil when none is present.
    public var presentRange: (first: Int64, last: Int64)? {
        var range: (first: Int64, last: Int64)?
        for value in presentValues {
            range = range.map { (Swift.min($0.first, value), Swift.max($0.last, value)) } ?? (value, value)
        }
        return range
    }

    /// Element `index` as a time value; nil when missing.
    public subscript(index: Int) -> TimeValue? {
        let micros = values[index]
        return micros == TimeValue.missing ? nil : TimeValue(micros: micros, kind: kind)
    }

    /// The same instants as a column of another kind (a date column read as instants, or instants cut to days).
    public func converted(to newKind: TimeKind) -> TimeColumn {
        guard newKind == .date else { return TimeColumn(values, kind: newKind) }
        return TimeColumn(values.map { $0 == TimeValue.missing ? $0 : $0 - $0.floorModulo(Micros.day) }, kind: .date)
    }
}

extension TimeColumn {
    /// The start of each value's window of length `period`, windows laid from `origin` (see
    /// `Period.start(of:origin:)`). Dates stay dates when the windows start at midnights (whole days or months
    /// from a midnight origin); otherwise the starts are datetimes.
    public func windowStarts(every period: Period, origin: Int64) -> TimeColumn {
        let starts = values.map { $0 == TimeValue.missing ? $0 : period.start(of: $0, origin: origin) }
        return TimeColumn(starts, kind: Self.windowStartKind(kind, every: period, origin: origin))
    }

    /// The kind of the window starts of a column of `kind`: dates when the column holds dates and the windows
    /// start at midnights, datetimes otherwise.
    public static func windowStartKind(_ kind: TimeKind, every period: Period, origin: Int64) -> TimeKind {
        var startsAtMidnight = origin % Micros.day == 0
        if case .fixed(let length) = period, length % Micros.day != 0 { startsAtMidnight = false }
        return kind == .date && startsAtMidnight ? .date : .datetime
    }

    /// Every window start from the first present value's window to the last one's, in order.
    public func allWindowStarts(every period: Period, origin: Int64) throws -> [Int64] {
        guard let (first, last) = presentRange else { return [] }
        var starts: [Int64] = []
        var start = period.start(of: first, origin: origin)
        while start <= last {
            starts.append(start)
            if starts.count > 10_000_000 { throw DataError("more than 10,000,000 windows between \(ISOTime.text(TimeValue(micros: first, kind: kind))) and \(ISOTime.text(TimeValue(micros: last, kind: kind))); choose a longer period") }
            start = period.end(after: start)
        }
        return starts
    }
}
