// String builtins: case, trimming, splitting and joining, searching (literal and regex), padding,
// substrings and `format`. Each works on a string or element-wise on a string vector through
// StringOperand (once per distinct string, missing stays missing); regexes compile through RegexPattern,
// format's templates through FormatTemplate. docs/strings.md lists them by topic.
import DriftCore

let stringBuiltins: [Builtin] = [
    elementwise(
        "upper(s)",
        doc: "The string in upper case, by Unicode's full case mapping (\"straße\" becomes \"STRASSE\"). Element-wise on a string vector; a missing value stays missing.",
        example: #"upper(["north", "Süd", null])  # ["NORTH", "SÜD", null]"#
    ) { $0.uppercased() },
    elementwise(
        "lower(s)",
        doc: "The string in lower case, by Unicode's case mapping. Element-wise on a string vector; a missing value stays missing.",
        example: #"lower("North-EAST")  # "north-east""#
    ) { $0.lowercased() },
    elementwise(
        "trim(s)",
        doc: "The string without the white space (spaces, tabs, line breaks, no-break spaces) at its start and end. Element-wise on a string vector; a missing value stays missing.",
        example: #"trim("  a b \n")  # "a b""#
    ) { text in
        String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    },
    Builtin(
        "str_len(s)",
        doc: "The number of characters of a string, counting what a reader sees as one character once (\"é\" and \"👍🏽\" are 1 each, however many code points they take), as `len` does. Element-wise on a string vector, giving a numeric vector; a missing value stays missing.",
        example: #"str_len(["héllo", "", "👍🏽", null])  # [5, 0, 1, null]"#
    ) { arguments, _ in
        try StringOperand(arguments, 0, "s").mapNumbers { Double($0.count) }
    },
    Builtin(
        "substr(s, start, len = null)",
        doc: "The `len` characters from `start` (0-based, like indexing: -1 is the last character); without len, up to the end. Out of range it clips, like a Python slice: a start past the end gives \"\", a start before the beginning starts at 0, and a len past the end stops there. len must not be negative. Element-wise on a string vector; a missing value stays missing.",
        example: #"substr("drift", 1, 3)  # "rif""#
    ) { arguments, _ in
        let start = try arguments.integer(1, "start", in: -Int(Int32.max)...Int(Int32.max))
        let length = try optionalArgument(arguments, 2, "len") { try arguments.integer(2, "len") }
        return try StringOperand(arguments, 0, "s").mapStrings { text in
            let count = text.count
            let from = min(max(start < 0 ? start + count : start, 0), count)
            return String(text.dropFirst(from).prefix(length ?? count))
        }
    },
    Builtin(
        "split(s, sep = null)",
        doc: "The parts of a string between the separators, as a string vector: split(\"a,,b\", \",\") is [\"a\", \"\", \"b\"] (empty parts are kept, as in Python). An empty sep splits into characters; without sep, the string splits at runs of white space and empty parts are dropped. On a string vector, a list with one string vector per element (null where the element is missing); str_join joins them back.",
        example: #"split("a,b,,c", ",")  # ["a", "b", "", "c"]"#
    ) { arguments, _ in
        let separator = try optionalArgument(arguments, 1, "sep") { try arguments.string(1, "sep") }
        return try StringOperand(arguments, 0, "s").mapValues { text in
            let parts: [Substring]
            switch separator {
            case nil: parts = text.split(whereSeparator: \.isWhitespace)
            case ""?: parts = text.map { Substring(String($0)) }
            case let separator?: parts = text.split(separator: separator, omittingEmptySubsequences: false)
            }
            return .vector(.text(TextColumn(parts.map(String.init))))
        }
    },
    Builtin(
        "str_join(list, sep = \"\")",
        doc: "The strings of a string vector (or a list of strings) joined into one, with sep between them. Missing values are skipped, as aggregates skip them; an empty vector gives \"\". Given a list of string vectors (what split gives for a vector), joins each one, giving a string vector (null stays null). (`join` is the dataframe verb.)",
        example: #"str_join(["a", "b", null, "c"], "-")  # "a-b-c""#
    ) { arguments, _ in
        let separator = try arguments.string(1, "sep", default: "")
        let value = try arguments.required(0, "list")
        if case .list(let items) = value, items.contains(where: { if case .vector = $0 { true } else { false } }) {
            return Value.collection(try items.enumerated().map { index, item in
                if item.isNull { return .null }
                guard let strings = joinable(item) else {
                    throw BuiltinError("argument 'list' must be a string vector, a list of strings or a list of string vectors; element \(index) is a \(item.kindName)")
                }
                return .string(try joinedWithinLimit(strings, separator: separator))
            })
        }
        guard let strings = joinable(value) else {
            throw arguments.mismatch("list", expected: "a string vector, a list of strings or a list of string vectors", got: value)
        }
        return .string(try joinedWithinLimit(strings, separator: separator))
    },
    Builtin(
        "replace(s, old, new, regex: false)",
        doc: "The string with every occurrence of old replaced by new. old is literal text (an empty old is an error) unless regex: true, when it is a regex (Swift's Regex syntax) and new may use $1…$9, ${name} or $0 for the match's groups ($$ is a dollar sign). Element-wise on a string vector; a missing value stays missing.",
        example: #"replace(["2024-01-05", null], "-", "/")  # ["2024/01/05", null]"#
    ) { arguments, _ in
        let old = try arguments.string(1, "old"), new = try arguments.string(2, "new")
        let subject = try StringOperand(arguments, 0, "s")
        guard try arguments.bool(nil, "regex", default: false) else {
            guard !old.isEmpty else { throw BuiltinError("argument 'old' must not be empty") }
            return try subject.mapStrings { $0.replacing(old, with: new) }
        }
        let pattern = try RegexPattern(old)
        let replacement = try RegexReplacement(new, for: pattern)
        return try subject.mapStrings { replacement.apply(pattern, to: $0) }
    },
    predicate(
        "contains(s, part)",
        doc: "True where the string contains part as literal text (every string contains \"\"). For a regex, use matches.",
        example: #"contains(["apple", "grape", null], "ap")  # [true, true, null]"#
    ) { text, part in text.firstRange(of: part) != nil },
    predicate(
        "starts_with(s, prefix)",
        doc: "True where the string begins with prefix.",
        example: #"starts_with("north-east", "north")  # true"#
    ) { text, prefix in text.hasPrefix(prefix) },
    predicate(
        "ends_with(s, suffix)",
        doc: "True where the string ends with suffix.",
        example: #"ends_with(["a.csv", "b.json"], ".csv")  # [true, false]"#
    ) { text, suffix in text.hasSuffix(suffix) },
    Builtin(
        "matches(s, regex)",
        doc: "True where the regex matches somewhere in the string (a search, like Python's re.search; anchor it with ^ and $ for a whole match). Swift's Regex syntax, much as Perl's and Python's: (?i) for any case, \\d a digit, . one character as a reader sees it. Element-wise on a string vector, giving a boolean vector with missing where the string is missing. A pattern that does not compile is an error naming the place.",
        example: #"matches(["a1", "b", "c22"], "[0-9]+$")  # [true, false, true]"#
    ) { arguments, _ in
        let pattern = try RegexPattern(try arguments.string(1, "regex"))
        return try StringOperand(arguments, 0, "s").mapBooleans { $0.contains(pattern.regex) }
    },
    Builtin(
        "extract(s, regex, group: 1)",
        doc: "The text of a group of the regex's first match: group 1 (the first parenthesised group) unless group: says another number, 0 for the whole match, or a name for (?<name>…). Missing where the regex does not match or the group takes no part in the match, and where the string is missing. A group the pattern does not have is an error. Element-wise on a string vector.",
        example: #"extract(["id=12", "id=7", "none"], "id=([0-9]+)")  # ["12", "7", null]"#
    ) { arguments, _ in
        let pattern = try RegexPattern(try arguments.string(1, "regex"))
        let subject = try StringOperand(arguments, 0, "s")
        switch arguments.optional(nil, "group") ?? .number(1) {
        case .string(let name):
            guard pattern.regex.contains(captureNamed: name) else { throw BuiltinError("the pattern has no group named '\(name)'") }
            return try subject.mapStrings { text in text.firstMatch(of: pattern.regex)?.output[name]?.substring.map(String.init) }
        default:
            let group = try arguments.integer(nil, "group", default: 1, in: 0...1000)
            let count = pattern.groupCount
            if let count, group > count {
                throw BuiltinError("the pattern has \(count) group\(count == 1 ? "" : "s"), so there is no group \(group) (group: 0 is the whole match)")
            }
            return try subject.mapStrings { text in
                guard let match = text.firstMatch(of: pattern.regex) else { return nil }
                guard group < match.output.count else { throw BuiltinError("the pattern has no group \(group)") }
                return match.output[group].substring.map(String.init)
            }
        }
    },
    Builtin(
        "pad(s, width, side: \"left\", fill: \" \")",
        doc: "The string padded with fill (one character, a space unless given) to width characters: side \"left\" puts the padding on the left (right-aligning the text), \"right\" on the right, \"both\" around it (the odd one on the right). A string already as wide is unchanged. Element-wise on a string vector; a missing value stays missing.",
        example: #"pad(["7", "42", "123"], 3, fill: "0")  # ["007", "042", "123"]"#
    ) { arguments, _ in
        let width = try arguments.integer(1, "width", in: 0...1_000_000)
        let side = try arguments.string(nil, "side", default: "left")
        let fill = try arguments.string(nil, "fill", default: " ")
        guard fill.count == 1, let fillCharacter = fill.first else {
            throw BuiltinError("argument 'fill' must be one character, got \(Renderer.quote(fill))")
        }
        let alignments: [String: FormatSpec.Alignment] = ["left": .right, "right": .left, "both": .center]
        guard let alignment = alignments[side] else {
            throw BuiltinError("argument 'side' must be \"left\", \"right\" or \"both\", got \(Renderer.quote(side))")
        }
        return try StringOperand(arguments, 0, "s").mapStrings {
            FormatSpec.padded("", $0, to: width, fill: fillCharacter, alignment: alignment)
        }
    },
    Builtin(
        "format(template, values..., ...)",
        doc: "The template with each placeholder replaced by a value: {} the next value, {0} the value at that position, {name} a named argument (format(\"{n} rows\", n: 3)) or the field of a record value ({{ and }} are braces). After a colon, a format spec as in Python: {:.3f} fixed decimals, {:,} thousands separators, {:>8} {:<8} {:^8} alignment in a width (with a fill character before it: {:*^8}), {:.1%} a percentage, {:.2e} scientific, {:08.2f} zero padding, {:+} a sign, {:d} a whole number. Without a spec a value prints as print shows it. Given vectors, formats element-wise into a string vector, a row being missing where any of its vector values is missing; a single null prints as null. Every value must be used.",
        example: #"format("{} of {} rows ({:.1%})", 12, 480, 12 / 480)  # "12 of 480 rows (2.5%)""#
    ) { arguments, _ in
        // Named arguments are one record after the positional values, so {name} finds them like a field.
        var values = Array(arguments.positional.dropFirst())
        if !arguments.named.isEmpty { values.append(.record(Record(arguments.named.map { ($0.label, $0.value) }))) }
        return try FormatTemplate(try arguments.string(0, "template")).fill(values)
    },
]

