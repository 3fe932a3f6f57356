// CSVColumnBuilder: collects one CSV column's cells while inferring its type (number, then boolean, then text).

/// Takes cells one at a time. The first present cell picks the kind: number if it parses as one, boolean if
/// it is true/false in any case, else text. A later cell that does not fit marks the column as needing text;
/// the reader then parses the file again with that column read as text from the start.
struct CSVColumnBuilder {
    enum Kind { case undetermined, numeric, boolean, text, needsText }

    private(set) var kind: Kind
    private var missingBeforeKind = 0
    private var numbers: [Double] = []
    private var flags: [Int8] = []
    private var codes: [Int32] = []
    private var dictionary = TextDictionary()

    init(forcedText: Bool, capacity: Int) {
        kind = forcedText ? .text : .undetermined
        if forcedText { codes.reserveCapacity(capacity) }
    }

    /// Adds a cell. Returns false if the cell is text but not valid UTF-8.
    @inline(__always)
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>, capacity: Int) -> Bool {
        switch kind {
        case .numeric:
            if let value = NumberParser.parse(cell) {
                numbers.append(value)
            } else if Self.isMissing(cell) {
                numbers.append(.nan)
            } else {
                kind = .needsText
            }
        case .text:
            if Self.isMissing(cell) {
                codes.append(-1)
            } else {
                guard let code = dictionary.code(for: cell) else { return false }
                codes.append(code)
            }
        case .boolean:
            if let flag = Self.boolean(cell) {
                flags.append(flag)
            } else if Self.isMissing(cell) {
                flags.append(-1)
            } else {
                kind = .needsText
            }
        case .undetermined:
            if Self.isMissing(cell) {
                missingBeforeKind += 1
            } else if let value = NumberParser.parse(cell) {
                kind = .numeric
                numbers.reserveCapacity(capacity)
                numbers.append(contentsOf: repeatElement(.nan, count: missingBeforeKind))
                numbers.append(value)
            } else if let flag = Self.boolean(cell) {
                kind = .boolean
                flags.reserveCapacity(capacity)
                flags.append(contentsOf: repeatElement(-1, count: missingBeforeKind))
                flags.append(flag)
            } else {
                kind = .text
                codes.reserveCapacity(capacity)
                codes.append(contentsOf: repeatElement(-1, count: missingBeforeKind))
                return append(cell, capacity: capacity)
            }
        case .needsText:
            break
        }
        return true
    }

    /// The finished column. A column whose cells were all missing is numeric; with no rows at all, text.
    func column(rowCount: Int) -> Column {
        switch kind {
        case .numeric: .numeric(NumericColumn(numbers))
        case .boolean: .boolean(BoolColumn(raw: flags))
        case .text, .needsText: .text(TextColumn(codes: codes, levels: dictionary.levels))
        case .undetermined:
            rowCount == 0
                ? .text(TextColumn(codes: [], levels: []))
                : .numeric(NumericColumn([Double](repeating: .nan, count: rowCount)))
        }
    }

    /// One column from the builders of consecutive chunks, or nil if the chunks disagree on its kind (or one
    /// needs text), in which case the column must be read again as text. A chunk whose cells were all missing
    /// takes the kind of the others.
    static func merged(_ parts: [(builder: CSVColumnBuilder, rowCount: Int)]) throws -> Column? {
        let kinds = Set(parts.map(\.builder.kind)).subtracting([.undetermined])
        guard kinds.count <= 1, !kinds.contains(.needsText) else { return nil }
        let total = parts.reduce(0) { $0 + $1.rowCount }
        guard let template = parts.first(where: { $0.builder.kind != .undetermined }) else {
            return parts.first?.builder.column(rowCount: total) ?? .text(TextColumn(codes: [], levels: []))
        }
        let kindColumn = template.builder.column(rowCount: template.rowCount)
        var result: Column?
        for (builder, rowCount) in parts {
            let column = builder.kind == .undetermined
                ? kindColumn.allMissing(count: rowCount)
                : builder.column(rowCount: rowCount)
            result = try result.map { try Column.concatenating($0, column) } ?? column
        }
        return result
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
