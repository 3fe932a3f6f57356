// CSVTokenizer: splits CSV bytes into fields and rows, tracking line numbers for error messages.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cursor over CSV bytes. Fields are handed out as byte ranges of the input (or of a scratch buffer when a
/// quoted field contains `""` escapes), so no field is copied in the common case.
/// Sendable because the input it points into is only read, and each copy (chunk) is used by one thread.
struct CSVTokenizer: @unchecked Sendable {
    /// A place in the input, with enough context to report a line and character column.
    struct Location {
        var offset: Int
        var line: Int
        var lineStart: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let source: String
    private let separator: UInt8
    /// Bytes above this are never the separator or a line break: one comparison skips ordinary characters.
    private let highestSpecialByte: UInt8
    /// Where the rows end: before the trailing run of line breaks (blank lines at the end are not rows),
    /// or at the end of a chunk.
    private var contentEnd: Int
    private var cursor: Location
    private(set) var lastFieldEnd: Location
    private var scratch: [UInt8] = []

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    init(bytes: UnsafeBufferPointer<UInt8>, source: String, separator: UInt8) {
        self.bytes = bytes
        self.source = source
        self.separator = separator
        highestSpecialByte = max(separator, Self.carriageReturn)
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == Self.newline || bytes[end - 1] == Self.carriageReturn) { end -= 1 }
        contentEnd = end
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        cursor = Location(offset: hasByteOrderMark ? 3 : 0, line: 1, lineStart: hasByteOrderMark ? 3 : 0)
        lastFieldEnd = cursor
    }

    var line: Int { cursor.line }

    func location() -> Location { cursor }

    /// Moves back to a place previously returned by `location()`.
    mutating func rewind(to location: Location) { cursor = location }

    func atEndOfData() -> Bool { cursor.offset >= contentEnd }

    /// Splits what is left into up to `maximumCount` tokenizers over consecutive whole lines, each at least
    /// `minimumBytes` long, that can be read independently. Only inputs without any quote are split, since a
    /// line break inside quotes cannot be told apart from one between rows without reading from the start.
    func chunks(maximumCount: Int, minimumBytes: Int) -> [CSVTokenizer] {
        let remaining = contentEnd - cursor.offset
        let count = min(maximumCount, remaining / max(1, minimumBytes))
        guard count > 1, let base = bytes.baseAddress,
              memchr(base + cursor.offset, Int32(Self.quote), remaining) == nil else { return [self] }
        var result: [CSVTokenizer] = []
        var start = cursor.offset
        for k in 1...count {
            var end = k == count ? contentEnd : max(start, cursor.offset + remaining / count * k)
            if k < count {
                while end < contentEnd && bytes[end] != Self.newline && bytes[end] != Self.carriageReturn { end += 1 }
                if end < contentEnd && bytes[end] == Self.carriageReturn { end += 1 }
                if end < contentEnd && bytes[end] == Self.newline { end += 1 }
            }
            var chunk = self
            chunk.cursor = Location(offset: start, line: cursor.line, lineStart: start)
            chunk.contentEnd = end
            result.append(chunk)
            start = end
        }
        return result
    }

    /// A rough row count for what is left, from the line lengths in the next 64 KiB (for reserving capacity).
    func estimatedRemainingRows() -> Int {
        let remaining = contentEnd - cursor.offset
        guard remaining > 0 else { return 0 }
        let sample = min(remaining, 1 << 16)
        var lines = 1
        for i in cursor.offset..<(cursor.offset + sample) where bytes[i] == Self.newline { lines += 1 }
        return Int(Double(remaining) / Double(sample) * Double(lines) * 1.05) + 16
    }

    func error(at location: Location, _ message: String) -> CSVError {
        var column = 1
        for i in location.lineStart..<min(location.offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return CSVError(source: source, line: location.line, column: column, message: message)
    }

    /// The column names: the first row, which must exist, be valid UTF-8, and name each column once.
    mutating func readHeader() throws -> [String] {
        guard !atEndOfData() else { throw error(at: cursor, "empty file: no header row") }
        var names: [String] = []
        var firstField: [String: Int] = [:]
        var endsRow = false
        while !endsRow {
            let start = cursor
            let (name, ends) = try withNextField { String(validating: $0, as: UTF8.self) }
            endsRow = ends
            guard let name else { throw error(at: start, "invalid UTF-8 in the name of column \(names.count + 1)") }
            if name.isEmpty { throw error(at: start, "empty column name (column \(names.count + 1))") }
            if let first = firstField[name] {
                throw error(at: start, "duplicate column name '\(name)' (columns \(first + 1) and \(names.count + 1))")
            }
            firstField[name] = names.count
            names.append(name)
        }
        return names
    }

    /// Reads the next field, hands its content to `body`, and says whether it was the last field of its row.
    @inline(__always)
    mutating func withNextField<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws -> (result: Result, endsRow: Bool) {
        let result: Result
        if cursor.offset < bytes.count && bytes[cursor.offset] == Self.quote {
            result = try readQuotedField(body)
        } else {
            let start = cursor.offset
            var p = start
            let end = bytes.count
            while p < end {
                let byte = bytes[p]
                if byte <= highestSpecialByte
                    && (byte == separator || byte == Self.newline || byte == Self.carriageReturn) { break }
                p += 1
            }
            cursor.offset = p
            result = body(UnsafeBufferPointer(rebasing: bytes[start..<p]))
        }
        return (result, consumeTerminator())
    }

    /// Skips the remaining fields of the current row and returns how many there were.
    mutating func skipRestOfRow() throws -> Int {
        var count = 0
        var endsRow = false
        while !endsRow {
            endsRow = try withNextField { _ in }.endsRow
            count += 1
        }
        return count
    }

    private mutating func readQuotedField<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) throws -> Result {
        let opening = cursor
        let contentStart = cursor.offset + 1
        var p = contentStart
        var hasEscapes = false
        while true {
            guard p < bytes.count else { throw error(at: opening, "unterminated quoted field") }
            let byte = bytes[p]
            if byte == Self.quote {
                guard p + 1 < bytes.count && bytes[p + 1] == Self.quote else { break }
                hasEscapes = true
                p += 2
                continue
            }
            if byte == Self.carriageReturn || byte == Self.newline {
                if byte == Self.carriageReturn && p + 1 < bytes.count && bytes[p + 1] == Self.newline { p += 1 }
                cursor.line += 1
                cursor.lineStart = p + 1
            }
            p += 1
        }
        let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<p])
        cursor.offset = p + 1
        if cursor.offset < bytes.count {
            let next = bytes[cursor.offset]
            if next != separator && next != Self.newline && next != Self.carriageReturn {
                throw error(at: cursor, "unexpected character after closing quote")
            }
        }
        guard hasEscapes else { return body(content) }
        scratch.removeAll(keepingCapacity: true)
        var i = 0
        while i < content.count {
            scratch.append(content[i])
            i += content[i] == Self.quote ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// Consumes the separator or line break after a field; true if the row ended.
    @inline(__always)
    private mutating func consumeTerminator() -> Bool {
        lastFieldEnd = cursor
        guard cursor.offset < bytes.count else { return true }
        let byte = bytes[cursor.offset]
        cursor.offset += 1
        if byte == separator { return false }
        if byte == Self.carriageReturn && cursor.offset < bytes.count && bytes[cursor.offset] == Self.newline {
            cursor.offset += 1
        }
        cursor.line += 1
        cursor.lineStart = cursor.offset
        return true
    }
}