/// A builtin of one string that maps each string to a string.
private func elementwise(_ signature: String, doc: String, example: String, _ transform: @escaping @Sendable (String) -> String) -> Builtin {
    Builtin(signature, doc: doc, example: example) { arguments, _ in try StringOperand(arguments, 0, "s").mapStrings(transform) }
}

/// A builtin `name(s, part)` testing each string against a literal string.
private func predicate(_ signature: String, doc: String, example: String, _ test: @escaping @Sendable (String, String) -> Bool) -> Builtin {
    let part = String(signature.drop { $0 != "," }.dropFirst(2).prefix { $0 != ")" })
    let doc = doc + " Literal text, compared character by character. Element-wise on a string vector, giving a boolean vector with missing where the string is missing."
    return Builtin(signature, doc: doc, example: example) { arguments, _ in
        let other = try arguments.string(1, part)
        return try StringOperand(arguments, 0, "s").mapBooleans { test($0, other) }
    }
}

/// `read()` when the argument was given and is not null; nil otherwise.
private func optionalArgument<T>(_ arguments: Arguments, _ index: Int, _ name: String, _ read: () throws -> T) rethrows -> T? {
    guard let value = arguments.optional(index, name), !value.isNull else { return nil }
    return try read()
}

/// `strings` joined with `separator`, its length checked against the memory limit first (a long separator
/// between many strings makes text far longer than the input).
private func joinedWithinLimit(_ strings: [String], separator: String) throws -> String {
    let bytes = strings.reduce(0.0) { $0 + Double($1.utf8.count) } + Double(separator.utf8.count) * Double(max(strings.count - 1, 0))
    try MemoryLimit.reserve(bytes, for: "joining \(strings.count) strings")
    return strings.joined(separator: separator)
}

/// The present strings of a string, a string vector, or a list of strings and nulls (nil for anything else).
private func joinable(_ value: Value) -> [String]? {
    switch value {
    case .string(let text): return [text]
    case .vector(.text(let column)): return (0..<column.count).compactMap { column[$0] }
    case .list(let items):
        var strings: [String] = []
        for item in items {
            switch item {
            case .string(let text): strings.append(text)
            case .null: continue
            default: return nil
            }
        }
        return strings
    default: return nil
    }
}
