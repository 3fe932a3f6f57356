// ColumnType: the types a column's values can have. Code compares these cases; the raw value is the name the
// language shows ("num", "str", "bool", "datetime", "date", "duration") in frame headers, `describe`, lazy
// columns and messages.

public enum ColumnType: String, Sendable, CaseIterable, Codable {
    case numeric = "num"
    case text = "str"
    case boolean = "bool"
    case datetime
    case date
    case duration

    public init(_ kind: TimeKind) {
        switch kind {
        case .datetime: self = .datetime
        case .date: self = .date
        case .duration: self = .duration
        }
    }

    /// The bytes one row of such a column takes: a number or time 8, a text code 4, a flag 1. What a
    /// frame or vector of n rows will take is checked with it before it is made (MemoryLimit.reserve).
    public var bytesPerRow: Int {
        switch self {
        case .numeric, .datetime, .date, .duration: 8
        case .text: 4
        case .boolean: 1
        }
    }

    /// The time kind of a time column type; nil for the others.
    public var timeKind: TimeKind? {
        switch self {
        case .datetime: .datetime
        case .date: .date
        case .duration: .duration
        case .numeric, .text, .boolean: nil
        }
    }
}
