// Token: the lexer's output unit.

enum TokenKind: Hashable, Sendable {
    case number(Double)
    case string(String)
    case identifier(String)
    // keywords
    case `let`, `fn`, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, `return`, `import`
    case `true`, `false`, null, and, or, not
    // punctuation
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    case comma, colon, semicolon, dot, arrow, pipe
    case plus, minus, star, slash, percent, caret
    case equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case newline
    case end

    static let keywords: [String: TokenKind] = [
        "let": .let, "fn": .fn, "if": .if, "else": .else, "for": .for, "in": .in, "while": .while,
        "break": .break, "continue": .continue, "return": .return, "true": .true, "false": .false,
        "null": .null, "and": .and, "or": .or, "not": .not, "import": .import,
    ]

    /// How the token reads in an error message.
    var spelling: String {
        switch self {
        case .number(let value): return "number \(NumberFormat.shortest(value))"
        case .string: return "string"
        case .identifier(let name): return "'\(name)'"
        case .newline: return "end of line"
        case .end: return "end of input"
        default:
            if let keyword = TokenKind.keywords.first(where: { $0.value == self }) { return "'\(keyword.key)'" }
            return "'\(TokenKind.punctuation.first(where: { $0.1 == self })?.0 ?? "?")'"
        }
    }

    /// Operator and punctuation spellings, longest first so the lexer matches greedily.
    static let punctuation: [(String, TokenKind)] = [
        ("=>", .arrow), ("|>", .pipe), ("==", .equalEqual), ("!=", .bangEqual), ("<=", .lessEqual),
        (">=", .greaterEqual), ("(", .leftParen), (")", .rightParen), ("[", .leftBracket),
        ("]", .rightBracket), ("{", .leftBrace), ("}", .rightBrace), (",", .comma), (":", .colon),
        (";", .semicolon), (".", .dot), ("+", .plus), ("-", .minus), ("*", .star), ("/", .slash),
        ("%", .percent), ("^", .caret), ("=", .equal), ("<", .less), (">", .greater),
    ]
}

struct Token: Sendable {
    let kind: TokenKind
    /// Byte offset of the token's first character.
    let offset: Int
    /// Whether a line break separated this token from the previous one (the parser uses it to allow
    /// `else` and `|>` at the start of a continuation line).
    var followsNewline = false
}
