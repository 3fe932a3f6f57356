// STAGGER concepts (Schlimmer & Granger, "Incremental learning from noisy data", Machine Learning 1986):
// size ∈ {small, medium, large}, color ∈ {red, green, blue}, shape ∈ {square, circle, triangle}, uniformly
// at random; concept 0: size = small and color = red; 1: color = green or shape = circle;
// 2: size = medium or large (River's numbering).

extension Synthetic {
    public static let staggerSizes = ["small", "medium", "large"]
    public static let staggerColors = ["red", "green", "blue"]
    public static let staggerShapes = ["square", "circle", "triangle"]

    static func staggerLabel(size: Int, color: Int, shape: Int, concept: Int) -> Bool {
        switch concept {
        case 0: size == 0 && color == 0
        case 1: color == 1 || shape == 1
        default: size == 1 || size == 2
        }
    }

    public static func stagger(count: Int, concept: Int = 0, seed: UInt64) throws -> DataFrame {
        try checkCount(count)
        guard (0...2).contains(concept) else { throw DataError("STAGGER: concept must be 0, 1 or 2, got \(concept)") }
        var generator = SeededGenerator(seed: seed)
        var sizes = [Int32](), colors = [Int32](), shapes = [Int32](), y = [Int8]()
        for i in 0..<count {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let size = Int.random(in: 0..<3, using: &generator)
            let color = Int.random(in: 0..<3, using: &generator)
            let shape = Int.random(in: 0..<3, using: &generator)
            sizes.append(Int32(size)); colors.append(Int32(color)); shapes.append(Int32(shape))
            y.append(staggerLabel(size: size, color: color, shape: shape, concept: concept) ? 1 : 0)
        }
        return try DataFrame([
            ("size", .text(TextColumn(codes: sizes, levels: staggerSizes))),
            ("color", .text(TextColumn(codes: colors, levels: staggerColors))),
            ("shape", .text(TextColumn(codes: shapes, levels: staggerShapes))),
            ("y", .boolean(BoolColumn(raw: y))),
        ])
    }
}
