// JoinKeyPathTests: a join on whole-number keys (coded by offset as they are read, a unique right side as a
// code → row table) gives the same row pairs as the same keys shifted by a half, which are hashed and take
// the general path; and the whole-number check behind both accepts exactly the whole, finite keys.
import Testing
@testable import DriftCore

@Suite struct JoinKeyPathTests {
    /// A frame of keys (missing where nil) and each row's number.
    static func frame(_ keys: [Double?], shift: Double, row: String) throws -> DataFrame {
        try DataFrame([(name: "k", column: .numeric(NumericColumn(keys.map { $0.map { $0 + shift } ?? .nan }))),
                       (name: row, column: .numeric(NumericColumn(keys.indices.map(Double.init))))])
    }

    /// The (left row, right row) pairs of a join, −1 for a side's missing row.
    static func pairs(_ joined: DataFrame) -> [[Int]] {
        let left = joined.column(named: "l")?.numbers ?? [], right = joined.column(named: "r")?.numbers ?? []
        return left.indices.map { [Int(left[$0].isNaN ? -1 : left[$0]), right.isEmpty || right[$0].isNaN ? -1 : Int(right[$0])] }
    }

    @Test(arguments: JoinKind.allCases)
    func wholeNumberKeysPairAsHashedKeys(_ kind: JoinKind) throws {
        let left: [Double?] = [3, -1, 7, nil, 3, 12, 0, 5, -1, 40]
        // A right side with unique keys (the table) and one with a repeated key (the counting sort).
        for right: [Double?] in [[7, 3, nil, -1, 9, 40], [7, 3, nil, 3, -1, 9, -1]] {
            var results: [[[Int]]] = []
            for shift in [0, 0.5] {
                let joined = try Self.frame(left, shift: shift, row: "l")
                    .joined(with: Self.frame(right, shift: shift, row: "r"), leftKeys: ["k"], rightKeys: ["k"], kind: kind)
                results.append(Self.pairs(joined))
            }
            #expect(results[0] == results[1], "\(kind) join, right keys \(right)")
            #expect(!results[0].isEmpty)
        }
    }

    @Test func wholeNumberSpanAcceptsOnlyWholeFiniteKeys() {
        #expect(KeyCodes.integerSpan(of: [[1, 2, .nan, 5], [-3]])! == (-3, 9))
        #expect(KeyCodes.integerSpan(of: [[0x1p53, 0x1p53 + 2]])! == (0x1p53, 3))
        #expect(KeyCodes.integerSpan(of: [[-0.0, 0, 3]])!.span == 4)
        for values: [Double] in [[1, 2.5], [0.5], [-1.25, 3], [1, .infinity], [-.infinity, 2], [.infinity], [0, 1e9]] {
            #expect(KeyCodes.integerSpan(of: [values]) == nil, "\(values)")
        }
    }
}
