// CSVColumnAccumulator: one column of the whole file, built by appending each block's builder in file order
// straight into the column's final buffer, so no per-thread copy of the data has to be merged afterwards.

/// The column's kind settles on the first block that has a present cell. A date column takes a datetime block
/// (and becomes a datetime column: its days are their midnights), a datetime column a date block. A block of
/// another kind, or one that needs text, makes the whole column need text (the reader then reads it again as text). Text codes of each
/// reading thread's dictionary are translated to the column's own level table as blocks arrive.
struct CSVColumnAccumulator {
    private(set) var kind: CSVColumnBuilder.Kind
    private let estimatedRows: Int
    private var missingBeforeKind = 0
    private var numbers: [Double] = []
    private var flags: [Int8] = []
    private var codes: [Int32] = []
    private var times: [Int64] = []
    private var levels: [String] = []
    private var levelCodes: [String: Int32] = [:]
    /// Per reading thread: the code in this column of each level of that thread's dictionary (made on the
    /// first text block, so a wide file's other columns cost no allocation).
    private var translations: [[Int32]] = []
    private let threadCount: Int

    init(forcedText: Bool, threadCount: Int, estimatedRows: Int) {
        kind = forcedText ? .text : .undetermined
        self.estimatedRows = estimatedRows
        self.threadCount = threadCount
    }

    /// Appends the block that `thread` read (`rowCount` rows) with `dictionary`, that thread's dictionary for
    /// this column.
    mutating func append(_ block: CSVColumnBuilder, rowCount: Int, thread: Int, dictionary: TextDictionary) {
        switch (kind, block.kind) {
        case (.needsText, _):
            return
        case (_, .needsText):
            becomeNeedsText()
        case (.undetermined, .undetermined):
            missingBeforeKind += rowCount
        case (_, .undetermined):
            appendMissing(rowCount)
        case (.undetermined, let blockKind):
            kind = blockKind
            appendMissing(missingBeforeKind)
            appendCells(of: block, thread: thread, dictionary: dictionary)
        case (let ours, let blockKind) where ours == blockKind:
            appendCells(of: block, thread: thread, dictionary: dictionary)
        case (.time, .time):
            kind = .time(.datetime)
            appendCells(of: block, thread: thread, dictionary: dictionary)
        default:
            becomeNeedsText()
        }
    }

    /// The finished column, or nil if it needs text. A column whose cells were all missing is numeric; with no
    /// rows at all, text.
    func column(rowCount: Int) -> Column? {
        switch kind {
        case .numeric: .numeric(NumericColumn(numbers))
        case .boolean: .boolean(BoolColumn(raw: flags))
        case .text: .text(TextColumn(codes: codes, levels: levels))
        case .time(let timeKind): .time(TimeColumn(times, kind: timeKind))
        case .needsText: nil
        case .undetermined:
            rowCount == 0
                ? .text(TextColumn(codes: [], levels: []))
                : .numeric(NumericColumn([Double](repeating: .nan, count: rowCount)))
        }
    }

    private mutating func becomeNeedsText() {
        kind = .needsText
        numbers = []
        flags = []
        codes = []
        times = []
    }

    private mutating func appendMissing(_ count: Int) {
        guard count > 0 else { return }
        reserve()
        switch kind {
        case .numeric: numbers.append(contentsOf: repeatElement(.nan, count: count))
        case .boolean: flags.append(contentsOf: repeatElement(-1, count: count))
        case .text: codes.append(contentsOf: repeatElement(-1, count: count))
        case .time: times.append(contentsOf: repeatElement(TimeValue.missing, count: count))
        case .undetermined, .needsText: break
        }
    }

    private mutating func appendCells(of block: CSVColumnBuilder, thread: Int, dictionary: TextDictionary) {
        reserve()
        switch kind {
        case .numeric:
            numbers.append(contentsOf: block.numbers.prefix(block.count))
        case .boolean:
            flags.append(contentsOf: block.flags.prefix(block.count))
        case .time:
            times.append(contentsOf: block.times.prefix(block.count))
        case .text:
            if translations.isEmpty { translations = Array(repeating: [], count: threadCount) }
            var translation = translations[thread]
            translations[thread] = []
            for level in dictionary.levels[translation.count...] {
                if let code = levelCodes[level] {
                    translation.append(code)
                } else {
                    let code = Int32(levels.count)
                    levelCodes[level] = code
                    levels.append(level)
                    translation.append(code)
                }
            }
            translation.withUnsafeBufferPointer { translation in
                for code in block.codes.prefix(block.count) { codes.append(code < 0 ? -1 : translation[Int(code)]) }
            }
            translations[thread] = translation
        case .undetermined, .needsText:
            break
        }
    }

    /// Reserves the estimated size of the whole column once its kind is known (untouched pages cost no memory).
    private mutating func reserve() {
        switch kind {
        case .numeric where numbers.capacity == 0: numbers.reserveCapacity(estimatedRows)
        case .boolean where flags.capacity == 0: flags.reserveCapacity(estimatedRows)
        case .text where codes.capacity == 0: codes.reserveCapacity(estimatedRows)
        case .time where times.capacity == 0: times.reserveCapacity(estimatedRows)
        default: break
        }
    }
}
