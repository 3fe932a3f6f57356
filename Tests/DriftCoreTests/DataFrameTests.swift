// DataFrameTests: building frames and every frame operation, including the errors they throw.
import Testing
@testable import DriftCore

@Suite struct DataFrameTests {
    let frame = try! DataFrame([
        ("x", .numeric(NumericColumn([2, .nan, 1, 2, 0]))),
        ("name", .text(TextColumn(["b", "a", nil, "c", "a"]))),
        ("ok", .boolean(BoolColumn([true, false, true, nil, false]))),
    ])

    @Test func shapeAndLookup() {
        #expect(frame.names == ["x", "name", "ok"])
        #expect(frame.rowCount == 5 && frame.columnCount == 3)
        #expect(frame.column(named: "ok")?.typeName == "bool")
        #expect(frame.column(named: "nope") == nil)
    }

    @Test func constructionErrors() {
        #expect(throws: DataError("duplicate column name 'a'")) {
            try DataFrame([("a", .numeric(NumericColumn([1]))), ("a", .numeric(NumericColumn([2])))])
        }
        #expect(throws: DataError("column 2 has an empty name")) {
            try DataFrame([("a", .numeric(NumericColumn([1]))), ("", .numeric(NumericColumn([2])))])
        }
        #expect(throws: DataError("columns differ in length: 'a' has 1 rows, 'b' has 2")) {
            try DataFrame([("a", .numeric(NumericColumn([1]))), ("b", .numeric(NumericColumn([1, 2])))])
        }
    }

    @Test func selecting() throws {
        #expect(try frame.selecting(["ok", "x"]).names == ["ok", "x"])
        #expect(throws: DataError("no column named 'y'; available: x, name, ok")) { try frame.selecting(["y"]) }
    }

    @Test func filtering() throws {
        let kept = try frame.filtered(by: BoolColumn([true, nil, false, true, false]))
        #expect(kept.column(named: "x")?.numbers == [2, 2])
        #expect(kept.column(named: "name")?.strings == ["b", "c"])
        #expect(throws: DataError("filter mask has 2 values but the frame has 5 rows")) {
            try frame.filtered(by: BoolColumn([true, false]))
        }
    }

    @Test func headAndTail() {
        #expect(frame.head(2).column(named: "name")?.strings == ["b", "a"])
        #expect(frame.tail(2).column(named: "name")?.strings == ["c", "a"])
        #expect(frame.head(99).rowCount == 5 && frame.tail(99).rowCount == 5)
        #expect(frame.head(-1).rowCount == 0 && frame.tail(0).rowCount == 0)
    }

    @Test func withColumnReplacesOrAppends() throws {
        let replaced = try frame.withColumn("x", .numeric(NumericColumn([1, 1, 1, 1, 1])))
        #expect(replaced.names == ["x", "name", "ok"] && replaced.column(named: "x")?.numbers == [1, 1, 1, 1, 1])
        let appended = try frame.withColumn("y", .boolean(BoolColumn([nil, nil, nil, nil, nil])))
        #expect(appended.names == ["x", "name", "ok", "y"])
        #expect(throws: DataError("column 'y' has 1 values but the frame has 5 rows")) {
            try frame.withColumn("y", .numeric(NumericColumn([1])))
        }
    }

    @Test func sortingIsStableWithMissingLast() throws {
        #expect(try frame.sorted(by: "x", descending: false).column(named: "name")?.strings == ["a", nil, "b", "c", "a"])
        #expect(try frame.sorted(by: "x", descending: true).column(named: "name")?.strings == ["b", "c", nil, "a", "a"])
        #expect(try frame.sorted(by: "name", descending: false).column(named: "x")?.numbers?.count == 5)
        let byName = try frame.sorted(by: "name", descending: false)
        #expect(byName.column(named: "name")?.strings == ["a", "a", "b", "c", nil])
        #expect(byName.column(named: "x") == .numeric(NumericColumn([.nan, 0, 2, 2, 1])))
        let byNameDown = try frame.sorted(by: "name", descending: true)
        #expect(byNameDown.column(named: "name")?.strings == ["c", "b", "a", "a", nil])
        #expect(byNameDown.column(named: "x") == .numeric(NumericColumn([2, 2, .nan, 0, 1])))
        #expect(try frame.sorted(by: "ok", descending: false).column(named: "ok")?.flags == [false, false, true, true, nil])
        #expect(throws: DataError.self) { try frame.sorted(by: "zz", descending: false) }
    }

    @Test func concatenating() throws {
        let both = try DataFrame.concatenating(frame, frame.head(2))
        #expect(both.rowCount == 7)
        #expect(both.column(named: "name")?.strings == ["b", "a", nil, "c", "a", "b", "a"])
        let renamed = try DataFrame([("y", .numeric(NumericColumn([1])))])
        #expect(throws: DataError("cannot concatenate frames with different columns: [x, name, ok] and [y]")) {
            try DataFrame.concatenating(frame, renamed)
        }
        let retyped = try frame.withColumn("ok", .numeric(NumericColumn([1, 2, 3, 4, 5])))
        #expect(throws: DataError("column 'ok': cannot concatenate a bool column with a num column")) {
            try DataFrame.concatenating(frame, retyped)
        }
    }

    @Test func samplingIsDeterministicWithoutReplacement() throws {
        let big = try DataFrame([("i", .numeric(NumericColumn((0..<1000).map(Double.init))))])
        let a = try big.sample(100, seed: 42)
        #expect(a == (try big.sample(100, seed: 42)))
        #expect(a != (try big.sample(100, seed: 43)))
        let drawn = a.column(named: "i")?.numbers ?? []
        #expect(Set(drawn).count == 100)
        #expect(try big.sample(1000, seed: 1).column(named: "i")?.numbers?.sorted() == (0..<1000).map(Double.init))
        #expect(throws: DataError("cannot sample 1001 rows from a frame of 1000 rows without replacement")) {
            try big.sample(1001, seed: 1)
        }
    }

    @Test func describeSummarisesEveryColumn() {
        let summary = frame.describe()
        #expect(summary.names == ["column", "type", "count", "missing", "mean", "sd", "min", "q25", "median", "q75", "max", "unique", "note"])
        #expect(summary.column(named: "column")?.strings == ["x", "name", "ok"])
        #expect(summary.column(named: "type")?.strings == ["num", "str", "bool"])
        #expect(summary.column(named: "count")?.numbers == [4, 4, 4])
        #expect(summary.column(named: "missing")?.numbers == [1, 1, 1])
        #expect(summary.column(named: "unique")?.numbers == [3, 3, 2])
        #expect(summary.column(named: "mean") == .numeric(NumericColumn([1.25, .nan, .nan])))
        #expect(summary.column(named: "median")?.numbers?.first == 1.5)
        #expect(summary.column(named: "q25")?.numbers?.first == 0.75)
        #expect(summary.column(named: "max")?.numbers?.first == 2)
    }
}
