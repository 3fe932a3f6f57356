// CSVInput: the bytes of a CSV file and the scanning every reader thread shares: fields, quotes, line breaks,
// splitting into blocks of whole rows, and turning a byte offset into the line and column of an error.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only view of the input. Positions are byte offsets from the start of the input. Lines end with `\n`,
/// `\r\n` or `\r`. Line numbers are not tracked while reading: an error works out its line and column from
/// its offset, so the hot loops carry no line state. Sendable because the bytes are only read.
struct CSVInput: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    let source: String
    let separator: UInt8
    /// Bytes above this are never the separator or a line break: one comparison skips ordinary characters.
    let highestSpecialByte: UInt8
    /// Where the header starts: after the UTF-8 byte order mark, if there is one.
    let start: Int
    /// Where the rows end: before the trailing run of line breaks (blank lines at the end are not rows).
    let contentEnd: Int

    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    nonisolated(unsafe) private static let empty = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    init(bytes: UnsafeBufferPointer<UInt8>, source: String, separator: UInt8) {
        base = bytes.baseAddress.map { UnsafePointer($0) } ?? UnsafePointer(Self.empty)
        count = bytes.count
        self.source = source
        self.separator = separator
        highestSpecialByte = max(separator, Self.carriageReturn)
        var end = count
        while end > 0 && Self.isLineBreak(bytes[end - 1]) { end -= 1 }
        contentEnd = end
        start = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    @inline(__always)
    static func isLineBreak(_ byte: UInt8) -> Bool { byte == newline || byte == carriageReturn }

    /// True when the byte at `offset` ends a field: the separator, a line break, or the end of the input.
    @inline(__always)
    func endsField(at offset: Int) -> Bool {
        guard offset < count else { return true }
        let byte = base[offset]
        return byte <= highestSpecialByte && (byte == separator || Self.isLineBreak(byte))
    }

    /// The end of the unquoted field starting at `offset`: the first separator or line break, or the end.
    @inline(__always)
    func unquotedFieldEnd(from offset: Int) -> Int {
        var p = offset
        while p < count {
            let byte = base[p]
            if byte <= highestSpecialByte && (byte == separator || Self.isLineBreak(byte)) { break }
            p += 1
        }
        return p
    }

    /// The quoted field whose opening quote is at `offset`: its content (between the quotes), whether it holds
    /// `""` escapes, and the offset just after the closing quote, which must end the field.
    func quotedField(at offset: Int) throws -> (content: Range<Int>, hasEscapes: Bool, end: Int) {
        var p = offset + 1
        var hasEscapes = false
        while true {
            guard let found = memchr(base + p, Int32(Self.quote), count - p) else {
                throw error(at: offset, "unterminated quoted field")
            }
            p = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard p + 1 < count && base[p + 1] == Self.quote else { break }
            hasEscapes = true
            p += 2
        }
        guard endsField(at: p + 1) else { throw error(at: p + 1, "unexpected character after closing quote") }
        return (offset + 1..<p, hasEscapes, p + 1)
    }

    /// Hands `body` a field's content, with each `""` turned into one quote (in `scratch`) when it has escapes.
    @inline(__always)
    func withContent<Result>(
        _ content: Range<Int>, hasEscapes: Bool, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        guard hasEscapes else { return body(UnsafeBufferPointer(start: base + content.lowerBound, count: content.count)) }
        scratch.removeAll(keepingCapacity: true)
        var i = content.lowerBound
        while i < content.upperBound {
            scratch.append(base[i])
            i += base[i] == Self.quote ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The offset after the line break at `offset` (a `\r\n` pair counts as one), or `offset` at the end.
    @inline(__always)
    func afterLineBreak(at offset: Int) -> Int {
        guard offset < count else { return offset }
        if base[offset] == Self.carriageReturn && offset + 1 < count && base[offset + 1] == Self.newline {
            return offset + 2
        }
        return offset + 1
    }

    /// The error at `offset`, with its 1-based line (line breaks inside quoted fields count) and 1-based column
    /// in characters (Unicode scalars), found by counting from the start of the input.
    func error(at offset: Int, _ message: String) -> CSVError {
        let offset = min(offset, count)
        var line = 1
        var lineStart = start
        var p = start
        while p < offset {
            if Self.isLineBreak(base[p]) {
                p = afterLineBreak(at: p)
                if p <= offset {
                    line += 1
                    lineStart = p
                }
            } else {
                p += 1
            }
        }
        var column = 1
        for i in lineStart..<offset where base[i] & 0xC0 != 0x80 { column += 1 }
        return CSVError(source: source, line: line, column: column, message: message)
    }

    /// The first row as written, which must exist and be valid UTF-8, and the offset where the next row starts.
    func header() throws -> (names: [String], end: Int) {
        guard start < contentEnd else { throw error(at: start, "empty file: no header row") }
        var names: [String] = []
        var scratch: [UInt8] = []
        var p = start
        while true {
            if names.count & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let name: String?, end: Int
            if p < count && base[p] == Self.quote {
                let field = try quotedField(at: p)
                name = withContent(field.content, hasEscapes: field.hasEscapes, scratch: &scratch) {
                    TextDictionary.string($0)
                }
                end = field.end
            } else {
                end = unquotedFieldEnd(from: p)
                name = TextDictionary.string(UnsafeBufferPointer(start: base + p, count: end - p))
            }
            guard let name else { throw error(at: p, "invalid UTF-8 in the name of column \(names.count + 1)") }
            names.append(name)
            guard end < count && base[end] == separator else { return (names, afterLineBreak(at: end)) }
            p = end + 1
        }
    }

    /// True if a quote occurs between `offset` and the end of the rows. The scan goes 8 MiB at a time, handing each
    /// part it has passed to `discard` (a mapped file's page dropper): otherwise the scan would leave the whole file
    /// resident beside the columns being built, a file's size on top of `read_csv`'s peak memory.
    func containsQuote(from offset: Int, discard: ((Range<Int>) -> Void)? = nil) -> Bool {
        var start = offset
        while start < contentEnd {
            let end = Swift.min(start + (8 << 20), contentEnd)
            if memchr(base + start, Int32(Self.quote), end - start) != nil { return true }
            discard?(start..<end)
            start = end
        }
        return false
    }

    /// Offsets that cut the rows from `offset` on into blocks of about `size` bytes at line breaks: the first is
    /// `offset`, the last `contentEnd`. Valid only for input without quotes, where every line break ends a row.
    func blockBoundaries(from offset: Int, size: Int) -> [Int] {
        var boundaries = [offset]
        var p = offset
        while contentEnd - p > size {
            var q = p + size - 1
            while q < contentEnd && !Self.isLineBreak(base[q]) { q += 1 }
            guard q < contentEnd else { break }
            p = afterLineBreak(at: q)
            boundaries.append(p)
        }
        if p < contentEnd { boundaries.append(contentEnd) }
        return boundaries
    }

    /// A rough row count from `offset` on, from the line lengths in the next 64 KiB (for reserving capacity).
    func estimatedRows(from offset: Int) -> Int {
        let remaining = contentEnd - offset
        guard remaining > 0 else { return 0 }
        let sample = min(remaining, 1 << 16)
        var lines = 1
        for i in offset..<(offset + sample) where base[i] == Self.newline { lines += 1 }
        return Int(Double(remaining) / Double(sample) * Double(lines) * 1.05) + 16
    }
}
