// VectorOperationTests: the column operations behind the vector builtins on the cases the reference fixture
// does not hold: infinities in rolling windows, text and boolean columns, membership, filling and dropping
// missing values, shifts, repeats, and a million values in milliseconds rather than seconds.
import Foundation
import Testing
@testable import DriftCore

@Suite struct VectorOperationTests {
    @Test func rollingWindowsCountInfinitiesAsValues() throws {
        let x: [Double] = [1, .infinity, 2, 3, -.infinity, .infinity, 4, 5]
        // Each window as if computed on its own: an infinity leaves no NaN behind once it is gone.
        #expect(try Statistics.rolling(x, window: 2, .sum).dropFirst().map { $0.isNaN ? "nan" : "\($0)" }
                == ["inf", "inf", "5.0", "-inf", "nan", "inf", "9.0"])
        #expect(Array(try Statistics.rolling(x, window: 2, .max)[1...]) == [.infinity, .infinity, 3, 3, .infinity, .infinity, 5])
        let sd = try Statistics.rolling(x, window: 2, .sd)
        #expect(sd[1].isNaN && sd[2].isNaN && sd[3] == 0.5.squareRoot() && sd[7] == 0.5.squareRoot())
    }

    @Test func rollingLongWindowsStayAccurate() throws {
        // Values around 1e9 with a spread of 0.3, updated over 100,000 rows: the sd of every window agrees with
        // the window's two-pass sd to within 4 ulps of the values (each value is itself known only to half an
        // ulp, 6e-8, so no sd of them is more exact than that), and the mean to 1e-15 relative.
        var generator = SeededGenerator(seed: 7)
        let x = (0..<100_000).map { _ in 1e9 + Double(generator.next(upperBound: UInt64(1_000_000))) / 1e6 }
        let window = 1000
        let sd = try Statistics.rolling(x, window: window, .sd)
        let mean = try Statistics.rolling(x, window: window, .mean)
        for end in stride(from: window - 1, to: x.count, by: 997) {
            let slice = Array(x[(end - window + 1)...end])
            #expect(abs(sd[end] - Statistics.standardDeviation(slice)) <= 4 * slice[0].ulp)
            #expect(abs(mean[end] - Statistics.mean(slice)) <= 1e-15 * mean[end])
        }
    }

    @Test func sortingTextAndBooleans() throws {
        let text = Column.text(TextColumn(["b", nil, "a", "B", "a"]))
        #expect(try text.sorted().strings == ["B", "a", "a", "b", nil])
        #expect(try text.sorted(descending: true).strings == ["b", "a", "a", "B", nil])
        #expect(try text.ordering() == [3, 2, 4, 0, 1])
        #expect(try text.ranks().map { $0.isNaN ? -1 : $0 } == [4, -1, 2.5, 1, 2.5])
        let flags = Column.boolean(BoolColumn([true, nil, false, true]))
        #expect(try flags.sorted(descending: true).flags == [true, true, false, nil])
        #expect(try flags.ordering(descending: true) == [0, 3, 2, 1])
        #expect(try Column.numeric(NumericColumn([])).ranks().isEmpty)
    }

    @Test func membershipFollowsPandas() {
        let numbers = Column.numeric(NumericColumn([1, .nan, -0.0, 3]))
        #expect(numbers.isIn(.numeric(NumericColumn([0, 3]))).flags == [false, false, true, true])
        #expect(numbers.isIn(.numeric(NumericColumn([.nan]))).flags == [false, true, false, false])
        #expect(numbers.isIn(.text(TextColumn(["1", nil]))).flags == [false, true, false, false])
        let text = Column.text(TextColumn(["x", nil, "y"]))
        #expect(text.isIn(.text(TextColumn(["y", "z"]))).flags == [false, false, true])
        #expect(Column.boolean(BoolColumn([true, false, nil])).isIn(.boolean(BoolColumn([false]))).flags == [false, true, false])
    }

    @Test func fillingAndDroppingMissingValues() throws {
        let text = Column.text(TextColumn([nil, "a", nil, "b", nil]))
        #expect(try text.fillingMissing(.forward).strings == [nil, "a", "a", "b", "b"])
        #expect(try text.fillingMissing(.backward).strings == ["a", "a", "b", "b", nil])
        #expect(try text.fillingMissing(from: .text(TextColumn(["z"]))).strings == ["z", "a", "z", "b", "z"])
        #expect(throws: DataError.self) { try text.fillingMissing(.median) }
        #expect(throws: DataError.self) { try text.fillingMissing(from: .numeric(NumericColumn([1]))) }
        let frame = try DataFrame([("x", .numeric(NumericColumn([1, .nan, 3]))), ("s", text.slice(0..<3))])
        #expect(try frame.droppingMissing().rowCount == 0)
        #expect(try frame.droppingMissing(in: ["x"]).column(named: "s")?.strings == [nil, nil])
        #expect(try frame.fillingMissing(.mean).column(named: "x")?.numbers == [1, 2, 3])
        #expect(Column.missing(.text, count: 2).strings == [nil, nil])
    }

    @Test func shiftsAndRepeats() {
        let column = Column.boolean(BoolColumn([true, false, nil]))
        #expect(column.shifted(by: 1).flags == [nil, true, false])
        #expect(column.shifted(by: -2).flags == [nil, nil, nil])
        #expect(column.shifted(by: Int(Int32.max)).flags == [nil, nil, nil])
        #expect(column.repeated(2).flags == [true, false, nil, true, false, nil])
        #expect(column.repeated(0).count == 0)
        #expect(Statistics.differences([1, 2, 4], lag: -5).allSatisfy { $0.isNaN })
    }

    @Test func sequencesRefuseWhatRWouldRefuse() throws {
        #expect(throws: DataError.self) { try Statistics.sequence(from: 1, to: 2, by: -1) }
        #expect(throws: DataError.self) { try Statistics.sequence(from: 1, to: 2, by: 0) }
        #expect(throws: DataError.self) { try Statistics.sequence(from: 1, to: .infinity, by: 1) }
        #expect(throws: MemoryLimitError.self) { try Statistics.sequence(from: 0, to: 1e300, by: 1) }
        #expect(try Statistics.sequence(from: 2, to: 2, by: 0) == [2])
    }

    @Test func aMillionValuesTakeMilliseconds() throws {
        var generator = SeededGenerator(seed: 1)
        let x = (0..<1_000_000).map { i in i % 10 == 0 ? Double.nan : Double(generator.next(upperBound: UInt64(1000))) }
        let column = Column.numeric(NumericColumn(x))
        let start = Date()
        _ = try column.sorted()
        _ = try column.ordering()
        _ = try column.ranks()
        for statistic in RollingStatistic.allCases { _ = try Statistics.rolling(x, window: 100, statistic) }
        _ = try Statistics.cumulativeSum(x)
        _ = column.isIn(.numeric(NumericColumn([1, 2, 3])))
        _ = try column.fillingMissing(.forward)
        // Generous for a debug build on a shared machine; a release build takes well under a second.
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
