// ColumnType: the three types a column's values can have. Code compares these cases; the raw value is the
// name the language shows ("num", "str", "bool") in frame headers, `describe`, lazy columns and messages.

public enum ColumnType: String, Sendable, CaseIterable, Codable {
    case numeric = "num"
    case text = "str"
    case boolean = "bool"
}
