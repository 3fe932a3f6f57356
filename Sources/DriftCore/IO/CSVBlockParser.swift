// CSVBlockParser: one reader thread's loop over the rows of a block: splits fields, checks the field count of
// every row, and hands each cell to its column's builder. Numbers in numeric columns are parsed and split in
// one pass, which is the hot path of reading a large CSV file.

/// Owns one builder and one text dictionary per column (raw memory, reused from block to block, so the loop has
/// no reference counting or uniqueness checks); `deallocate()` frees them.
struct CSVBlockParser {
    let input: CSVInput
    let columnCount: Int
    let builders: UnsafeMutableBufferPointer<CSVColumnBuilder>
    let dictionaries: UnsafeMutableBufferPointer<TextDictionary>
    /// Rows in the current block.
    private(set) var rowCount = 0
    private var scratch: [UInt8] = []

    init(input: CSVInput, columnCount: Int, modes: [CSVColumnMode]) {
        self.input = input
        self.columnCount = columnCount
        builders = .allocate(capacity: columnCount)
        dictionaries = .allocate(capacity: columnCount)
        for j in 0..<columnCount {
            (builders.baseAddress! + j).initialize(to: CSVColumnBuilder(mode: modes[j]))
            (dictionaries.baseAddress! + j).initialize(to: TextDictionary())
        }
    }

    func deallocate() {
        for j in 0..<columnCount { builders[j].deallocate() }
        builders.deinitialize().deallocate()
        dictionaries.deinitialize().deallocate()
    }

    /// Starts a new block: the builders are emptied, the dictionaries keep their codes.
    mutating func reset() {
        for j in 0..<columnCount { builders[j].reset() }
        rowCount = 0
    }

    /// Reads whole rows from `start` while a row starts before `limit` (and before the end of the rows), and
    /// returns where the next row starts.
    mutating func parseRows(from start: Int, limit: Int) throws -> Int {
        let base = input.base, count = input.count, separator = input.separator
        let end = min(limit, input.contentEnd)
        let lastColumn = columnCount - 1
        var p = start
        while p < end {
            for j in 0...lastColumn {
                var fieldEnd = -1
                if builders[j].kind == .numeric, let (value, numberEnd) = NumberParser.parsePrefix(base, from: p, to: count) {
                    // Taken only when the number is the whole field; else the field is read the general way.
                    let next = numberEnd < count ? base[numberEnd] : CSVInput.newline
                    if next == separator || CSVInput.isLineBreak(next) {
                        builders[j].appendNumber(value)
                        fieldEnd = numberEnd
                    }
                }
                if fieldEnd < 0 { fieldEnd = try readField(at: p, column: j) }
                if fieldEnd < count && base[fieldEnd] == separator {
                    p = fieldEnd + 1
                    if j == lastColumn {
                        let found = try columnCount + countFields(from: p)
                        throw input.error(at: p, "expected \(columnCount) fields (as in the header), found \(found)")
                    }
                } else {
                    if j < lastColumn {
                        throw input.error(at: fieldEnd, "expected \(columnCount) fields (as in the header), found \(j + 1)")
                    }
                    p = input.afterLineBreak(at: fieldEnd)
                }
            }
            rowCount += 1
        }
        return p
    }

    /// Reads the field at `offset` the general way (quoted or not, any kind) into column `j`'s builder and
    /// returns the offset of the byte that ends it.
    private mutating func readField(at offset: Int, column j: Int) throws -> Int {
        let builders = self.builders, dictionaries = self.dictionaries
        var problem: CSVCellProblem?, end: Int
        if offset < input.count && input.base[offset] == CSVInput.quote {
            let field = try input.quotedField(at: offset)
            problem = input.withContent(field.content, hasEscapes: field.hasEscapes, scratch: &scratch) { cell in
                do throws(CSVCellProblem) { try builders[j].append(cell, dictionary: &dictionaries[j]) } catch { return error }
                return nil
            }
            end = field.end
        } else {
            end = input.unquotedFieldEnd(from: offset)
            do throws(CSVCellProblem) {
                try builders[j].append(
                    UnsafeBufferPointer(start: input.base + offset, count: end - offset), dictionary: &dictionaries[j])
            } catch {
                problem = error
            }
        }
        switch problem {
        case nil: return end
        case .invalidUTF8: throw input.error(at: offset, "invalid UTF-8 in field \(j + 1)")
        case .notATime:
            let text = String(decoding: UnsafeBufferPointer(start: input.base + offset, count: end - offset), as: UTF8.self)
            throw input.error(at: offset, "field \(j + 1) is read as a time, but \"\(text.prefix(40))\" is not one\(builders[j].layoutHint)")
        }
    }

    /// How many fields the rest of the row starting at `offset` holds (for the message about a long row).
    private func countFields(from offset: Int) throws -> Int {
        var p = offset
        var fields = 1
        while true {
            let end = p < input.count && input.base[p] == CSVInput.quote
                ? try input.quotedField(at: p).end
                : input.unquotedFieldEnd(from: p)
            guard end < input.count && input.base[end] == input.separator else { return fields }
            fields += 1
            p = end + 1
        }
    }
}
