// ISODateTextTests: PostgreSQL's binary dates and timestamps as ISO-8601 text (expected values from Python's
// datetime: days and microseconds since 2000-01-01).
@testable import DriftSources
import Testing

@Suite struct ISODateTextTests {
    @Test func dates() {
        #expect(ISODateText.date(daysSince2000: 0) == "2000-01-01")
        #expect(ISODateText.date(daysSince2000: 8826) == "2024-03-01")
        #expect(ISODateText.date(daysSince2000: -11122) == "1969-07-20")
        #expect(ISODateText.date(daysSince2000: .max) == "infinity")
    }

    @Test func timestamps() {
        #expect(ISODateText.timestamp(microsecondsSince2000: -1, utc: false) == "1999-12-31T23:59:59.999999")
        #expect(ISODateText.timestamp(microsecondsSince2000: 762_527_107_250_000, utc: true) == "2024-02-29T13:05:07.250000Z")
        #expect(ISODateText.timestamp(microsecondsSince2000: 0, utc: false) == "2000-01-01T00:00:00")
        #expect(ISODateText.timestamp(microsecondsSince2000: .min, utc: true) == "-infinity")
    }
}
