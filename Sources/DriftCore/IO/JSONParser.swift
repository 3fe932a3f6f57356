// JSONParser: JSON text (RFC 8259) to a tree that keeps each object's keys in their order. Written out
// rather than taken from Foundation because JSONSerialization and JSONDecoder hand objects over as
// dictionaries: record fields and dataframe columns would come out in hash order, which differs from
// run to run. Nesting is kept on an explicit stack, bounded by `maximumDepth`, so a hostile input
// (`[[[[…` a million deep) is an error, not a stack overflow; every error names its line and column.

/// A parsed JSON value. Objects keep their keys in order; a repeated key keeps its first place and its
/// last value.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(keys: [String], values: [JSONValue])
}

/// Why a text is not JSON, and where (1-based line and column, in characters).
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int

    public var description: String { "\(message) at line \(line), column \(column)" }
}

public struct JSONParser {
    /// Arrays and objects nested deeper than this are refused.
    public static let maximumDepth = 1000

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    /// Parses a whole text: one value, surrounded by nothing but white space (a UTF-8 byte order mark
    /// at the start is skipped).
    public static func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        let result: Result<JSONValue, JSONError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer)
            return Result { () throws(JSONError) in try parser.document() }
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func document() throws(JSONError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        var open: [JSONContainer] = []
        while true {
            skipWhiteSpace()
            var value: JSONValue
            if peek == UInt8(ascii: "[") || peek == UInt8(ascii: "{") {
                if open.count >= Self.maximumDepth {
                    throw error("arrays and objects nested more than \(Self.maximumDepth) deep")
                }
                var container = JSONContainer(isArray: peek == UInt8(ascii: "["))
                position += 1
                skipWhiteSpace()
                if peek == container.closing {
                    position += 1
                    value = container.value
                } else {
                    if !container.isArray { container.pendingKey = try key() }
                    open.append(container)
                    continue
                }
            } else {
                value = try scalar()
            }
            // A value is complete: add it to the innermost container, closing containers as they end.
            while var container = open.popLast() {
                container.add(value)
                skipWhiteSpace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    if !container.isArray {
                        skipWhiteSpace()
                        container.pendingKey = try key()
                    }
                    open.append(container)
                    break
                }
                guard peek == container.closing else {
                    throw error(container.isArray
                        ? "expected ',' or ']' after an array element but found \(found)"
                        : "expected ',' or '}' after an object member but found \(found)")
                }
                position += 1
                value = container.value
            }
            if open.isEmpty {
                skipWhiteSpace()
                guard position == bytes.count else { throw error("unexpected \(found) after the JSON value") }
                return value
            }
        }
    }

    /// The key of the object member starting here; reads the ':' after it too.
    private mutating func key() throws(JSONError) -> String {
        guard peek == UInt8(ascii: "\"") else { throw error("expected a string key in double quotes but found \(found)") }
        let key = try string()
        skipWhiteSpace()
        guard peek == UInt8(ascii: ":") else { throw error("expected ':' after an object key but found \(found)") }
        position += 1
        return key
    }

    private mutating func scalar() throws(JSONError) -> JSONValue {
        switch peek {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: throw error(position == bytes.count ? "unexpected end of input: expected a value" : "expected a value but found \(found)")
        }
    }

    private mutating func literal(_ word: String) throws(JSONError) {
        for byte in word.utf8 {
            guard peek == byte else { throw error("expected '\(word)' but found \(found)") }
            position += 1
        }
    }

    /// A number as JSON writes it: `-`, digits without a leading zero, an optional fraction and exponent.
    private mutating func number() throws(JSONError) -> Double {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        guard isDigit(peek) else { throw error("expected a digit but found \(found)") }
        if peek == UInt8(ascii: "0") {
            position += 1
            if isDigit(peek) { throw error("a number cannot start with 0 (write 7, not 07)") }
        } else {
            skipDigits()
        }
        if peek == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek) else { throw error("expected a digit after the decimal point but found \(found)") }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek) else { throw error("expected a digit in the exponent but found \(found)") }
            skipDigits()
        }
        let digits = UnsafeBufferPointer(rebasing: bytes[start..<position])
        guard let value = NumberParser.parse(digits), value.isFinite else {
            let text = String(decoding: digits.prefix(40), as: UTF8.self) + (digits.count > 40 ? "…" : "")
            throw error("the number \(text) is too large for a 64-bit float", at: start)
        }
        return value
    }

    private mutating func skipDigits() {
        while isDigit(peek) { position += 1 }
    }

    /// A string literal: escapes decoded, UTF-8 checked, control characters refused.
    private mutating func string() throws(JSONError) -> String {
        let start = position
        position += 1
        var text: [UInt8] = []
        var segment = position
        while true {
            guard position < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw error("a control character (U+\(hex(UInt32(byte)))) inside a string; write it as an escape such as \\n") }
            if byte == UInt8(ascii: "\\") {
                text.append(contentsOf: bytes[segment..<position])
                try escape(into: &text)
                segment = position
            } else {
                position += 1
            }
        }
        text.append(contentsOf: bytes[segment..<position])
        position += 1
        guard let decoded = String(validating: text, as: UTF8.self) else {
            throw error("the string is not valid UTF-8", at: start + firstInvalidUTF8(from: start))
        }
        return decoded
    }

    /// One escape after a backslash, appended as UTF-8.
    private mutating func escape(into text: inout [UInt8]) throws(JSONError) {
        let start = position
        position += 1
        let simple: UInt8?
        switch peek {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): simple = peek
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        default: simple = nil
        }
        if let simple {
            text.append(simple)
            position += 1
            return
        }
        guard peek == UInt8(ascii: "u") else {
            let shown = peek >= 0x20 && peek < 0x7F ? "'\\\(Character(Unicode.Scalar(peek)))'" : found
            throw error("unknown escape \(shown) in a string (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", at: start)
        }
        var code = try hexQuad()
        if (0xD800...0xDBFF).contains(code) {
            guard peek == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("\\u\(hex(code)) is half of a UTF-16 surrogate pair without its other half", at: start)
            }
            position += 1
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw error("\\u\(hex(code)) is half of a UTF-16 surrogate pair without its other half", at: start)
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw error("\\u\(hex(code)) is half of a UTF-16 surrogate pair without its other half", at: start)
        }
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// `uXXXX` (the position is at the `u`): the four hex digits' value.
    private mutating func hexQuad() throws(JSONError) -> UInt32 {
        position += 1
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexDigit(peek) else { throw error("expected four hex digits after \\u but found \(found)") }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Offset, from `start`, of the first byte that is not UTF-8 in the bytes from `start` on.
    private func firstInvalidUTF8(from start: Int) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = UnsafeBufferPointer(rebasing: bytes[start...]).makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        return offset
    }

    // MARK: Bytes and positions

    /// The byte at the position, or 0 at the end (never valid JSON there).
    private var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipWhiteSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    /// How the byte at the position reads in a message.
    private var found: String {
        guard position < bytes.count else { return "the end of the input" }
        let byte = bytes[position]
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// An error at `offset` (the current position by default), with its line and column.
    private func error(_ message: String, at offset: Int? = nil) -> JSONError {
        let offset = min(offset ?? position, bytes.count)
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        // Columns count characters: every byte that does not continue a UTF-8 sequence.
        let column = bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        return JSONError(message: message, line: line, column: column)
    }
}

/// An array or object being filled, while its elements are parsed.
private struct JSONContainer {
    let isArray: Bool
    var elements: [JSONValue] = []
    var keys: [String] = []
    /// Each key's place, so a repeated key replaces its value.
    var places: [String: Int] = [:]
    /// The key of the object member being parsed.
    var pendingKey = ""

    init(isArray: Bool) { self.isArray = isArray }

    var closing: UInt8 { isArray ? UInt8(ascii: "]") : UInt8(ascii: "}") }

    var value: JSONValue { isArray ? .array(elements) : .object(keys: keys, values: elements) }

    mutating func add(_ value: JSONValue) {
        if isArray {
            elements.append(value)
        } else if let place = places[pendingKey] {
            elements[place] = value
        } else {
            places[pendingKey] = keys.count
            keys.append(pendingKey)
            elements.append(value)
        }
    }
}
