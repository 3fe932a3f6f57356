// Counted: a count with its noun, "1 value" but "3 values", for every message and title that counts.

/// The count and the noun, made plural (with an `s`) unless the count is one.
func counted<Count: BinaryInteger>(_ count: Count, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
