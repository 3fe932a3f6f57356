// SelectionTests: `select(k)` (Floyd–Rivest) against a full sort, on inputs that trip selection algorithms up:
// ties, sorted and reversed runs, a single repeated value, and sizes on both sides of the sampling cut-off (600).
import Testing
@testable import DriftCore

struct SelectionTests {
    static let sizes = [1, 2, 16, 17, 100, 601, 602, 5_000, 100_000]

    static func inputs(count: Int) -> [(String, [Double])] {
        var generator = SeededGenerator(seed: UInt64(count))
        let uniform = (0..<count).map { _ in Double.random(in: -1...1, using: &generator) }
        return [
            ("uniform", uniform),
            ("five distinct values", (0..<count).map { _ in Double(Int.random(in: 0..<5, using: &generator)) }),
            ("sorted", uniform.sorted()),
            ("reversed", uniform.sorted(by: >)),
            ("one value", [Double](repeating: 3, count: count)),
            ("organ pipe", (0..<count).map { Double(min($0, count - $0)) }),
        ]
    }

    @Test(arguments: sizes) func theKthValueLandsWhereASortPutsIt(count: Int) {
        for (name, values) in Self.inputs(count: count) {
            let sorted = values.sorted()
            for k in Set([0, 1, count / 2, count * 9 / 10, count - 2, count - 1]) where k >= 0 && k < count {
                var selected = values
                selected.withUnsafeMutableBufferPointer { $0.select(k) }
                #expect(selected[k] == sorted[k], "\(name), n = \(count), k = \(k)")
                #expect(selected[..<k].allSatisfy { $0 <= selected[k] }, "\(name), n = \(count), k = \(k): a larger value before k")
                #expect(selected[(k + 1)...].allSatisfy { $0 >= selected[k] }, "\(name), n = \(count), k = \(k): a smaller value after k")
                #expect(selected.sorted() == sorted, "\(name), n = \(count), k = \(k): the values changed")
            }
        }
    }
}
