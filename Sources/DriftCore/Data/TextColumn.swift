// TextColumn: dictionary-encoded strings: one Int32 code per row indexing a table of distinct levels.

public struct TextColumn: Sendable, Equatable {
    /// Index into `levels` for each row; -1 marks a missing value.
    public var codes: [Int32]
    /// The distinct strings the codes refer to. May hold levels no row uses (after filtering).
    public var levels: [String]

    public init(_ strings: [String?]) {
        var builder = TextColumnBuilder(capacity: strings.count)
        for string in strings { builder.append(string) }
        self = builder.column
    }

    /// Wraps codes and levels as they are; callers guarantee every code is -1 or a valid level index.
    public init(codes: [Int32], levels: [String]) {
        self.codes = codes
        self.levels = levels
    }

    public var count: Int { codes.count }

    public var missingCount: Int {
        codes.withUnsafeBufferPointer { buffer in
            var missing = 0
            for code in buffer where code < 0 { missing += 1 }
            return missing
        }
    }

    public subscript(index: Int) -> String? {
        let code = codes[index]
        return code < 0 ? nil : levels[Int(code)]
    }

    /// Compares the strings row by row, so two columns with different level tables can be equal.
    public static func == (lhs: TextColumn, rhs: TextColumn) -> Bool {
        guard lhs.codes.count == rhs.codes.count else { return false }
        if lhs.levels == rhs.levels { return lhs.codes == rhs.codes }
        for i in 0..<lhs.codes.count where lhs[i] != rhs[i] { return false }
        return true
    }

    /// The rank of each level in ascending string order (code -> rank), used for sorting and ordering.
    func levelRanks() -> [Int32] {
        let order = levels.indices.sorted { levels[$0] < levels[$1] }
        var ranks = [Int32](repeating: 0, count: levels.count)
        for (rank, level) in order.enumerated() { ranks[level] = Int32(rank) }
        return ranks
    }
}
