// TimeArithmetic: `+`, `-`, `*`, `/` and comparisons with dates, datetimes and durations, as single values or
// vectors (broadcast as numbers are). An instant plus or minus a duration is an instant (a date stays a date
// when the duration is whole days), an instant minus an instant is a duration, durations scale by numbers and
// a duration divided by a duration is a number. A string compared with an instant is read as ISO 8601, so
// `df.ts >= "2024-03-01"` works. Missing stays missing.
import DriftCore

enum TimeArithmetic {
    /// One side of the operation, as microsecond counts (one for a single value) or numbers.
    private enum Operand {
        case times(kind: TimeKind, values: [Int64], single: Bool)
        case numbers(values: [Double], single: Bool)
        /// `null`: missing, of whatever kind the operation needs.
        case missing

        init?(_ value: Value) {
            switch value {
            case .time(let time): self = .times(kind: time.kind, values: [time.micros], single: true)
            case .vector(.time(let column)): self = .times(kind: column.kind, values: column.values, single: false)
            case .number(let number): self = .numbers(values: [number], single: true)
            case .vector(.numeric(let column)): self = .numbers(values: column.values, single: false)
            case .null: self = .missing
            default: return nil
            }
        }

        var count: Int? {
            switch self {
            case .times(_, let values, false): values.count
            case .numbers(let values, false): values.count
            default: nil
            }
        }

        var kindName: String {
            switch self {
            case .times(let kind, _, _): kind.rawValue
            case .numbers: "number"
            case .missing: "null"
            }
        }
    }

