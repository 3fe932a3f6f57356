// joinedText: strings joined with a separator, for code that runs at every start or in every script (builtin
// signatures, `print`). The standard library's `joined(separator:)` is not specialised for our callers: its
// first call looks up an associated type by its mangled name, and checking that type's requirements scans
// the binary's 12,000 conformance records (0.4M instructions and 27 page faults, once per process).

/// `pieces` with `separator` between each two.
func joinedText(_ pieces: [String], separator: String) -> String {
    var text = ""
    for (index, piece) in pieces.enumerated() {
        if index > 0 { text += separator }
        text += piece
    }
    return text
}
