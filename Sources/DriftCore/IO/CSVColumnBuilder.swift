// CSVColumnBuilder: one column's cells from one block of rows, typed as they are read (number, then boolean,
// then text), in a reusable buffer that `CSVColumnAccumulator` appends to the final column.

/// Takes the cells of one block one at a time. The first present cell picks the kind: number if it parses as
/// one, boolean if it is true/false in any case, else text. A later cell that does not fit marks the column as
/// needing text (the reader then reads the file again with that column read as text from the start).
/// Text cells are stored as codes of the reading thread's `TextDictionary`. The buffers are raw memory owned
/// by the builder and reused from block to block; `deallocate()` frees them.
struct CSVColumnBuilder {
    enum Kind: Equatable { case undetermined, numeric, boolean, text, needsText }

    private(set) var kind: Kind
    private let forcedText: Bool
    /// Cells stored in the buffer of `kind`; cells before the first present one are stored as missing then.
    private(set) var count = 0
    private(set) var missingBeforeKind = 0
    private(set) var numbers = GrowableBuffer<Double>()
    private(set) var flags = GrowableBuffer<Int8>()
    private(set) var codes = GrowableBuffer<Int32>()

    init(forcedText: Bool) {
        self.forcedText = forcedText
        kind = forcedText ? .text : .undetermined
    }

    /// Empties the builder for the next block, keeping its buffers.
    mutating func reset() {
        kind = forcedText ? .text : .undetermined
        count = 0
        missingBeforeKind = 0
    }

    mutating func deallocate() {
        numbers.deallocate()
        flags.deallocate()
        codes.deallocate()
    }

    /// Adds a number already parsed from the cell (the fast path of numeric columns).
    @inline(__always)
    mutating func appendNumber(_ value: Double) {
        numbers.append(value, at: count)
        count += 1
    }

    /// Adds a cell of any kind. Returns false if the cell is text but not valid UTF-8.
    @inline(__always)
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>, dictionary: inout TextDictionary) -> Bool {
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
                guard let code = dictionary.code(for: cell) else { return false }
                codes.append(code, at: count)
            }
            count += 1
        case .boolean:
            if let flag = Self.boolean(cell) {
                flags.append(flag, at: count)
            } else if Self.isMissing(cell) {
                flags.append(-1, at: count)
            } else {
                kind = .needsText
                return true
            }
            count += 1
        case .undetermined:
            if Self.isMissing(cell) {
                missingBeforeKind += 1
                return true
            }
            if NumberParser.parse(cell) != nil {
                kind = .numeric
                numbers.fill(.nan, count: missingBeforeKind)
            } else if Self.boolean(cell) != nil {
                kind = .boolean
                flags.fill(-1, count: missingBeforeKind)
            } else {
                kind = .text
                codes.fill(-1, count: missingBeforeKind)
            }
            count = missingBeforeKind
            return append(cell, dictionary: &dictionary)
        case .needsText:
            break
        }
        return true
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
        let newCapacity = max(4096, capacity * 2, minimum)
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        if let base {
            newBase.update(from: base, count: kept)
            base.deallocate()
        }
        base = newBase
        capacity = newCapacity
    }
}
