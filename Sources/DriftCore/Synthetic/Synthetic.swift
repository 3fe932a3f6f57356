// Synthetic: seeded generators of classic drifting benchmark streams, returned as DataFrames with
// features x1, x2, … (or named attributes) and target y. Each call with the same seed gives the same rows.

public enum Synthetic {
    static func checkCount(_ count: Int) throws {
        guard count >= 0 else { throw DataError("the number of rows must not be negative, got \(count)") }
    }

    static func checkProbability(_ p: Double, _ what: String) throws {
        guard p >= 0 && p <= 1 else { throw DataError("\(what) must lie in [0, 1], got \(p)") }
    }
}
