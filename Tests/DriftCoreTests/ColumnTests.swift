// ColumnTests: the column kinds, their equality, and row operations on each kind.
import Testing
@testable import DriftCore

@Suite struct ColumnTests {
    let numbers = Column.numeric(NumericColumn([3, .nan, 1, 3, 2]))
    let text = Column.text(TextColumn(["b", nil, "a", "b", "c"]))
    let flags = Column.boolean(BoolColumn([true, nil, false, true, true]))

    @Test func countsAndTypes() {
        #expect(numbers.count == 5 && text.count == 5 && flags.count == 5)
        #expect(numbers.missingCount == 1 && text.missingCount == 1 && flags.missingCount == 1)
        #expect([numbers, text, flags].map(\.typeName) == ["num", "str", "bool"])
        #expect(numbers.isMissing(at: 1) && text.isMissing(at: 1) && flags.isMissing(at: 1))
        #expect(!numbers.isMissing(at: 0) && !text.isMissing(at: 0) && !flags.isMissing(at: 0))
    }

    @Test func equalityTreatsMissingAsEqualAndComparesStrings() {
        #expect(NumericColumn([1, .nan]) == NumericColumn([1, .nan]))
        #expect(NumericColumn([1, .nan]) != NumericColumn([1, 2]))
        let recoded = TextColumn(codes: [1, -1, 0, 1, 2], levels: ["a", "b", "c"])
        #expect(Column.text(recoded) == text)
        #expect(TextColumn(["a"]) != TextColumn(["b"]))
        #expect(numbers != text)
    }

    @Test func textColumnEncodesDistinctStrings() {
        let column = TextColumn(["x", "y", "x", nil])
        #expect(column.levels == ["x", "y"])
        #expect(column.codes == [0, 1, 0, -1])
        #expect(column[2] == "x" && column[3] == nil)
    }

    @Test func gatherFilterSlice() {
        #expect(numbers.gathering([4, 0, 0]).numbers == [2, 3, 3])
        #expect(text.gathering([4, 1]).strings == ["c", nil])
        let mask = BoolColumn([true, true, nil, false, true])
        #expect(numbers.filtered(by: mask) == .numeric(NumericColumn([3, .nan, 2])))
        #expect(text.filtered(by: mask).strings == ["b", nil, "c"])
        #expect(flags.filtered(by: mask).flags == [true, nil, true])
        #expect(flags.slice(1..<3).flags == [nil, false])
        #expect(text.slice(2..<2).count == 0)
    }

    @Test func concatenation() throws {
        let merged = try Column.concatenating(text, .text(TextColumn(["z", "a", nil])))
        #expect(merged.strings == ["b", nil, "a", "b", "c", "z", "a", nil])
        #expect(try Column.concatenating(flags, flags).count == 10)
        #expect(throws: DataError("cannot concatenate a num column with a str column")) {
            try Column.concatenating(numbers, text)
        }
    }

    @Test func uniqueValuesInFirstSeenOrder() {
        #expect(numbers.uniqued().numbers == [3, 1, 2])
        #expect(text.uniqued().strings == ["b", "a", "c"])
        #expect(flags.uniqued().flags == [true, false])
        // Levels no row uses (after filtering) are not values.
        #expect(text.gathering([2]).uniqued().strings == ["a"])
    }

    @Test func valueCountsByCountThenValue() {
        let (values, counts) = numbers.valueCounts()
        #expect(values.numbers == [3, 1, 2] && counts == [2, 1, 1])
        let (strings, stringCounts) = Column.text(TextColumn(["b", "c", "a", "c", "b", nil])).valueCounts()
        #expect(strings.strings == ["b", "c", "a"] && stringCounts == [2, 2, 1])
        let (booleans, booleanCounts) = Column.boolean(BoolColumn([true, false, nil])).valueCounts()
        #expect(booleans.flags == [false, true] && booleanCounts == [1, 1])
        #expect(flags.valueCounts().counts == [3, 1])
    }
}