    /// The result, or nil when neither side is a time (the other operators' rules apply then). `==` and
    /// `!=` between a time and something that is neither a time nor ISO 8601 text are plain inequality, as
    /// between other values of different kinds.
    static func apply(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(BuiltinError) -> Value? {
        guard left.holdsTime || right.holdsTime else { return nil }
        if op == .equal || op == .notEqual, !left.comparesWithTimes || !right.comparesWithTimes { return nil }
        let a = try operand(left, comparedWith: right, op), b = try operand(right, comparedWith: left, op)
        let count = try length(op, a, b)
        // Two single values give a single value; a vector, even of one element, gives a vector.
        let single = a.count == nil && b.count == nil
        if Arithmetic.isComparison(op) { return try compare(op, a, b, count: count) }
        switch (op, a, b) {
        case (.add, .times(let x, let u, _), .times(.duration, let v, _)) where x != .duration,
             (.subtract, .times(let x, let u, _), .times(.duration, let v, _)) where x != .duration:
            return try times(op, u, v, count: count, kind: x, keepsDate: v, single: single)
        case (.add, .times(.duration, let u, _), .times(let x, let v, _)) where x != .duration:
            return try times(.add, v, u, count: count, kind: x, keepsDate: u, single: single)
        case (.add, .times(let x, _, _), .missing), (.subtract, .times(let x, _, _), .missing), (.add, .missing, .times(let x, _, _)):
            return missing(kind: x, count: count, single: single)
        case (.subtract, .missing, .times(let x, _, _)):
            return missing(kind: x == .duration ? .duration : .datetime, count: count, single: single)
        case (.multiply, .times(.duration, _, _), .missing), (.multiply, .missing, .times(.duration, _, _)),
             (.divide, .times(.duration, _, _), .missing):
            return missing(kind: .duration, count: count, single: single)
        case (.subtract, .times(let x, let u, _), .times(let y, let v, _)) where x != .duration && y != .duration:
            return try times(op, u, v, count: count, kind: .duration, keepsDate: nil, single: single)
        case (.add, .times(.duration, let u, _), .times(.duration, let v, _)),
             (.subtract, .times(.duration, let u, _), .times(.duration, let v, _)):
            return try times(op, u, v, count: count, kind: .duration, keepsDate: nil, single: single)
        case (.multiply, .times(.duration, let u, _), .numbers(let n, _)), (.multiply, .numbers(let n, _), .times(.duration, let u, _)):
            return try scaled(u, n, count: count, single: single) { Double($0) * $1 }
        case (.divide, .times(.duration, let u, _), .numbers(let n, _)):
            return try scaled(u, n, count: count, single: single) { Double($0) / $1 }
        case (.divide, .times(.duration, let u, _), .times(.duration, let v, _)):
            let ratios = (0..<count).map { i -> Double in
                let x = u[u.count == 1 ? 0 : i], y = v[v.count == 1 ? 0 : i]
                return x == TimeValue.missing || y == TimeValue.missing ? .nan : Double(x) / Double(y)
            }
            return single ? (ratios[0].isNaN ? .null : .number(ratios[0])) : .vector(.numeric(NumericColumn(ratios)))
        default:
            throw BuiltinError(advice(op, a, b))
        }
    }

    /// An operand; a string (or string vector) compared with an instant is read as ISO 8601.
    private static func operand(_ value: Value, comparedWith other: Value, _ op: BinaryOperator) throws(BuiltinError) -> Operand {
        if let operand = Operand(value) { return operand }
        if Arithmetic.isComparison(op), other.holdsTime {
            switch value {
            case .string(let text):
                guard let parsed = ISOTime.parse(text) else {
                    throw BuiltinError("cannot compare a \(other.timeKindName) with \"\(text)\": it is not an ISO 8601 date or time")
                }
                return .times(kind: parsed.hasTime ? .datetime : .date, values: [parsed.micros], single: true)
            default: break
            }
        }
        throw BuiltinError("cannot apply '\(op.rawValue)' to \(value.kindName) and \(other.kindName)")
    }

    private static func length(_ op: BinaryOperator, _ a: Operand, _ b: Operand) throws(BuiltinError) -> Int {
        switch (a.count, b.count) {
        case (let x?, let y?) where x != y:
            throw BuiltinError("cannot apply '\(op.rawValue)' to vectors of different lengths (\(x) and \(y))")
        case (let x?, _): return x
        case (_, let y?): return y
        default: return 1
        }
    }

    /// Instants compare with instants (a date as its midnight), durations with durations; against null the
    /// answer is missing.
    private static func compare(_ op: BinaryOperator, _ a: Operand, _ b: Operand, count: Int) throws(BuiltinError) -> Value {
        if case .missing = a { return missingFlags(count: count, single: b.count == nil) }
        if case .missing = b { return missingFlags(count: count, single: a.count == nil) }
        guard case .times(let x, let u, let singleA) = a, case .times(let y, let v, let singleB) = b,
              (x == .duration) == (y == .duration)
        else { throw BuiltinError("cannot compare \(a.kindName) and \(b.kindName)") }
        var flags = [Int8](repeating: 0, count: count)
        for i in 0..<count {
            let p = u[singleA ? 0 : i], q = v[singleB ? 0 : i]
            if p == TimeValue.missing || q == TimeValue.missing {
                flags[i] = -1
            } else {
                flags[i] = Arithmetic.holds(op, p, q) ? 1 : 0
            }
        }
        if singleA && singleB { return flags[0] < 0 ? .null : .bool(flags[0] == 1) }
        return .vector(.boolean(BoolColumn(raw: flags)))
    }

    /// `u ± v` element-wise, as `kind`; a date plus durations that are not all whole days becomes a datetime.
    private static func times(
        _ op: BinaryOperator, _ u: [Int64], _ v: [Int64], count: Int, kind: TimeKind, keepsDate durations: [Int64]?, single: Bool
    ) throws(BuiltinError) -> Value {
        var kind = kind
        if kind == .date, let durations, durations.contains(where: { $0 != TimeValue.missing && $0 % Micros.day != 0 }) {
            kind = .datetime
        }
        var result = [Int64](repeating: 0, count: count)
        for i in 0..<count {
            let x = u[u.count == 1 ? 0 : i], y = v[v.count == 1 ? 0 : i]
            if x == TimeValue.missing || y == TimeValue.missing {
                result[i] = TimeValue.missing
                continue
            }
            let value = op == .add ? x + y : x - y  // both within ±Micros.limit, so no overflow
            guard abs(value) <= Micros.limit else { throw BuiltinError("the result of '\(op.rawValue)' is out of the range of times") }
            result[i] = value
        }
        return wrap(result, kind: kind, single: single)
    }

    /// A duration scaled by numbers, rounded to the microsecond.
    private static func scaled(_ u: [Int64], _ n: [Double], count: Int, single: Bool, _ combine: (Int64, Double) -> Double) throws(BuiltinError) -> Value {
        var result = [Int64](repeating: 0, count: count)
        for i in 0..<count {
            let x = u[u.count == 1 ? 0 : i], y = n[n.count == 1 ? 0 : i]
            if x == TimeValue.missing || y.isNaN {
                result[i] = TimeValue.missing
                continue
            }
            let value = combine(x, y).rounded()
            guard value.isFinite, abs(value) <= Double(Micros.limit) else {
                throw BuiltinError("the scaled duration is out of the range of times")
            }
            result[i] = Int64(value)
        }
        return wrap(result, kind: .duration, single: single)
    }

    private static func wrap(_ values: [Int64], kind: TimeKind, single: Bool) -> Value {
        if single { return values[0] == TimeValue.missing ? .null : .time(TimeValue(micros: values[0], kind: kind)) }
        return .vector(.time(TimeColumn(values, kind: kind)))
    }

    private static func missing(kind: TimeKind, count: Int, single: Bool) -> Value {
        single ? .null : .vector(.time(TimeColumn([Int64](repeating: TimeValue.missing, count: count), kind: kind)))
    }

    private static func missingFlags(count: Int, single: Bool) -> Value {
        single ? .null : .vector(.boolean(BoolColumn(raw: [Int8](repeating: -1, count: count))))
    }

    /// What to write instead, for an operation times do not have.
    private static func advice(_ op: BinaryOperator, _ a: Operand, _ b: Operand) -> String {
        let what = "cannot apply '\(op.rawValue)' to \(a.kindName) and \(b.kindName)"
        switch (op, a, b) {
        case (.add, .times(let x, _, _), .numbers), (.subtract, .times(let x, _, _), .numbers), (.add, .numbers, .times(let x, _, _)):
            return x == .duration
                ? "\(what); a duration adds to a duration or a date (write seconds(n) for n seconds)"
                : "\(what); add a duration such as days(n) or hours(n)"
        case (.add, .times(let x, _, _), .times(let y, _, _)) where x != .duration && y != .duration:
            return "\(what); subtract two instants for the duration between them, or add a duration to one"
        default:
            return what
        }
    }
}

extension Value {
    /// Whether the value is a time or a vector of times.
    var holdsTime: Bool {
        switch self {
        case .time, .vector(.time): true
        default: false
        }
    }

    /// Whether `==` with a time compares times: a time, null, or ISO 8601 text.
    fileprivate var comparesWithTimes: Bool {
        switch self {
        case .time, .vector(.time), .null: true
        case .string(let text): ISOTime.parse(text) != nil
        default: false
        }
    }

    /// "datetime", "date" or "duration" for a time or time vector.
    fileprivate var timeKindName: String {
        switch self {
        case .time(let time): time.kind.rawValue
        case .vector(.time(let column)): column.kind.rawValue
        default: kindName
        }
    }
}
