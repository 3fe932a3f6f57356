// Lexer: turns source bytes into tokens. Newlines are tokens (they end statements) except inside
// parentheses and brackets, where an expression may span lines freely.

struct Lexer {
    private let file: SourceFile
    private let bytes: [UInt8]
    private var position = 0
    private var tokens: [Token] = []
    /// Open brackets, innermost last: newlines count only when the innermost is a brace (or none).
    private var openBrackets: [TokenKind] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// All tokens, ending with `.end`, plus any lexical errors (the lexer skips a bad character and
    /// continues so `drift check` can report everything).
    static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic], unclosed: Bool) {
        var lexer = Lexer(file: file)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics, lexer.unterminatedString || !lexer.openBrackets.isEmpty)
    }

    private var unterminatedString = false
    private var contentEnd = 0

    private mutating func run() {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var sawNewline = false
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                sawNewline = true
                if openBrackets.last.map({ $0 == .leftBrace }) ?? true {
                    add(.newline, at: position, followsNewline: false)
                }
                position += 1
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            default:
                lexToken(followsNewline: sawNewline)
                sawNewline = false
                contentEnd = position
            }
        }
        // "Unexpected end of input" points just past the last token, not at trailing blank lines.
        add(.end, at: contentEnd, followsNewline: sawNewline)
    }

    private mutating func add(_ kind: TokenKind, at offset: Int, followsNewline: Bool) {
        tokens.append(Token(kind: kind, offset: offset, followsNewline: followsNewline))
    }

    private mutating func lexToken(followsNewline: Bool) {
        let start = position
        let byte = bytes[position]
        if isDigit(byte) {
            add(.number(lexNumber()), at: start, followsNewline: followsNewline)
        } else if Names.isStart(byte) {
            while position < bytes.count, Names.isPart(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            add(TokenKind.keywords[name] ?? .identifier(name), at: start, followsNewline: followsNewline)
        } else if byte == UInt8(ascii: "\"") {
            if let text = lexString() { add(.string(text), at: start, followsNewline: followsNewline) }
        } else if let (length, kind) = punctuation() {
            position += length
            trackBrackets(kind, at: start)
            add(kind, at: start, followsNewline: followsNewline)
        } else {
            let scalarLength = utf8Length(startingWith: byte)
            let text = String(decoding: bytes[start..<min(bytes.count, start + scalarLength)], as: UTF8.self)
            let shown = text.unicodeScalars.first.map { $0.isASCII && $0.value >= 32 ? "'\(text)'" : "U+\(String($0.value, radix: 16, uppercase: true))" } ?? "byte"
            diagnostics.append(Diagnostic("unexpected character \(shown)", at: location(start)))
            position += scalarLength
        }
    }

    private mutating func trackBrackets(_ kind: TokenKind, at offset: Int) {
        switch kind {
        case .leftParen, .leftBracket, .leftBrace:
            openBrackets.append(kind)
        case .rightParen, .rightBracket, .rightBrace:
            // Mismatches are the parser's to report; here only the newline rule needs the nesting.
            if !openBrackets.isEmpty { openBrackets.removeLast() }
        default:
            break
        }
    }

    /// TokenKind.punctuation by first byte, longest spelling first: the lexer tries the one or two spellings
    /// that start with the byte in front of it rather than matching all 25 in turn.
    private static let punctuationByFirstByte: [[(spelling: [UInt8], kind: TokenKind)]] = {
        var table = [[(spelling: [UInt8], kind: TokenKind)]](repeating: [], count: 128)
        for (spelling, kind) in TokenKind.punctuation {
            let spelling = Array(spelling.utf8)
            table[Int(spelling[0])].append((spelling, kind))
        }
        return table.map { $0.sorted { $0.spelling.count > $1.spelling.count } }
    }()

    /// The punctuation token at the current position and its length in bytes, if one is there.
    private func punctuation() -> (length: Int, kind: TokenKind)? {
        let first = bytes[position]
        guard first < 128 else { return nil }
        for candidate in Lexer.punctuationByFirstByte[Int(first)] where matches(candidate.spelling) {
            return (candidate.spelling.count, candidate.kind)
        }
        return nil
    }

    private func matches(_ spelling: [UInt8]) -> Bool {
        guard position + spelling.count <= bytes.count else { return false }
        for (offset, byte) in spelling.enumerated() where bytes[position + offset] != byte { return false }
        return true
    }

    private mutating func lexNumber() -> Double {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            position += 1
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var look = position + 1
            if look < bytes.count, bytes[look] == UInt8(ascii: "+") || bytes[look] == UInt8(ascii: "-") { look += 1 }
            if look < bytes.count, isDigit(bytes[look]) {
                position = look
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
        }
        return Double(String(decoding: bytes[start..<position], as: UTF8.self)) ?? .nan
    }

    /// A string literal with `\n \r \t \" \\ \u{hex}` escapes; nil (and a diagnostic) when it is unterminated.
    private mutating func lexString() -> String? {
        let start = position
        position += 1
        var text: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: text, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                switch escaped {
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): text.append(escaped)
                case UInt8(ascii: "u"):
                    if let (scalar, length) = unicodeEscape(at: position) {
                        text.append(contentsOf: Array(String(scalar).utf8))
                        position += length
                        continue
                    }
                    diagnostics.append(Diagnostic("a \\u escape is written \\u{hex digits} naming a Unicode scalar, as in \\u{e9}", at: location(position)))
                default:
                    let shown = String(decoding: [escaped], as: UTF8.self)
                    diagnostics.append(Diagnostic("unknown escape '\\\(shown)' in string (use \\n, \\r, \\t, \\\", \\\\ or \\u{hex})", at: location(position)))
                }
                position += 2
                continue
            }
            text.append(byte)
            position += 1
        }
        unterminatedString = true
        diagnostics.append(Diagnostic("unterminated string", at: location(start)))
        return nil
    }

    /// `\u{…}` at `start` (the backslash): the scalar and the escape's length in bytes.
    private func unicodeEscape(at start: Int) -> (Unicode.Scalar, Int)? {
        guard start + 2 < bytes.count, bytes[start + 2] == UInt8(ascii: "{") else { return nil }
        var end = start + 3
        while end < bytes.count, end - start < 12, bytes[end] != UInt8(ascii: "}") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: "}"),
              let code = UInt32(String(decoding: bytes[(start + 3)..<end], as: UTF8.self), radix: 16),
              let scalar = Unicode.Scalar(code) else { return nil }
        return (scalar, end + 1 - start)
    }

    private func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func utf8Length(startingWith byte: UInt8) -> Int {
        switch byte {
        case 0xC0...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF7: return 4
        default: return 1
        }
    }
}
