// CSVColumnBuilder: one column's cells from one block of rows, typed as they are read (number, then boolean,
// then ISO date or timestamp, then text), in a reusable buffer that `CSVColumnAccumulator` appends to the final
// column.

/// How a column's cells are read: typed by what they hold, as text, or as times in a given layout.
enum CSVColumnMode: Equatable {
    case inferred
    case text
    /// Dates or timestamps: ISO 8601 when the format is nil.
    case time(TimeFormat?)
}

/// What was wrong with a cell the builder could not take.
enum CSVCellProblem: Error {
    case invalidUTF8
    /// A present cell of a column read as times (`dates:`) that is not a time in the column's layout.
    case notATime
}

/// Takes the cells of one block one at a time. The first present cell picks the kind: number if it parses as
/// one, boolean if it is true/false in any case, a date if it is an ISO 8601 day (`2024-03-01`), a datetime if
/// it is an ISO timestamp, else text. A date column whose later cell has a time of day becomes a datetime
/// column (its days are their midnights). A later cell that does not fit marks the column as needing text
/// (the reader then reads the file again with that column read as text from the start).
/// Text cells are stored as codes of the reading thread's `TextDictionary`. The buffers are raw memory owned
/// by the builder and reused from block to block; `deallocate()` frees them.
struct CSVColumnBuilder {
    enum Kind: Equatable { case undetermined, numeric, boolean, text, time(TimeKind), needsText }

    private(set) var kind: Kind
    private let mode: CSVColumnMode
    /// Cells stored in the buffer of `kind`; cells before the first present one are stored as missing then.
    private(set) var count = 0
    private(set) var missingBeforeKind = 0
    private(set) var numbers = GrowableBuffer<Double>()
    private(set) var flags = GrowableBuffer<Int8>()
    private(set) var codes = GrowableBuffer<Int32>()
    private(set) var times = GrowableBuffer<Int64>()

    init(mode: CSVColumnMode) {
        self.mode = mode
        kind = Self.initialKind(mode)
    }

    private static func initialKind(_ mode: CSVColumnMode) -> Kind {
        switch mode {
        case .inferred: .undetermined
        case .text: .text
        case .time(let format): .time(format.map { $0.hasTimeOfDay ? .datetime : .date } ?? .date)
        }
    }

    /// Empties the builder for the next block, keeping its buffers.
    mutating func reset() {
        kind = Self.initialKind(mode)
        count = 0
        missingBeforeKind = 0
    }

    mutating func deallocate() {
        numbers.deallocate()
        flags.deallocate()
        codes.deallocate()
        times.deallocate()
    }

    /// For an error message: the layout times are read with.
    var layoutHint: String {
        if case .time(let format?) = mode { return " in the layout \"\(format.layout)\"" }
        return " in ISO 8601"
    }

    /// Adds a number already parsed from the cell (the fast path of numeric columns).
    @inline(__always)
    mutating func appendNumber(_ value: Double) {
        numbers.append(value, at: count)
        count += 1
    }

    /// Adds a cell of any kind; throws if the cell is text but not valid UTF-8, or not a time in a column of times.
    @inline(__always)
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>, dictionary: inout TextDictionary) throws(CSVCellProblem) {
        switch kind {
        case .numeric:
            if let value = NumberParser.parse(cell) {
                appendNumber(value)
            } else if Self.isMissing(cell) {
                appendNumber(.nan)
            } else {
                kind = .needsText
            }
        case .text:
            if Self.isMissing(cell) {
                codes.append(-1, at: count)
            } else {
                guard let code = dictionary.code(for: cell) else { throw .invalidUTF8 }
                codes.append(code, at: count)
            }
            count += 1
        case .time(let timeKind):
            if case .time(let format?) = mode {
                if let micros = format.parse(cell) {
                    times.append(micros, at: count)
                } else if Self.isMissing(cell) {
                    times.append(TimeValue.missing, at: count)
                } else {
                    throw .notATime
                }
            } else if let parsed = ISOTime.parse(cell) {
                if parsed.hasTime && timeKind == .date { kind = .time(.datetime) }
                times.append(parsed.micros, at: count)
            } else if Self.isMissing(cell) {
                times.append(TimeValue.missing, at: count)
            } else if mode == .inferred {
                kind = .needsText
                return
            } else {
                throw .notATime
            }
            count += 1
        case .boolean:
            if let flag = Self.boolean(cell) {
                flags.append(flag, at: count)
            } else if Self.isMissing(cell) {
                flags.append(-1, at: count)
            } else {
                kind = .needsText
                return
            }
            count += 1
        case .undetermined:
            if Self.isMissing(cell) {
                missingBeforeKind += 1
                return
            }
            if NumberParser.parse(cell) != nil {
                kind = .numeric
                numbers.fill(.nan, count: missingBeforeKind)
            } else if Self.boolean(cell) != nil {
                kind = .boolean
                flags.fill(-1, count: missingBeforeKind)
            } else if let parsed = ISOTime.parse(cell) {
                kind = .time(parsed.hasTime ? .datetime : .date)
                times.fill(TimeValue.missing, count: missingBeforeKind)
            } else {
                kind = .text
                codes.fill(-1, count: missingBeforeKind)
            }
            count = missingBeforeKind
            try append(cell, dictionary: &dictionary)
        case .needsText:
            break
        }
    }

    /// Empty, `NA`, `null` and `NaN` are missing in every column.
    @inline(__always)
    static func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        switch cell.count {
        case 0: true
        case 2: cell[0] == UInt8(ascii: "N") && cell[1] == UInt8(ascii: "A")
        case 3: cell[0] == UInt8(ascii: "N") && cell[1] == UInt8(ascii: "a") && cell[2] == UInt8(ascii: "N")
        case 4: cell[0] == UInt8(ascii: "n") && cell[1] == UInt8(ascii: "u") && cell[2] == UInt8(ascii: "l")
            && cell[3] == UInt8(ascii: "l")
        default: false
        }
    }

    /// 1 for `true`, 0 for `false` (any case), nil otherwise.
    @inline(__always)
    static func boolean(_ cell: UnsafeBufferPointer<UInt8>) -> Int8? {
        func matches(_ word: StaticString) -> Bool {
            guard cell.count == word.utf8CodeUnitCount else { return false }
            for k in 0..<cell.count where cell[k] | 0x20 != word.utf8Start[k] { return false }
            return true
        }
        if matches("true") { return 1 }
        if matches("false") { return 0 }
        return nil
    }
}

/// A buffer of trivial values in raw memory that doubles when full; freed only by `deallocate()`.
struct GrowableBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>?
    private var capacity = 0

    /// Stores `value` at `index`, which is at most the number stored so far.
    @inline(__always)
    mutating func append(_ value: Element, at index: Int) {
        if index >= capacity { grow(keeping: index) }
        base.unsafelyUnwrapped[index] = value
    }

    /// Stores `count` copies of `value` from the start.
    mutating func fill(_ value: Element, count: Int) {
        if count > capacity { grow(keeping: 0, minimum: count) }
        base?.update(repeating: value, count: count)
    }

    func prefix(_ count: Int) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: count)
    }

    mutating func deallocate() {
        base?.deallocate()
        base = nil
        capacity = 0
    }

    private mutating func grow(keeping kept: Int, minimum: Int = 0) {
        let newCapacity = max(16, capacity * 2, minimum)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.update(from: base, count: kept)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }
}
