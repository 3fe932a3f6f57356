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

    /// Left and inner joins on unique right keys look each right row up as they fill the output (on both cores
    /// past half a million rows): every column kind gets the same values as a gather of the matching rows.
    @Test(arguments: [0, 0.5])
    func uniqueRightKeysLookUpEveryColumnKind(shift: Double) throws {
        let leftKeys = (0..<900_000).map { $0 % 97 == 0 ? Double.nan : Double($0 % 1_000) + shift }
        let rightKeys = (0..<700).map { Double(699 - $0) + shift }
        let rightRows = (0..<700).map { $0 }
        let right = try DataFrame([
            (name: "k", column: .numeric(NumericColumn(rightKeys))),
            (name: "number", column: .numeric(NumericColumn(rightRows.map { Double($0) * 1.5 }))),
            (name: "text", column: .text(TextColumn(rightRows.map { $0 % 5 == 0 ? nil : "r\($0 % 40)" }))),
            (name: "flag", column: .boolean(BoolColumn(rightRows.map { $0 % 3 == 0 ? nil : $0 % 2 == 0 }))),
            (name: "time", column: .time(TimeColumn(rightRows.map { Int64($0) * 86_400_000_000 }, kind: .datetime))),
        ])
        let left = try DataFrame([(name: "k", column: .numeric(NumericColumn(leftKeys)))])
        let joined = try left.joined(with: right, leftKeys: ["k"], rightKeys: ["k"], kind: .left)
        let rowOfKey = Dictionary(uniqueKeysWithValues: rightKeys.enumerated().map { ($1, $0) })
        let matches = leftKeys.map { rowOfKey[$0] ?? -1 }
        #expect(joined.rowCount == leftKeys.count)
        for name in ["number", "text", "flag", "time"] {
            #expect(joined.column(named: name) == right.column(named: name)?.gathering(orMissing: matches), "\(name)")
        }
        let inner = try left.withColumn("row", .numeric(NumericColumn(leftKeys.indices.map(Double.init))))
            .joined(with: right, leftKeys: ["k"], rightKeys: ["k"], kind: .inner)
        let matched = matches.indices.filter { matches[$0] >= 0 }
        #expect(inner.rowCount == matched.count && matched.count > 1 << 19)
        #expect(inner.column(named: "row")?.numbers == matched.map(Double.init))
        for name in ["number", "text", "flag", "time"] {
            #expect(inner.column(named: name) == right.column(named: name)?.gathering(matched.map { matches[$0] }), "inner \(name)")
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
