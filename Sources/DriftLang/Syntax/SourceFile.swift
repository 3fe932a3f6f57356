// SourceFile: program text with its name, and the mapping from byte offsets to line and column
// that every diagnostic uses.

public final class SourceFile: Sendable {
    public let name: String
    public let text: String
    /// Where the file is, as FileAccess reads it: its imports are relative to this path's directory.
    /// Nil for code that is no file (a REPL entry, `-e`, standard input), whose imports are relative
    /// to the session's base directory.
    public let path: String?
    /// The UTF-8 bytes the lexer reads.
    let bytes: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    public init(name: String, text: String, path: String? = nil) {
        self.name = name
        self.text = text
        self.path = path
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// 1-based line and column (in characters) of a byte offset.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset)
        let start = lineStarts[line]
        let end = min(max(offset, start), bytes.count)
        let column = String(decoding: bytes[start..<end], as: UTF8.self).count + 1
        return (line + 1, column)
    }

    /// The text of a 1-based line, without its line ending.
    func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// A position in a source file, as a byte offset; resolved to line and column only when reported.
public struct SourceLocation: Sendable {
    let file: SourceFile
    let offset: Int

    var line: Int { file.lineAndColumn(of: offset).line }
}
