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
