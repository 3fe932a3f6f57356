// FrameVerbTests: group-by aggregates and joins against pandas on seeded data
// (tools/reference/make_frame_fixtures.py writes Fixtures/frames/). Aggregates agree to 1e-12 relative
// (the same Statistics functions run on each group's values); joins give the same row pairs.
import Foundation
import Testing
@testable import DriftCore

@Suite struct FrameVerbTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/frames")

    static func frame(_ name: String) throws -> DataFrame {
        try CSVReader.read(path: folder.appendingPathComponent(name).path)
    }

    nonisolated(unsafe) static let expected: [String: Any] = {  // read-only after it is made
        let data = (try? Data(contentsOf: folder.appendingPathComponent("expected.json"))) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }()

    /// A fixture's list of numbers: null is missing, "inf"/"-inf" are infinities.
    static func numbers(_ value: Any?) -> [Double] {
        (value as? [Any] ?? []).map { element in
            switch element {
            case let number as NSNumber: return number.doubleValue
            case let text as String: return text == "inf" ? .infinity : -.infinity
            default: return .nan
            }
        }
    }

    static func expectClose(_ column: Column, _ reference: [Double], _ what: String) {
        let values = column.numbers ?? []
        #expect(values.count == reference.count, "\(what): \(values.count) groups, pandas \(reference.count)")
        for (ours, theirs) in zip(values, reference) {
            #expect(isClose(ours, theirs), "\(what): \(ours) vs pandas \(theirs)")
        }
    }

    @Test(arguments: [("region", ["region"]), ("store", ["store"]), ("region_store", ["region", "store"])])
    func groupByAggregatesMatchPandas(_ name: String, _ keys: [String]) throws {
        let sales = try Self.frame("sales.csv")
        let grouping = try Grouping(sales, by: keys)
        let reference = try #require((Self.expected["groups"] as? [String: Any])?[name] as? [String: Any])
        let amount = try #require(sales.column(named: "amount"))
        // Keys in pandas' order (ascending, missing last), for every key column.
        for key in keys {
            let column = try #require(grouping.keys.column(named: key))
            if key == "region" {
                let texts = (0..<column.count).map { row -> String? in if case .text(let t) = column { t[row] } else { nil } }
                #expect(texts == (reference[key] as? [Any])?.map { $0 as? String }, "\(name) keys")
            } else {
                Self.expectClose(column, Self.numbers(reference[key]), "\(name) keys")
            }
        }
        Self.expectClose(grouping.sizes(), Self.numbers(reference["size"]), "\(name) size")
        let aggregations: [(String, GroupAggregation)] = [
            ("count", .count), ("sum", .sum), ("mean", .mean), ("median", .median), ("min", .min), ("max", .max),
            ("sd", .sd), ("var", .variance), ("q90", .quantile(0.9)), ("n_unique", .distinctCount),
            ("first", .first), ("last", .last),
        ]
        for (field, aggregation) in aggregations {
            Self.expectClose(try grouping.aggregate(amount, aggregation), Self.numbers(reference[field]), "\(name) \(field)")
        }
    }

    static func sales() throws -> DataFrame {
        try frame("sales.csv").withColumn("sales_row", .numeric(NumericColumn((0..<400).map(Double.init))))
    }

    static func labels() throws -> DataFrame {
        try frame("labels.csv").withColumn("labels_row", .numeric(NumericColumn((0..<45).map(Double.init))))
    }

    /// The labels with at most one row per present store (pandas' choice), for the unique-key joins.
    static func uniqueLabels() throws -> DataFrame {
        try labels().gathering(try #require((expected["joins"] as? [String: Any])?["unique_rows"] as? [Int]))
    }

    /// Checks a join's (left row, right row) pairs, read from its row-number columns, against pandas'.
    static func expectPairs(_ joined: DataFrame, left: String, right: String, _ reference: [String: [Int]]?, kind: JoinKind) throws {
        let reference = try #require(reference)
        let leftRows = (joined.column(named: left)?.numbers ?? []).map { $0.isNaN ? -1 : Int($0) }
        #expect(joined.names.contains(right) == (kind != .semi && kind != .anti))
        let rightRows = (joined.column(named: right)?.numbers ?? []).map { $0.isNaN ? -1 : Int($0) }
        let pairs = zip(leftRows, rightRows.isEmpty ? [Int](repeating: -1, count: leftRows.count) : rightRows).map { [$0, $1] }
        let expectedPairs = zip(reference["left"] ?? [], reference["right"] ?? [Int](repeating: -1, count: reference["left"]?.count ?? 0)).map { [$0, $1] }
        if kind == .outer {
            // pandas sorts an outer join by key; the rows are the same.
            #expect(pairs.sorted { $0.lexicographicallyPrecedes($1) } == expectedPairs.sorted { $0.lexicographicallyPrecedes($1) })
        } else {
            #expect(pairs == expectedPairs)
        }
        #expect(pairs.count > 0)
    }

    @Test(arguments: JoinKind.allCases)
    func joinPairsMatchPandas(_ kind: JoinKind) throws {
        let joined = try Self.sales().joined(with: Self.labels(), leftKeys: ["store"], rightKeys: ["store"], kind: kind)
        let reference = (Self.expected["joins"] as? [String: Any])?[kind.rawValue] as? [String: [Int]]
        try Self.expectPairs(joined, left: "sales_row", right: "labels_row", reference, kind: kind)
    }

    /// A right side whose present keys are unique takes the code → row table (a left join gathers no
    /// left column); as the left side of a right join, the same table from the other side.
    @Test(arguments: JoinKind.allCases)
    func uniqueKeyJoinsMatchPandas(_ kind: JoinKind) throws {
        let joined = try Self.sales().joined(with: Self.uniqueLabels(), leftKeys: ["store"], rightKeys: ["store"], kind: kind)
        let reference = ((Self.expected["joins"] as? [String: Any])?["unique_right"] as? [String: Any])?[kind.rawValue] as? [String: [Int]]
        try Self.expectPairs(joined, left: "sales_row", right: "labels_row", reference, kind: kind)
        if kind == .left { #expect(joined.column(named: "amount") == (try Self.sales()).column(named: "amount")) }
    }

    @Test func rightJoinOfUniqueLeftKeysMatchesPandas() throws {
        let joined = try Self.uniqueLabels().joined(with: Self.sales(), leftKeys: ["store"], rightKeys: ["store"], kind: .right)
        let reference = (Self.expected["joins"] as? [String: Any])?["unique_left_right"] as? [String: [Int]]
        try Self.expectPairs(joined, left: "labels_row", right: "sales_row", reference, kind: .right)
    }

    @Test func joinNamesClashesAndChecksKeyTypes() throws {
        let left = try DataFrame([(name: "id", column: .numeric(NumericColumn([1, 2, .nan]))), (name: "x", column: .numeric(NumericColumn([10, 20, 30])))])
        let right = try DataFrame([(name: "id", column: .numeric(NumericColumn([2, .nan, 3]))), (name: "x", column: .text(TextColumn(["b", "n", "c"])))])
        let outer = try left.joined(with: right, leftKeys: ["id"], rightKeys: ["id"], kind: .outer)
        #expect(outer.names == ["id", "x", "x_right"])
        // The missing keys match nothing, so each side's keeps its own row; the right-only key 3 is filled in.
        #expect(outer.column(named: "id")?.numbers?.map { $0.isNaN ? -1 : $0 } == [1, 2, -1, -1, 3])
        let text = try DataFrame([(name: "id", column: .text(TextColumn(["1"])))])
        #expect(throws: DataError.self) { try left.joined(with: text, leftKeys: ["id"], rightKeys: ["id"], kind: .inner) }
    }
}

extension FrameVerbTests {
    @Test func multiKeySortAndDistinctRowsMatchPandas() throws {
        let sales = try Self.frame("sales.csv").withColumn("row", .numeric(NumericColumn((0..<400).map(Double.init))))
        let reference = try #require(Self.expected["rows"] as? [String: [Int]])
        let sorted = try sales.sorted(by: ["region", "amount"], descending: [false, true])
        #expect(sorted.column(named: "row")?.numbers?.map { Int($0) } == reference["sorted"])
        let distinct = try sales.distinctRows(by: ["region", "store"])
        #expect(distinct.column(named: "row")?.numbers?.map { Int($0) } == reference["distinct"])
        #expect((reference["distinct"]?.count ?? 0) > 50)
    }
}

extension FrameVerbTests {
    /// Two keys of many levels make combined codes too sparse for the dense table; the sorted path must
    /// give the same groups in the same order.
    /// Past 100,000 rows the groups' quantiles are gathered and selected in runs on every core: a few huge groups,
    /// many small ones and missing values still give each group's own quantile, as the ungrouped function does.
    @Test func groupedQuantilesInRunsAreEachGroupsOwn() throws {
        var generator = SeededGenerator(seed: 7)
        // Every third row in one of 5 huge groups, the rest in 20,000 groups of about 10.
        let keys: [Double] = (0..<300_000).map { (row: Int) -> Double in
            let key: Int = row % 3 == 0 ? row % 5 : 5 + row % 20_000
            return Double(key)
        }
        let values = (0..<300_000).map { row in row % 101 == 0 ? Double.nan : Double.random(in: -1...1, using: &generator) }
        let frame = try DataFrame([(name: "key", column: .numeric(NumericColumn(keys))), (name: "x", column: .numeric(NumericColumn(values)))])
        let grouping = try Grouping(frame, by: ["key"])
        for q in [0.0, 0.37, 0.9, 1.0] {
            guard case .numeric(let quantiles) = try grouping.aggregate(Column.numeric(NumericColumn(values)), GroupAggregation.quantile(q)) else {
                Issue.record("not numeric")
                return
            }
            let expected = (0..<grouping.groupCount).map { Statistics.quantile(grouping.rows(of: $0).map { values[$0] }, q) }
            #expect(quantiles.values.count == expected.count)
            #expect(zip(quantiles.values, expected).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "q = \(q)")
        }
    }

    @Test func sparseCombinedKeysGroupInKeyOrder() throws {
        // Integer keys take the direct path: the same groups as hashing would give.
        let ids = try DataFrame([(name: "id", column: .numeric(NumericColumn([5, -2, 5, .nan, 0, -0.0, 7])))])
        let byId = try Grouping(ids, by: ["id"])
        #expect(byId.keys.column(named: "id")?.numbers?.map { $0.isNaN ? 99 : $0 } == [-2, 0, 5, 7, 99])
        #expect(byId.sizes().numbers == [1, 2, 2, 1, 1])
        let n = 3000
        // Not whole numbers, so each key is hashed (the direct integer codes would stay dense).
        let a = (0..<n).map { Double(($0 * 7) % n) + 0.5 }, b = (0..<n).map { Double($0) + 0.25 }
        let frame = try DataFrame([(name: "a", column: .numeric(NumericColumn(a))), (name: "b", column: .numeric(NumericColumn(b)))])
        let grouping = try Grouping(frame, by: ["b", "a"])
        #expect(grouping.groupCount == n)
        let keys = zip(grouping.keys.column(named: "b")?.numbers ?? [], grouping.keys.column(named: "a")?.numbers ?? []).map { [$0, $1] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(keys.count == n)
    }
}
