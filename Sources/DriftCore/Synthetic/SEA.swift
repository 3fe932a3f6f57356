// SEA concepts (Street & Kim, "A streaming ensemble algorithm (SEA) for large-scale classification",
// KDD 2001): three features uniform in [0, 10]; y = x1 + x2 ≤ θ, θ = 8, 9, 7, 9.5 for variants 0–3;
// x3 is irrelevant. With `noise` > 0 each label is flipped with that probability.

extension Synthetic {
    public static let seaThresholds: [Double] = [8, 9, 7, 9.5]

    public static func sea(count: Int, variant: Int = 0, noise: Double = 0, seed: UInt64) throws -> DataFrame {
        try checkCount(count)
        guard seaThresholds.indices.contains(variant) else { throw DataError("SEA: variant must be 0, 1, 2 or 3, got \(variant)") }
        try checkProbability(noise, "SEA: noise")
        var generator = SeededGenerator(seed: seed)
        var x1 = [Double](), x2 = [Double](), x3 = [Double](), y = [Int8]()
        for i in 0..<count {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let a = Double.random(in: 0..<10, using: &generator)
            let b = Double.random(in: 0..<10, using: &generator)
            let c = Double.random(in: 0..<10, using: &generator)
            var label = a + b <= seaThresholds[variant]
            if noise > 0 && Double.random(in: 0..<1, using: &generator) < noise { label.toggle() }
            x1.append(a); x2.append(b); x3.append(c); y.append(label ? 1 : 0)
        }
        return try DataFrame([
            ("x1", .numeric(NumericColumn(x1))), ("x2", .numeric(NumericColumn(x2))),
            ("x3", .numeric(NumericColumn(x3))), ("y", .boolean(BoolColumn(raw: y))),
        ])
    }
}
