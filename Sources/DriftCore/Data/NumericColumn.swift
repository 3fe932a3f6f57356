// NumericColumn: a contiguous buffer of Doubles where NaN marks a missing value.

public struct NumericColumn: Sendable, Equatable {
    public var values: [Double]

    public init(_ values: [Double]) { self.values = values }

    public var count: Int { values.count }

    public var missingCount: Int {
        values.withUnsafeBufferPointer { buffer in
            var missing = 0
            for value in buffer where value.isNaN { missing += 1 }
            return missing
        }
    }

    /// Element-wise equality where missing equals missing (NaN == NaN), unlike IEEE comparison.
    public static func == (lhs: NumericColumn, rhs: NumericColumn) -> Bool {
        guard lhs.values.count == rhs.values.count else { return false }
        return lhs.values.withUnsafeBufferPointer { a in
            rhs.values.withUnsafeBufferPointer { b in
                for i in 0..<a.count where a[i] != b[i] && !(a[i].isNaN && b[i].isNaN) {
                    return false
                }
                return true
            }
        }
    }
}
