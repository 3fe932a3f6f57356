// StringMapping: how every string builtin applies itself element-wise. The subject is one string (or
// null) or a string vector; a string vector is dictionary-coded (codes + levels), so the function runs
// once per distinct string the rows use and each row only looks up its level's result. That keeps
// `upper(df.city)` on a million rows as cheap as the number of distinct cities. Missing stays missing.
import DriftCore

/// The strings a string builtin works on: a single string (nil for null), or a string vector.
enum StringOperand {
    case scalar(String?)
    case vector(TextColumn)

    /// Argument `index`/`name` as strings: a string, null, a string vector, or a list of nulls only
    /// (an empty list is an empty string vector).
    init(_ arguments: Arguments, _ index: Int, _ name: String) throws {
        let value = try arguments.required(index, name)
        switch value {
        case .string(let text): self = .scalar(text)
        case .null: self = .scalar(nil)
        case .vector(.text(let column)): self = .vector(column)
        case .list(let items) where items.allSatisfy(\.isNull):
            self = .vector(TextColumn(codes: [Int32](repeating: -1, count: items.count), levels: []))
        default: throw arguments.mismatch(name, expected: "a string or string vector", got: value)
        }
    }

    /// Applies `transform` to each string, giving strings; a nil result is missing. Results that
    /// coincide (`upper` of "a" and "A") share one level.
    func mapStrings(_ transform: (String) throws -> String?) throws -> Value {
        var levels: [String] = []
        var index: [String: Int32] = [:]
        return try map(transform, scalar: { $0.map(Value.string) ?? .null }, cell: { result -> Int32 in
            guard let text = result ?? nil else { return -1 }
            if let code = index[text] { return code }
            let code = Int32(levels.count)
            index[text] = code
            levels.append(text)
            return code
        }, column: { .vector(.text(TextColumn(codes: $0, levels: levels))) })
    }

    /// Applies a predicate to each string, giving booleans (missing where the string is missing).
    func mapBooleans(_ transform: (String) throws -> Bool) throws -> Value {
        try map(transform, scalar: Value.bool, cell: { result -> Int8 in result.map { $0 ? 1 : 0 } ?? -1 },
                column: { .vector(.boolean(BoolColumn(raw: $0))) })
    }

    /// Applies `transform` to each string, giving numbers (missing where the string is missing).
    func mapNumbers(_ transform: (String) throws -> Double) throws -> Value {
        try map(transform, scalar: Value.number, cell: { $0 ?? .nan }, column: { .vector(.numeric(NumericColumn($0))) })
    }

    /// Applies `transform` to each string, giving any values: a list for a vector (null where the string
    /// is missing), the value itself for a single string.
    func mapValues(_ transform: (String) throws -> Value) throws -> Value {
        try map(transform, scalar: { $0 }, cell: { $0 ?? .null }, column: { .list($0) })
    }

    /// The one element-wise loop. For a vector: `transform` of every level some row uses, `cell` turns
    /// each level's result (nil: the level is unused, or a row is missing) into what a row stores, and
    /// `column` wraps the rows' cells. For a single string: `scalar` wraps the result; null stays null.
    private func map<Result, Cell>(
        _ transform: (String) throws -> Result,
        scalar: (Result) -> Value,
        cell: (Result?) -> Cell,
        column: ([Cell]) -> Value
    ) throws -> Value {
        switch self {
        case .scalar(let text):
            guard let text else { return .null }
            return scalar(try transform(text))
        case .vector(let strings):
            let used = strings.usedLevels()
            var table: [Cell] = []
            table.reserveCapacity(strings.levels.count)
            for (level, text) in strings.levels.enumerated() {
                // Each level may grow a lot (pad to a million characters, replace): polled every level,
                // so Ctrl-C and the memory watchdog stop the loop.
                try Cancellation.check()
                table.append(cell(used[level] ? .some(try transform(text)) : nil))
            }
            let missing = cell(nil)
            return column(strings.codes.withUnsafeBufferPointer { codes in
                table.withUnsafeBufferPointer { table in codes.map { $0 < 0 ? missing : table[Int($0)] } }
            })
        }
    }
}

extension TextColumn {
    /// Which levels at least one row refers to (after filtering, a level table may hold strings no row
    /// uses; transforming those would be wasted work, or an error about a string the user cannot see).
    func usedLevels() -> [Bool] {
        var used = [Bool](repeating: false, count: levels.count)
        codes.withUnsafeBufferPointer { codes in
            for code in codes where code >= 0 { used[Int(code)] = true }
        }
        return used
    }
}
