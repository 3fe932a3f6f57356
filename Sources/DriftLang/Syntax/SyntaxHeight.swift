// SyntaxHeight: how many levels deep a parsed statement's tree goes. Bracket nesting is capped while
// parsing, but a long chain (`1 + 1 + … + 1`, `x.a.a.…`) makes a tree as deep as it is long, and a tree
// is torn down recursively wherever its last reference drops — maybe on an 8 MB thread stack. The parser
// refuses statements deeper than `Parser.maximumHeight` (on its own large stack, where measuring and
// dropping them is safe), so every tree that leaves it can be released anywhere.

extension SyntaxChild {
    /// Levels from this form down to its deepest leaf; a function declaration adds none of its own
    /// (the expression or statement holding it does). Measured with a list of pending forms rather
    /// than by recursion, since the tree may be far deeper than any stack allows.
    var height: Int {
        var tallest = 0
        var pending: [(form: SyntaxChild, depth: Int)] = [(self, levels)]
        while let (form, depth) = pending.popLast() {
            tallest = Swift.max(tallest, depth)
            form.forEachChild { pending.append(($0, depth + $0.levels)) }
        }
        return tallest
    }

    private var levels: Int {
        if case .function = self { return 0 }
        return 1
    }
}

extension Stmt {
    var height: Int { SyntaxChild.statement(self).height }
}
