// SQLPeriodWindows: each row's period window as SQL, numbered exactly as `Period.window(of:origin:)` numbers them
// from the period's default origin (weeks from a Monday, months from the 1st, fixed lengths such as "6h" from the
// epoch): floor((t − offset) / length), t being the timestamp in whole epoch seconds or its UTC month (the
// dialect's `epochSeconds` and `epochMonth`). The division is done in doubles, which is exact here: both sides are
// whole numbers far below 2^53, and a correctly rounded quotient of such never crosses a whole number.
import DriftCore

extension SQLDialect {
    /// The window number of each row's `column` (a date or datetime column of `kind`); NULL when it is missing.
    func periodWindow(of column: String, kind: TimeKind, every period: Period) throws -> String {
        guard let arithmetic = period.windowArithmetic(origin: period.defaultOrigin) else {
            throw DataError("a table's period chunks must be whole seconds long")
        }
        let seconds = epochSeconds(quoted(column), kind)
        let (unit, offset, length) = switch arithmetic {
        case .seconds(let offset, let length): (seconds, offset, length)
        case .months(let offset, let length): (epochMonth(seconds), offset, length)
        }
        return "floor(CAST(\(unit) - (\(offset)) AS \(doubleType)) / \(length))"
    }
}
