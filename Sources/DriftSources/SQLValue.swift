// SQLValue: a value bound to a query parameter (`?` in SQLite, `$1` in PostgreSQL); never spliced into SQL text.

public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)

    /// A number as the database expects it: a whole number that fits 64 bits binds as an integer (so it
    /// works for `LIMIT $1` and integer columns), anything else as a double; NaN binds as NULL.
    public init(number: Double) {
        if number.isNaN {
            self = .null
        } else if number == number.rounded(), abs(number) < 9.2e18 {
            self = .integer(Int64(number))
        } else {
            self = .real(number)
        }
    }
}
