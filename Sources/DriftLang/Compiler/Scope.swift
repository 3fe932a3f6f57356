// Scope: what the compiler knows about names while it walks a function — block scopes mapping names to
// frame slots, the number of slots the frame needs, and how deep in loops it is.

final class FunctionScope {
    let parent: FunctionScope?
    /// Code outside any function: its depth-0 declarations are globals.
    let isTopLevel: Bool
    private var blocks: [[String: Int]] = [[:]]
    private(set) var slotCount = 0
    var loopDepth = 0
    /// True while the compiler is in a parameter's default value, where `return` has no call to end.
    var inDefaultValue = false

    init(parent: FunctionScope?, isTopLevel: Bool) {
        self.parent = parent
        self.isTopLevel = isTopLevel
    }

    /// True at the top level of a script or REPL entry, where `let` makes a global.
    var declaresGlobals: Bool { isTopLevel && blocks.count == 1 }

    func pushBlock() { blocks.append([:]) }
    func popBlock() { blocks.removeLast() }

    /// A new slot for a name in the innermost block (shadowing any outer one).
    func declare(_ name: String) -> Int {
        let slot = slotCount
        slotCount += 1
        blocks[blocks.count - 1][name] = slot
        return slot
    }

    func lookup(_ name: String) -> Int? {
        for block in blocks.reversed() {
            if let slot = block[name] { return slot }
        }
        return nil
    }

    /// Every name visible from here, for suggestions.
    var visibleNames: [String] { blocks.flatMap(\.keys) + (parent?.visibleNames ?? []) }
}
