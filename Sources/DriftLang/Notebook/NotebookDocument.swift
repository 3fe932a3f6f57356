// NotebookDocument: a `.drift` script read as percent-format cells (the convention of Jupytext, VS Code
// and Spyder). `# %%` (optionally followed by a title) starts a code cell; `# %% [markdown]` starts a
// prose cell whose `# `-prefixed lines are Markdown. Text before the first marker is a code cell when
// it is not blank, and a script without markers is one cell. Each cell keeps the file line its source
// starts on, so errors name the real line.

public struct NotebookCell: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case code
        case markdown
    }

    public var kind: Kind
    /// The text after `# %%` on the marker line (without `[markdown]`), if any.
    public var title: String?
    /// Code as written, or Markdown with the comment prefixes stripped. No leading or trailing blank lines.
    public var source: String
    /// The 1-based file line of the source's first line.
    public var firstLine: Int

    public init(kind: Kind, title: String?, source: String, firstLine: Int) {
        self.kind = kind
        self.title = title
        self.source = source
        self.firstLine = firstLine
    }
}

public struct NotebookDocument: Equatable, Sendable {
    public var cells: [NotebookCell]

    public init(cells: [NotebookCell]) { self.cells = cells }

    public init(parsing text: String) {
        var cells: [NotebookCell] = []
        // The cell being read: kind, title, lines, and the file line of its first line.
        var kind = NotebookCell.Kind.code, title: String? = nil, lines: [Substring] = [], start = 1
        func finish() {
            var body = lines[...], first = start
            while let line = body.first, line.allSatisfy(\.isWhitespace) { body.removeFirst(); first += 1 }
            while let line = body.last, line.allSatisfy(\.isWhitespace) { body.removeLast() }
            if kind == .markdown { body = ArraySlice(body.map(NotebookDocument.uncommented)) }
            // Blank code cells are dropped; a titled but empty marker still shows as an empty cell.
            guard !body.isEmpty || title != nil else { return }
            cells.append(NotebookCell(kind: kind, title: title, source: body.joined(separator: "\n"), firstLine: first))
        }
        let allLines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        for (index, line) in allLines.enumerated() {
            guard let marker = NotebookDocument.marker(line) else {
                lines.append(line)
                continue
            }
            finish()
            (kind, title) = marker
            lines = []
            start = index + 2
        }
        finish()
        self.cells = cells
    }

    /// `(kind, title)` when the line is a cell marker: `# %%`, `#%%`, `# %% Title`, `# %% [markdown] Title`.
    static func marker(_ line: Substring) -> (NotebookCell.Kind, String?)? {
        var rest = line
        guard rest.hasPrefix("#") else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard rest.hasPrefix("%%") else { return nil }
        rest = rest.dropFirst(2)
        // `# %%%` or `# %%x` is an ordinary comment.
        if let next = rest.first, !next.isWhitespace { return nil }
        var text = rest.trimmingSpaces
        var kind = NotebookCell.Kind.code
        for tag in ["[markdown]", "[md]"] where text.lowercased().hasPrefix(tag) {
            kind = .markdown
            text = String(text.dropFirst(tag.count)).trimmingSpaces
        }
        return (kind, text.isEmpty ? nil : text)
    }

    /// A prose line without its comment prefix: `# text` → `text`, `#` → ``; other lines as they are.
    static func uncommented(_ line: Substring) -> Substring {
        if line.hasPrefix("# ") { return line.dropFirst(2) }
        if line.hasPrefix("#") { return line.dropFirst() }
        return line
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}

extension NotebookDocument {
    /// Every name the code cells mention (variables, functions, fields), read with the language's lexer, so
    /// names inside strings and comments do not count. For checking `--param` names against the script.
    public var namesUsed: Set<String> {
        var names = Set<String>()
        for cell in cells where cell.kind == .code {
            for token in Lexer.tokenize(SourceFile(name: "cell", text: cell.source)).tokens {
                if case .identifier(let name) = token.kind { names.insert(name) }
            }
        }
        return names
    }

    /// The names the parameters cell (or, without one, the first code cell) binds with `let`, for messages.
    public var parameterNames: [String] {
        let cell = cells.first { $0.kind == .code && $0.title?.lowercased() == "parameters" } ?? cells.first { $0.kind == .code }
        let tokens = cell.map { Lexer.tokenize(SourceFile(name: "cell", text: $0.source)).tokens } ?? []
        return tokens.indices.dropLast().compactMap { index in
            guard tokens[index].kind == .let, case .identifier(let name) = tokens[index + 1].kind else { return nil }
            return name
        }
    }
}
