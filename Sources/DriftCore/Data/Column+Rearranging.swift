// Column+Rearranging: a column moved along its rows, same length, missing where nothing moves in (behind
// `lag` and `lead`, as pandas' `shift`), its rows in reverse order (`reverse`) and repeated (`repeat`).

extension Column {
    /// Element i is the element at `i - offset`, or missing where that is outside the column: a positive
    /// offset moves values later (the first `offset` become missing), a negative one earlier.
    public func shifted(by offset: Int) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(column.values.shifted(by: offset, filling: .nan)))
        case .text(let column): .text(TextColumn(codes: column.codes.shifted(by: offset, filling: -1), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: column.values.shifted(by: offset, filling: -1)))
        case .time(let column): .time(TimeColumn(column.values.shifted(by: offset, filling: TimeValue.missing), kind: column.kind))
        }
    }

    /// The rows in reverse order.
    public func reversed() -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(column.values.reversed()))
        case .text(let column): .text(TextColumn(codes: column.codes.reversed(), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: column.values.reversed()))
        case .time(let column): .time(TimeColumn(column.values.reversed(), kind: column.kind))
        }
    }

    /// The rows `times` times over, one copy after another.
    public func repeated(_ times: Int) -> Column {
        switch self {
        case .numeric(let column): .numeric(NumericColumn(column.values.repeated(times)))
        case .text(let column): .text(TextColumn(codes: column.codes.repeated(times), levels: column.levels))
        case .boolean(let column): .boolean(BoolColumn(raw: column.values.repeated(times)))
        case .time(let column): .time(TimeColumn(column.values.repeated(times), kind: column.kind))
        }
    }
}

extension Array {
    /// The elements `times` times over.
    func repeated(_ times: Int) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count * Swift.max(0, times))
        for _ in 0..<Swift.max(0, times) { result.append(contentsOf: self) }
        return result
    }

    /// Element i is `self[i - offset]`, or `filler` where that index is outside the array.
    func shifted(by offset: Int, filling filler: Element) -> [Element] {
        let n = count
        guard offset.magnitude < n else { return [Element](repeating: filler, count: n) }
        if offset >= 0 {
            return [Element](repeating: filler, count: offset) + self[0..<(n - offset)]
        }
        return Array(self[(-offset)..<n]) + [Element](repeating: filler, count: -offset)
    }
}
