// BoolColumn: a contiguous buffer of Int8 flags: 1 true, 0 false, -1 missing.

public struct BoolColumn: Sendable, Equatable {
    /// 1 = true, 0 = false, -1 = missing.
    public var values: [Int8]

    public init(_ values: [Bool?]) {
        self.values = values.map { value in
            switch value {
            case .some(true): 1
            case .some(false): 0
            case .none: -1
            }
        }
    }

    /// Wraps raw flags as they are; any negative value counts as missing.
    public init(raw: [Int8]) { self.values = raw }

    public var count: Int { values.count }

    public var missingCount: Int {
        values.withUnsafeBufferPointer { buffer in
            var missing = 0
            for value in buffer where value < 0 { missing += 1 }
            return missing
        }
    }

    public subscript(index: Int) -> Bool? {
        let value = values[index]
        return value < 0 ? nil : value != 0
    }
}
