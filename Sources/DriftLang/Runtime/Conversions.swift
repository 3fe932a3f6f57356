// Conversions between scalars, lists and typed columns: a list literal of numbers becomes a numeric
// vector, and a vector element reads back as a scalar (missing as null).
import DriftCore

extension Value {
    /// A list of values as the tightest container: a typed vector when every element is a number,
    /// every one a string, or every one a boolean (nulls allowed, as missing); otherwise a list.
    static func collection(_ elements: [Value]) -> Value {
        var numbers = 0, strings = 0, bools = 0, nulls = 0, times = 0
        var timeKind: TimeKind?
        for element in elements {
            switch element {
            case .number: numbers += 1
            case .string: strings += 1
            case .bool: bools += 1
            case .null: nulls += 1
            case .time(let time):
                if timeKind != nil && timeKind != time.kind { return .list(elements) }
                timeKind = time.kind
                times += 1
            default: return .list(elements)
            }
        }
        if elements.isEmpty || nulls == elements.count { return .list(elements) }
        switch elements.count - nulls {
        case numbers: return .vector(.numeric(NumericColumn(elements.map { $0.numberOrMissing ?? .nan })))
        case strings:
            return .vector(.text(TextColumn(elements.map { if case .string(let text) = $0 { return text } else { return nil } })))
        case bools:
            return .vector(.boolean(BoolColumn(elements.map { if case .bool(let flag) = $0 { return flag } else { return nil } })))
        case times:
            let micros = elements.map { if case .time(let time) = $0 { time.micros } else { TimeValue.missing } }
            return .vector(.time(TimeColumn(micros, kind: timeKind ?? .datetime)))
        default: return .list(elements)
        }
    }

    /// The value as a column, if it is one or converts to one (a scalar becomes a one-element column).
    var asColumn: Column? {
        switch self {
        case .vector(let column): return column
        case .number(let number): return .numeric(NumericColumn([number]))
        case .string(let text): return .text(TextColumn([text]))
        case .bool(let flag): return .boolean(BoolColumn([flag]))
        case .time(let time): return .time(TimeColumn([time.micros], kind: time.kind))
        case .list(let items):
            if items.isEmpty { return .numeric(NumericColumn([])) }
            if case .vector(let column) = Value.collection(items.array) { return column }
            if items.allSatisfy({ if case .null = $0 { return true } else { return false } }) {
                return .numeric(NumericColumn([Double](repeating: .nan, count: items.count)))
            }
            return nil
        default: return nil
        }
    }

    /// The value as a dataframe column of `rows` rows: a vector as it is (its length is checked where
    /// the column is used), a single number, string, boolean or null repeated down the column.
    func column(rows: Int) -> Column? {
        switch self {
        case .null: return .missing(.numeric, count: rows)
        case .number, .string, .bool, .time: return asColumn?.gathering([Int](repeating: 0, count: rows))
        default: return asColumn
        }
    }

    /// The elements of anything iterable (`for`, `map`, `len`): vectors, lists, strings' characters.
    var elements: [Value]? {
        switch self {
        case .vector(let column): return (0..<column.count).map { column.element(at: $0) }
        case .list(let items): return items.array
        case .string(let text): return text.map { .string(String($0)) }
        default: return nil
        }
    }
}

extension Column {
    /// One element as a scalar; a missing one is null.
    func element(at index: Int) -> Value {
        switch self {
        case .numeric(let column):
            let value = column.values[index]
            return value.isNaN ? .null : .number(value)
        case .text(let column):
            return column[index].map(Value.string) ?? .null
        case .boolean(let column):
            let flag = column.values[index]
            return flag < 0 ? .null : .bool(flag == 1)
        case .time(let column):
            return column[index].map(Value.time) ?? .null
        }
    }
}

extension DataFrame {
    /// Row `row` as a record of its columns (missing values as null), for `rows(df)` and `df[i]`.
    func record(at row: Int) -> Record {
        Record(zip(names, columns).map { ($0, $1.element(at: row)) })
    }

    /// A frame from records with the same fields (in any order; the first record's order names the
    /// columns), one row each, as `dataframe(list)` and `parse_json(…, as_dataframe: true)` make it.
    /// Each cell is a number, string, boolean, time or null, and each column holds one kind.
    static func ofRecords(_ rows: [Value]) throws(BuiltinError) -> DataFrame {
        var names: [String] = []
        var columnOf: [String: Int] = [:]
        var cells: [[Value]] = []
        for (index, row) in rows.enumerated() {
            guard case .record(let record) = row else { throw BuiltinError("row \(index) is \(row.kindName), not a record") }
            if index == 0 {
                names = record.keys
                columnOf = Dictionary(record.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                cells = Array(repeating: [], count: names.count)
            }
            // A record's fields are distinct, so as many fields, each a column, are the same fields.
            guard record.count == names.count, record.keys.allSatisfy({ columnOf[$0] != nil }) else {
                throw BuiltinError("row \(index) has the keys \(record.keys.joined(separator: ", ")), not those of row 0 (\(names.joined(separator: ", ")))")
            }
            for (key, cell) in record.fields {
                guard cell.isScalar, let column = columnOf[key] else {
                    throw BuiltinError("row \(index), column '\(key)': a dataframe cell must be a number, string, boolean, time or null, not \(cell.kindName)")
                }
                cells[column].append(cell)
            }
        }
        var columns: [(name: String, column: Column)] = []
        for (name, values) in zip(names, cells) {
            guard let column = Value.collection(values).asColumn else {
                throw BuiltinError("column '\(name)' mixes kinds of values (numbers, strings, booleans, dates, datetimes, durations); a column holds one kind")
            }
            columns.append((name, column))
        }
        do {
            return try DataFrame(columns)
        } catch {
            throw BuiltinError(BuiltinError.describe(error))
        }
    }
}
