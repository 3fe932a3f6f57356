// TimeValue: one instant, calendar day or length of time, as a count of microseconds. Instants count from the
// Unix epoch in UTC, days are the instant of their midnight (UTC), durations are a signed length. One integer
// for all three keeps arithmetic and comparison between them a matter of adding and comparing integers.

/// What a time value means.
public enum TimeKind: String, Sendable {
    /// An instant, to the microsecond, in UTC.
    case datetime
    /// A calendar day (stored as its midnight UTC).
    case date
    /// A length of time.
    case duration
}

public struct TimeValue: Hashable, Sendable {
    /// Microseconds since 1970-01-01T00:00:00Z (datetime, date) or in the length (duration).
    public var micros: Int64
    public var kind: TimeKind

    public init(micros: Int64, kind: TimeKind) {
        self.micros = micros
        self.kind = kind
    }

    /// The marker for a missing value in a time column.
    public static let missing = Int64.min
}

/// Lengths in microseconds.
public enum Micros {
    public static let second: Int64 = 1_000_000
    public static let minute: Int64 = 60 * second
    public static let hour: Int64 = 60 * minute
    public static let day: Int64 = 24 * hour
    public static let week: Int64 = 7 * day

    /// The largest magnitude a time value may have: about 73,000 years either side of 1970, so that the
    /// sum or difference of two values never overflows (and years stay within five digits).
    public static let limit: Int64 = Int64.max / 4

    /// `count` of `unit` microseconds plus `offset`, exactly; nil when beyond `limit`.
    public static func exactly(_ count: Int64, _ unit: Int64, plus offset: Int64 = 0) -> Int64? {
        let (product, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow, abs(product) <= limit, abs(offset) <= limit, abs(product + offset) <= limit else { return nil }
        return product + offset
    }

    /// `amount` of `unit` microseconds, rounded to the microsecond; nil when not finite or out of range.
    public static func of(_ amount: Double, _ unit: Int64) -> Int64? {
        let micros = (amount * Double(unit)).rounded()
        guard micros.isFinite, abs(micros) <= Double(limit) else { return nil }
        return Int64(micros)
    }
}
