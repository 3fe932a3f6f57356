// TextColumnBuilder: dictionary-encodes strings one at a time into a TextColumn (for sources that produce
// Swift strings row by row, such as database results).

public struct TextColumnBuilder: Sendable {
    private var index: [String: Int32] = [:]
    private var levels: [String] = []
    private var codes: [Int32] = []

    public init(capacity: Int = 0) {
        codes.reserveCapacity(capacity)
    }

    public var count: Int { codes.count }

    /// Adds a row; nil is missing.
    public mutating func append(_ string: String?) {
        guard let string else {
            codes.append(-1)
            return
        }
        if let code = index[string] {
            codes.append(code)
            return
        }
        let code = Int32(levels.count)
        index[string] = code
        levels.append(string)
        codes.append(code)
    }

    public var column: TextColumn { TextColumn(codes: codes, levels: levels) }
}
