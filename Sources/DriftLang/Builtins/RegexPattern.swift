// RegexPattern: a pattern the string builtins compile with Swift's Regex, once per call. A pattern that
// does not compile is an error naming the problem and its character offset, with the pattern and a caret.

struct RegexPattern {
    let text: String
    let regex: Regex<AnyRegexOutput>

    init(_ text: String) throws {
        self.text = text
        do {
            regex = try Regex(text)
        } catch {
            throw BuiltinError(Self.describe(error, in: text))
        }
    }

    /// The number of capture groups, when it can be told without a subject: the pattern made optional
    /// matches the empty string, with every group unset. Nil for the odd pattern the wrapping changes
    /// (an extended-mode comment or an unterminated `\Q` swallows the wrapper's closing parenthesis).
    var groupCount: Int? {
        guard let probe = try? Regex("(?:" + text + ")?"), let match = try? probe.wholeMatch(in: "") else { return nil }
        return match.output.count - 1
    }

    /// "bad regex: MESSAGE at offset N", then the pattern and a caret under the offset when the error
    /// carries its place (Swift's parse errors hold it as `location.range`, reached by reflection since
    /// the error type is not public).
    private static func describe(_ error: any Error, in pattern: String) -> String {
        let message = "bad regex \(Renderer.quote(pattern)): \(error)"
        guard let range = location(of: error) else { return message }
        let offset = pattern[..<min(range.lowerBound, pattern.endIndex)].count
        var text = message + " at offset \(offset)"
        if !pattern.contains(where: \.isNewline), !pattern.contains("\t") {
            text += "\n    " + pattern + "\n    " + String(repeating: " ", count: offset) + "^"
        }
        return text
    }

    private static func location(of error: any Error) -> Range<String.Index>? {
        for child in Mirror(reflecting: error).children where child.label == "location" {
            for field in Mirror(reflecting: child.value).children where field.label == "range" {
                return field.value as? Range<String.Index>
            }
        }
        return nil
    }
}

/// The replacement text of `replace(…, regex: true)`: `$1`…`$9` (or `${12}`, `${name}`) is a group's text,
/// `$0` the whole match, `$$` a dollar sign; a group that took no part in the match gives "".
struct RegexReplacement {
    enum Piece {
        case literal(String)
        case group(Int)
        case named(String)
    }

    let pieces: [Piece]

    init(_ text: String, for pattern: RegexPattern) throws {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let character = rest.popFirst() {
            guard character == "$" else { literal.append(character); continue }
            let reference: Piece
            if rest.first == "$" {
                literal.append(rest.removeFirst())
                continue
            } else if let first = rest.first, let digit = first.wholeNumberValue, first.isASCII {
                rest.removeFirst()
                reference = .group(digit)
            } else if rest.first == "{", let close = rest.firstIndex(of: "}") {
                let name = String(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
                reference = Int(name).map(Piece.group) ?? .named(name)
            } else {
                throw BuiltinError("'$' in the replacement must be followed by a group ($1, ${name}) or another '$'")
            }
            switch reference {
            case .group(let group):
                if let count = pattern.groupCount, group > count {
                    throw BuiltinError("the replacement refers to group \(group), but the pattern has \(count) group\(count == 1 ? "" : "s")")
                }
            case .named(let name):
                guard pattern.regex.contains(captureNamed: name) else { throw BuiltinError("the pattern has no group named '\(name)'") }
            case .literal: break
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(reference)
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// Every match of `pattern` in `text` replaced.
    func apply(_ pattern: RegexPattern, to text: String) -> String {
        text.replacing(pattern.regex) { match in
            var replaced = ""
            for piece in pieces {
                switch piece {
                case .literal(let literal): replaced += literal
                case .group(let group): replaced += group < match.output.count ? match.output[group].substring ?? "" : ""
                case .named(let name): replaced += match.output[name]?.substring ?? ""
                }
            }
            return replaced
        }
    }
}
