// FormatSpec: the part after ':' in one of format's placeholders, a subset of Python's format-spec
// mini-language, [[fill]align][sign][0][width][,|_][.precision][type], and how it turns a number or a
// text into its field. The results match Python's format() (Tests/scripts/strings/format_specs.drift).
import Foundation

struct FormatSpec {
    enum Alignment: Character {
        case left = "<", right = ">", center = "^"
        /// Padding between the sign and the digits (what a leading `0` asks for).
        case afterSign = "="
    }

    var fill: Character = " "
    /// Nil: numbers to the right, text to the left.
    var alignment: Alignment?
    /// "-" (only negative numbers), "+" (always) or " " (a space for positive numbers); nil if not given.
    var sign: Character?
    var width = 0
    /// "," or "_" between groups of three digits.
    var grouping: Character?
    var precision: Int?
    /// f, e, E, g, G, %, d, s, or nil for the value as Drift prints it.
    var type: Character?

    static let numericTypes: Set<Character> = ["f", "e", "E", "g", "G", "%", "d"]

    /// Parses `text` (without the ':'); the error says what is wrong with it.
    init(_ text: Substring) throws(BuiltinError) {
        var rest = text
        if let first = rest.first, let second = rest.dropFirst().first, let alignment = Alignment(rawValue: second) {
            fill = first
            self.alignment = alignment
            rest = rest.dropFirst(2)
        } else if let first = rest.first, let alignment = Alignment(rawValue: first) {
            self.alignment = alignment
            rest = rest.dropFirst()
        }
        if let first = rest.first, "+- ".contains(first) {
            sign = first
            rest = rest.dropFirst()
        }
        if rest.first == "0" {
            // Python: a 0 before the width pads with zeros, after the sign unless an alignment is given.
            if text.dropFirst().first.flatMap({ Alignment(rawValue: $0) }) == nil { fill = "0" }
            if alignment == nil { alignment = .afterSign }
            rest = rest.dropFirst()
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            guard let width = Int(digits), width <= 10_000 else { throw BuiltinError("width \(digits) is too large") }
            self.width = width
            rest = rest.dropFirst(digits.count)
        }
        if let first = rest.first, first == "," || first == "_" {
            grouping = first
            rest = rest.dropFirst()
        }
        if rest.first == "." {
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty else { throw BuiltinError("'.' must be followed by a precision") }
            guard let precision = Int(digits), precision <= 100 else { throw BuiltinError("precision \(digits) is too large") }
            self.precision = precision
            rest = rest.dropFirst(1 + digits.count)
        }
        if let first = rest.first, Self.numericTypes.contains(first) || first == "s" {
            type = first
            rest = rest.dropFirst()
        }
        if let unexpected = rest.first {
            throw BuiltinError("unexpected '\(unexpected)' (a spec is [[fill]align][sign][0][width][,][.precision][type] with type f, e, g, %, d or s)")
        }
        if precision != nil, type == nil { throw BuiltinError("a precision needs a type: f, e, g or %") }
        if precision != nil, type == "d" { throw BuiltinError("type d takes no precision") }
    }

    /// Whether the spec only makes sense for a number (a numeric type, a sign, grouping, `=` or a 0).
    var needsNumber: Bool {
        type.map(Self.numericTypes.contains) ?? false || sign != nil || grouping != nil || alignment == .afterSign
    }

    /// A number's field. Its digits come from C's printf (correctly rounded, as Python's are); without a
    /// type it is Drift's own form (`3`, `0.1`); NaN and infinity print as Drift prints them.
    func format(_ number: Double) throws(BuiltinError) -> String {
        let magnitude = Swift.abs(number)
        var digits: String
        if !number.isFinite {
            digits = NumberFormat.shortest(number.isNaN ? number : magnitude) + (type == "%" ? "%" : "")
        } else {
            switch type {
            case "f": digits = Self.printf("%.\(precision ?? 6)f", magnitude)
            case "%": digits = Self.printf("%.\(precision ?? 6)f", magnitude * 100) + "%"
            case "e", "E", "g", "G": digits = Self.printf("%.\(precision ?? 6)\(type!)", magnitude)
            case "d":
                guard number == number.rounded() else { throw BuiltinError("needs a whole number, got \(NumberFormat.shortest(number))") }
                digits = Self.printf("%.0f", magnitude)
            default: digits = NumberFormat.shortest(magnitude)
            }
        }
        let signText = number.sign == .minus && !number.isNaN ? "-" : (sign == "+" ? "+" : sign == " " ? " " : "")
        if let grouping, number.isFinite {
            digits = grouped(digits, with: grouping, zeroPaddedTo: fill == "0" && alignment == .afterSign ? width - signText.count : 0)
        }
        return Self.padded(signText, digits, to: width, fill: fill, alignment: alignment ?? .right)
    }

    /// A text's field: cut to `precision` characters, then padded. The caller has checked `needsNumber`.
    func format(text: String) -> String {
        let cut = precision.map { String(text.prefix($0)) } ?? text
        return Self.padded("", cut, to: width, fill: fill, alignment: alignment ?? .left)
    }

    /// C's printf of one double: correctly rounded digits. (vsnprintf straight into a buffer: Foundation's
    /// String(format:) costs several times as much per call, which shows when formatting a column.)
    private static func printf(_ format: String, _ value: Double) -> String {
        withVaList([value]) { arguments in
            var buffer = [CChar](repeating: 0, count: 128)
            let length = Int(vsnprintf(&buffer, buffer.count, format, arguments))
            guard length >= buffer.count else { return String(decoding: buffer[..<length].lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            buffer = [CChar](repeating: 0, count: length + 1)
            return withVaList([value]) { again in
                _ = vsnprintf(&buffer, buffer.count, format, again)
                return String(decoding: buffer[..<length].lazy.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
    }

    /// `prefix + body` padded with `fill` to `width` characters (the count of Swift Characters); `.afterSign`
    /// puts the padding between the two. Text already as wide is unchanged. `.center` puts the odd one on
    /// the right, as Python does.
    static func padded(_ prefix: String, _ body: String, to width: Int, fill: Character, alignment: Alignment) -> String {
        guard width > 0 else { return prefix + body }
        let missing = width - prefix.count - body.count
        guard missing > 0 else { return prefix + body }
        let padding = { (count: Int) in String(repeating: fill, count: count) }
        switch alignment {
        case .left: return prefix + body + padding(missing)
        case .right: return padding(missing) + prefix + body
        case .center: return padding(missing / 2) + prefix + body + padding(missing - missing / 2)
        case .afterSign: return prefix + padding(missing) + body
        }
    }

    /// The leading run of digits in groups of three; with zero padding, zeros join the digits (and are
    /// grouped too) until the whole is `width` wide, as in Python's `{:010,}` → `00,001,234`. The digits
    /// are ASCII (printf's or Drift's number forms), so this works on bytes.
    private func grouped(_ digits: String, with separator: Character, zeroPaddedTo width: Int) -> String {
        let bytes = Array(digits.utf8)
        let whole = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
        let groupedLength = { (count: Int) in count + Swift.max(0, count - 1) / 3 + bytes.count - whole }
        var count = whole
        while groupedLength(count) < width { count += 1 }
        var result: [UInt8] = []
        result.reserveCapacity(groupedLength(count))
        for index in 0..<count {
            if index > 0, (count - index) % 3 == 0 { result.append(separator.asciiValue!) }
            result.append(index < count - whole ? UInt8(ascii: "0") : bytes[index - (count - whole)])
        }
        result += bytes[whole...]
        return String(decoding: result, as: UTF8.self)
    }
}
