// Rotating hyperplane (Hulten, Spencer & Domingos, "Mining time-changing data streams", KDD 2001), with
// River's parameterisation: features uniform in [0, 1), weights w uniform in [0, 1), y = Σ wᵢxᵢ ≥ ½ Σ wᵢ.
// After every row the first `driftFeatures` weights move by `drift` in their current direction, and
// each direction reverses with probability `reversal`. Labels flip with probability `noise`.

extension Synthetic {
    public static func rotatingHyperplane(count: Int, features: Int = 10, drift: Double = 0, driftFeatures: Int = 2,
                                          noise: Double = 0.05, reversal: Double = 0.1, seed: UInt64) throws -> DataFrame {
        try checkCount(count)
        guard features >= 2 else { throw DataError("hyperplane: needs at least 2 features, got \(features)") }
        guard driftFeatures >= 0 && driftFeatures <= features else {
            throw DataError("hyperplane: drift features must lie in 0...\(features), got \(driftFeatures)")
        }
        guard drift >= 0 && drift.isFinite else { throw DataError("hyperplane: drift magnitude must be a non-negative number") }
        try checkProbability(noise, "hyperplane: noise")
        try checkProbability(reversal, "hyperplane: reversal probability")
        var generator = SeededGenerator(seed: seed)
        var weights = (0..<features).map { _ in Double.random(in: 0..<1, using: &generator) }
        var directions = [Double](repeating: 1, count: features)
        var columns = [[Double]](repeating: [], count: features)
        var y = [Int8]()
        var row = [Double](repeating: 0, count: features)
        for i in 0..<count {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            var score = 0.0, total = 0.0
            for j in 0..<features {
                row[j] = Double.random(in: 0..<1, using: &generator)
                score += weights[j] * row[j]
                total += weights[j]
                columns[j].append(row[j])
            }
            var label = score >= 0.5 * total
            if noise > 0 && Double.random(in: 0..<1, using: &generator) < noise { label.toggle() }
            y.append(label ? 1 : 0)
            if drift > 0 {
                for j in 0..<driftFeatures {
                    weights[j] += directions[j] * drift
                    if Double.random(in: 0..<1, using: &generator) < reversal { directions[j] = -directions[j] }
                }
            }
        }
        var frame: [(name: String, column: Column)] = columns.enumerated().map { ("x\($0 + 1)", .numeric(NumericColumn($1))) }
        frame.append(("y", .boolean(BoolColumn(raw: y))))
        return try DataFrame(frame)
    }
}
