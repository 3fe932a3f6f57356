// ArithmeticSequence: the numbers from `from` to `to` in steps of `by`, as R's `seq(from, to, by)` (behind
// `seq`). The count comes first, `floor((to - from) / by + 1e-10) + 1`, so `to` is included when a step lands
// on it up to that fuzz; each value is computed as `from + i * by` (no accumulated rounding) and the last is
// clamped so that it never passes `to`.

extension Statistics {
    /// R's `seq(from, to, by)`. Throws a DataError for a non-finite argument, a step of 0 between different
    /// ends, or a step pointing away from `to`; a MemoryLimitError when the sequence would not fit.
    public static func sequence(from start: Double, to end: Double, by step: Double) throws -> [Double] {
        guard start.isFinite, end.isFinite, step.isFinite else { throw DataError("from, to and by must be finite numbers") }
        let distance = end - start
        if distance == 0 { return [start] }
        guard step != 0 else { throw DataError("by must not be 0 when from and to differ") }
        let steps = distance / step
        guard steps > 0 else {
            throw DataError("by is \(step < 0 ? "negative" : "positive") but to is \(distance > 0 ? "above" : "below") from: the sequence would never reach it")
        }
        // R returns `from` alone when the two ends differ by a rounding error.
        if abs(distance) / Swift.max(abs(start), abs(end)) < 100 * Double.ulpOfOne { return [start] }
        let count = (steps + 1e-10).rounded(.down) + 1
        let described = count < 1e15 ? String(Int(count)) : String(describing: count)
        try MemoryLimit.reserve(count * 8, for: "a sequence of \(described) numbers")
        return try evenlySpaced(from: start, by: step, count: Int(count), notPast: end)
    }

    /// The `count` numbers `start + i * step` (clamped so that none passes `end`, when given), polling
    /// Ctrl-C as they are made: a range may hold a billion.
    public static func evenlySpaced(from start: Double, by step: Double, count: Int, notPast end: Double? = nil) throws -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(count)
        for i in 0..<count {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let value = start + Double(i) * step
            guard let end else {
                values.append(value)
                continue
            }
            values.append(step > 0 ? Swift.min(value, end) : Swift.max(value, end))
        }
        return values
    }
}
