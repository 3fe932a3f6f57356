// TimeTests: the calendar, ISO 8601 and strftime reading and writing, floors, windows and as-of joins against
// Python's datetime and pandas (tools/reference/make_time_fixtures.py writes Fixtures/time/). Every value is
// an exact integer of microseconds, so the comparisons are exact.
import Foundation
import Testing
@testable import DriftCore

@Suite struct TimeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/time")

    nonisolated(unsafe) static let expected: [String: Any] = {  // read-only after it is made
        let data = (try? Data(contentsOf: folder.appendingPathComponent("expected.json"))) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }()

    static func int64(_ value: Any?) -> Int64 { (value as? NSNumber)?.int64Value ?? .min }
    static func int64s(_ value: Any?) -> [Int64] { (value as? [Any] ?? []).map(int64) }

    @Test func partsFloorsAndTextMatchPython() throws {
        let instants = Self.expected["instants"] as? [[String: Any]] ?? []
        let layouts = Self.expected["layouts"] as? [String] ?? []
        #expect(instants.count > 300)
        for instant in instants {
            let micros = Self.int64(instant["micros"])
            for field in TimeField.allCases {
                #expect(field.value(of: micros) == (instant[field.rawValue] as? NSNumber)?.doubleValue, "\(field) of \(micros)")
            }
            let day = micros.floorDivided(by: Micros.day)
            #expect(CivilCalendar.isoWeek(ofDay: day).year == Self.int64(instant["iso_year"]))
            let floors = instant["floor"] as? [String: Any] ?? [:]
            for (unit, value) in floors {
                #expect(CalendarUnit(rawValue: unit)?.floor(micros) == Self.int64(value), "\(unit) floor of \(micros)")
            }
            let texts = instant["text"] as? [String: String] ?? [:]
            for layout in layouts {
                #expect(try TimeFormat(layout).text(micros) == texts[layout], "\(layout) of \(micros)")
            }
        }
    }

    @Test func isoTextReadsAsPandasDoes() throws {
        for case let entry as [String: Any] in Self.expected["iso"] as? [Any] ?? [] {
            let text = entry["text"] as? String ?? ""
            #expect(ISOTime.parse(text)?.micros == Self.int64(entry["micros"]), "\(text)")
        }
        for case let text as String in Self.expected["rejected"] as? [Any] ?? [] {
            #expect(ISOTime.parse(text) == nil, "\(text) should be refused")
        }
    }

    @Test func isoTextRoundTrips() throws {
        for case let entry as [String: Any] in Self.expected["instants"] as? [Any] ?? [] {
            let micros = Self.int64(entry["micros"])
            let text = ISOTime.text(TimeValue(micros: micros, kind: .datetime))
            #expect(ISOTime.parse(text)?.micros == micros, "\(text)")
        }
        #expect(ISOTime.text(TimeValue(micros: 762_527_107_250_000 + 10_957 * Micros.day, kind: .datetime)) == "2024-02-29T13:05:07.250Z")
        #expect(ISOTime.text(TimeValue(micros: -1, kind: .datetime)) == "1969-12-31T23:59:59.999999Z")
        #expect(ISOTime.text(TimeValue(micros: -11_122 * Micros.day + 10_957 * Micros.day, kind: .date)) == "1969-07-20")
    }

    @Test func strptimeLayoutsReadAsPython() throws {
        for case let entry as [String: Any] in Self.expected["strptime"] as? [Any] ?? [] {
            let text = entry["text"] as? String ?? "", layout = entry["layout"] as? String ?? ""
            #expect(try TimeFormat(layout).parse(text) == Self.int64(entry["micros"]), "\(text) in \(layout)")
        }
        #expect(try TimeFormat("%d/%m/%Y").parse("31/02/2024") == nil)
        #expect(throws: DataError.self) { try TimeFormat("%Q") }
    }

    @Test func durationsPrintByUnit() {
        #expect(DurationText.text(Micros.day * 3 / 2) == "1d 12h")
        #expect(DurationText.text(90 * Micros.second + Micros.second / 2) == "1m 30.5s")
        #expect(DurationText.text(-3 * Micros.hour) == "-3h")
        #expect(DurationText.text(0) == "0s")
        #expect(Period("2w") == .fixed(2 * Micros.week))
        #expect(Period("1q") == .months(3))
        #expect(Period("0d") == nil && Period("1 d") == nil && Period("d") == nil)
    }

    @Test(arguments: ["1d", "1w", "1mo", "6h"])
    func windowsMatchPandasResample(_ every: String) throws {
        let data = Self.expected["resample"] as? [String: Any] ?? [:]
        let rule = (data["rules"] as? [String: Any])?[every] as? [String: Any] ?? [:]
        let times = TimeColumn(Self.int64s(data["ts"]), kind: .datetime)
        let values = (data["value"] as? [Double]) ?? []
        let period = try #require(Period(every))
        let starts = times.windowStarts(every: period, origin: period.defaultOrigin)
        let windows = try times.allWindowStarts(every: period, origin: period.defaultOrigin)
        #expect(windows == Self.int64s(rule["window"]))
        let counts = windows.map { window in starts.values.count { $0 == window } }
        #expect(counts == (rule["count"] as? [Int] ?? []))
        let sums = windows.map { window in zip(starts.values, values).filter { $0.0 == window }.map(\.1).reduce(0, +) }
        for (ours, theirs) in zip(sums, rule["sum"] as? [Double] ?? []) { #expect(isClose(ours, theirs, tolerance: 1e-9)) }
    }

    @Test(arguments: [("backward", AsOfDirection.backward, nil), ("forward", .forward, nil), ("nearest", .nearest, nil),
                      ("backward_tolerance", .backward, 600 * 60_000_000.0)])
    func asOfJoinMatchesPandasMergeAsof(_ name: String, _ direction: AsOfDirection, _ tolerance: Double?) throws {
        let data = Self.expected["asof"] as? [String: Any] ?? [:]
        func frame(_ side: String) throws -> DataFrame {
            let columns = data[side] as? [String: Any] ?? [:]
            let ids = Self.int64s(columns["id"]).map(Double.init)
            return try DataFrame([("id", .numeric(NumericColumn(ids))), ("ts", .time(TimeColumn(Self.int64s(columns["ts"]), kind: .datetime)))])
        }
        let right = try frame("right")
        let withRow = try right.withColumn("row", .numeric(NumericColumn((0..<right.rowCount).map(Double.init))))
        let joined = try frame("left").joinedAsOf(withRow, on: "ts", by: ["id"], direction: direction, tolerance: tolerance)
        let rows = (joined.column(named: "row")?.numbers ?? []).map { $0.isNaN ? -1 : Int($0) }
        #expect(rows == ((data["matches"] as? [String: Any])?[name] as? [Int] ?? []))
    }

    @Test func csvInfersDatesAndDatetimes() throws {
        let frame = try readCSV("d,t,s\n2024-03-01,2024-03-01T08:15:00+01:00,2024-03-01\n,2024-03-02,x\n2024-03-03,2024-03-03 10:00:00.5,\n")
        #expect(frame.columns[0] == .time(TimeColumn([19783 * Micros.day, TimeValue.missing, 19785 * Micros.day], kind: .date)))
        guard case .time(let t) = frame.columns[1] else { Issue.record("t is not a time column"); return }
        #expect(t.kind == .datetime)
        #expect(t.values[0] == 19783 * Micros.day + 7 * Micros.hour + 15 * Micros.minute)
        #expect(t.values[1] == 19784 * Micros.day)
        #expect(frame.columns[2].type == .text)
        #expect(DataFrame.note(frame.columns[2]) == "strings: row 1 is \"x\", not an ISO 8601 date or time")
        #expect(DataFrame.note(.text(TextColumn(["a", "b", "2024-01-01"]))) == nil, "a few date-like strings among words get no note")
    }

    @Test func csvReadsNamedColumnsInALayout() throws {
        let text = Array("day,n\n01/03/2024,1\n,2\n".utf8)
        let options = CSVOptions(timeColumns: ["day"], timeFormat: try TimeFormat("%d/%m/%Y"))
        let frame = try text.withUnsafeBytes { try CSVReader.read(bytes: $0, source: "test.csv", options: options) }
        #expect(frame.columns[0] == .time(TimeColumn([19783 * Micros.day, TimeValue.missing], kind: .date)))
        let bad = Array("day\n31/02/2024\n".utf8)
        #expect(throws: CSVError.self) { try bad.withUnsafeBytes { try CSVReader.read(bytes: $0, source: "test.csv", options: options) } }
    }
}
