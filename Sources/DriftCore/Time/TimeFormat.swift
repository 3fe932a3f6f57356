// TimeFormat: strftime/strptime-style layouts (`%d/%m/%Y %H:%M`) compiled once, then used to write or read
// any number of values. Covers the directives Python's `datetime` documents, in UTC and the C locale's
// English month and day names; a layout is checked when compiled, so a bad directive is reported once.

public struct TimeFormat: Sendable, Equatable {
    enum Directive: Character, CaseIterable {
        case year = "Y", shortYear = "y", month = "m", day = "d", hour = "H", hour12 = "I", amPM = "p"
        case minute = "M", second = "S", fraction = "f", dayOfYear = "j", monthAbbreviation = "b"
        case monthName = "B", weekdayAbbreviation = "a", weekdayName = "A", offset = "z", zoneName = "Z"
        case isoWeekday = "u", weekdayFromSunday = "w", isoWeek = "V", isoYear = "G"
    }

    enum Token: Sendable {
        case literal(UInt8)
        case field(Directive)
    }

    let tokens: [Token]
    public let layout: String

    public static func == (a: TimeFormat, b: TimeFormat) -> Bool { a.layout == b.layout }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Compiles `layout`; `%F` stands for `%Y-%m-%d`, `%T` for `%H:%M:%S`, `%%` for a percent sign.
    public init(_ layout: String) throws(DataError) {
        self.layout = layout
        var tokens: [Token] = []
        var characters = layout.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                tokens.append(contentsOf: character.utf8.map(Token.literal))
                continue
            }
            guard let directive = characters.next() else { throw DataError("the time format \"\(layout)\" ends with a lone '%'") }
            switch directive {
            case "%": tokens.append(.literal(UInt8(ascii: "%")))
            case "F": tokens += [.field(.year), .literal(UInt8(ascii: "-")), .field(.month), .literal(UInt8(ascii: "-")), .field(.day)]
            case "T": tokens += [.field(.hour), .literal(UInt8(ascii: ":")), .field(.minute), .literal(UInt8(ascii: ":")), .field(.second)]
            default:
                guard let field = Directive(rawValue: directive) else {
                    throw DataError("the time format \"\(layout)\" has an unknown directive '%\(directive)' (known: %Y %y %m %d %H %I %p %M %S %f %j %b %B %a %A %z %Z %u %w %V %G %F %T %%)")
                }
                tokens.append(.field(field))
            }
        }
        self.tokens = tokens
    }

    // MARK: Writing

    /// The instant `micros` laid out in UTC.
    public func text(_ micros: Int64) -> String {
        let day = micros.floorDivided(by: Micros.day)
        let inDay = micros - day * Micros.day
        let date = CivilCalendar.date(ofDay: day)
        var bytes: [UInt8] = []
        func put(_ value: Int64, width: Int) { bytes += ISOTime.padded(value, width).utf8 }
        for token in tokens {
            switch token {
            case .literal(let byte): bytes.append(byte)
            case .field(let field):
                switch field {
                case .year: bytes += ISOTime.yearText(date.year).utf8
                case .shortYear: put(date.year.floorModulo(100), width: 2)
                case .month: put(Int64(date.month), width: 2)
                case .day: put(Int64(date.day), width: 2)
                case .hour: put(inDay / Micros.hour, width: 2)
                case .hour12: put((inDay / Micros.hour + 11) % 12 + 1, width: 2)
                case .amPM: bytes += (inDay < 12 * Micros.hour ? "AM" : "PM").utf8
                case .minute: put(inDay / Micros.minute % 60, width: 2)
                case .second: put(inDay / Micros.second % 60, width: 2)
                case .fraction: put(inDay % Micros.second, width: 6)
                case .dayOfYear: put(Int64(CivilCalendar.dayOfYear(ofDay: day)), width: 3)
                case .monthAbbreviation: bytes += Self.monthNames[date.month - 1].prefix(3).utf8
                case .monthName: bytes += Self.monthNames[date.month - 1].utf8
                case .weekdayAbbreviation: bytes += Self.weekdayNames[CivilCalendar.weekday(ofDay: day)].prefix(3).utf8
                case .weekdayName: bytes += Self.weekdayNames[CivilCalendar.weekday(ofDay: day)].utf8
                case .offset: bytes += "+0000".utf8
                case .zoneName: bytes += "UTC".utf8
                case .isoWeekday: put(Int64(CivilCalendar.weekday(ofDay: day) + 1), width: 1)
                case .weekdayFromSunday: put(Int64((CivilCalendar.weekday(ofDay: day) + 1) % 7), width: 1)
                case .isoWeek: put(Int64(CivilCalendar.isoWeek(ofDay: day).week), width: 2)
                case .isoYear: bytes += ISOTime.yearText(CivilCalendar.isoWeek(ofDay: day).year).utf8
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Reading

    /// The instant the text names, read with this layout; nil if it does not match or names no real day.
    /// Numeric fields take up to their width in digits (`%d` reads `1` and `01`); names match in any case;
    /// `%z` takes `Z`, `±hh`, `±hhmm` or `±hh:mm`; `%I` without `%p` is a morning hour; `%G`, `%V` and `%u` (or
    /// `%w`) read an ISO week date, and `%V` needs `%G`; fields not in the layout default to 1970-01-01 00:00:00.
    /// Blanks around the text are allowed.
    public func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        var reader = FieldReader(bytes: text)
        reader.skipBlanks()
        var year: Int64 = 1970, month = 1, day = 1, dayOfYear: Int? = nil
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, fraction: Int64 = 0, offset: Int64 = 0
        var pm: Bool? = nil, twelveHour = false
        // An ISO week date (%G-W%V-%u): its year, week and weekday (Monday 1).
        var isoYear: Int64? = nil, isoWeek: Int64? = nil, isoWeekday: Int64 = 1
        for token in tokens {
            switch token {
            case .literal(let byte):
                guard reader.take(byte) else { return nil }
            case .field(let field):
                switch field {
                case .year: guard let value = reader.number(maxDigits: 4) else { return nil }; year = value
                case .isoYear: guard let value = reader.number(maxDigits: 4) else { return nil }; isoYear = value
                case .shortYear:
                    guard let value = reader.number(maxDigits: 2) else { return nil }
                    year = value < 69 ? 2000 + value : 1900 + value
                case .month: guard let value = reader.number(maxDigits: 2) else { return nil }; month = Int(value)
                case .day: guard let value = reader.number(maxDigits: 2) else { return nil }; day = Int(value)
                case .hour: guard let value = reader.number(maxDigits: 2) else { return nil }; hour = value
                case .hour12: guard let value = reader.number(maxDigits: 2) else { return nil }; hour = value; twelveHour = true
                case .minute: guard let value = reader.number(maxDigits: 2), value < 60 else { return nil }; minute = value
                case .second: guard let value = reader.number(maxDigits: 2), value < 60 else { return nil }; second = value
                case .fraction: guard let value = reader.fraction() else { return nil }; fraction = value
                case .dayOfYear: guard let value = reader.number(maxDigits: 3) else { return nil }; dayOfYear = Int(value)
                case .amPM:
                    guard let index = reader.name(in: ["AM", "PM"], abbreviated: false) else { return nil }
                    pm = index == 1
                case .monthAbbreviation, .monthName:
                    guard let index = reader.name(in: Self.monthNames, abbreviated: field == .monthAbbreviation) else { return nil }
                    month = index + 1
                case .weekdayAbbreviation, .weekdayName:
                    guard reader.name(in: Self.weekdayNames, abbreviated: field == .weekdayAbbreviation) != nil else { return nil }
                case .offset: guard let value = reader.offset() else { return nil }; offset = value
                case .zoneName: guard reader.name(in: ["UTC", "GMT", "Z"], abbreviated: false) != nil else { return nil }
                case .isoWeekday: guard let value = reader.number(maxDigits: 1), (1...7).contains(value) else { return nil }; isoWeekday = value
                case .weekdayFromSunday:
                    guard let value = reader.number(maxDigits: 1), (0...6).contains(value) else { return nil }
                    isoWeekday = value == 0 ? 7 : value
                case .isoWeek: guard let value = reader.number(maxDigits: 2) else { return nil }; isoWeek = value
                }
            }
        }
        reader.skipBlanks()
        guard reader.atEnd else { return nil }
        // %I without %p is a morning hour, as strptime reads it.
        if twelveHour, pm == nil { pm = false }
        if let pm {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (pm ? 12 : 0)
        }
        guard hour < 24 else { return nil }
        let dayNumber: Int64
        if let isoWeek {
            // Week 1 is the week (from Monday) holding 4 January; a week the year does not have is refused.
            guard let isoYear else { return nil }
            let fourthOfJanuary = CivilCalendar.day(year: isoYear, month: 1, day: 4)
            let firstMonday = fourthOfJanuary - Int64(CivilCalendar.weekday(ofDay: fourthOfJanuary))
            dayNumber = firstMonday + 7 * (isoWeek - 1) + (isoWeekday - 1)
            guard CivilCalendar.isoWeek(ofDay: dayNumber) == (isoYear, Int(isoWeek)) else { return nil }
        } else if isoYear != nil {
            return nil
        } else if let dayOfYear {
            guard dayOfYear >= 1, dayOfYear <= (CivilCalendar.isLeapYear(year) ? 366 : 365) else { return nil }
            dayNumber = CivilCalendar.day(year: year, month: 1, day: 1) + Int64(dayOfYear - 1)
        } else {
            guard CivilCalendar.isValid(year: year, month: month, day: day) else { return nil }
            dayNumber = CivilCalendar.day(year: year, month: month, day: day)
        }
        return dayNumber * Micros.day + hour * Micros.hour + minute * Micros.minute + second * Micros.second + fraction - offset
    }

    public func parse(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Whether the layout reads a time of day (so the column it makes holds instants, not days).
    public var hasTimeOfDay: Bool {
        tokens.contains {
            if case .field(let field) = $0 { return [.hour, .hour12, .minute, .second, .fraction, .offset].contains(field) }
            return false
        }
    }
}

/// A cursor over one cell's bytes for `TimeFormat.parse`.
private struct FieldReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func skipBlanks() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
    }

    /// One to `maxDigits` decimal digits.
    mutating func number(maxDigits: Int) -> Int64? {
        var value: Int64 = 0, count = 0
        while count < maxDigits, position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            value = value * 10 + Int64(bytes[position] - 0x30)
            position += 1
            count += 1
        }
        return count > 0 ? value : nil
    }

    /// One to nine digits after the point, as microseconds (digits past the sixth cut off).
    mutating func fraction() -> Int64? {
        var micros: Int64 = 0, scale: Int64 = 100_000, count = 0
        while count < 9, position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            micros += Int64(bytes[position] - 0x30) * scale
            scale /= 10
            position += 1
            count += 1
        }
        return count > 0 ? micros : nil
    }

    /// The index of the name (or its first three letters) that comes next, in any case.
    mutating func name(in names: [String], abbreviated: Bool) -> Int? {
        for (index, name) in names.enumerated() {
            let word = Array((abbreviated ? String(name.prefix(3)) : name).utf8)
            guard position + word.count <= bytes.count else { continue }
            if (0..<word.count).allSatisfy({ bytes[position + $0] | 0x20 == word[$0] | 0x20 }) {
                position += word.count
                return index
            }
        }
        return nil
    }

    /// `Z`, `±hh`, `±hhmm` or `±hh:mm` as microseconds east of UTC.
    mutating func offset() -> Int64? {
        if take(UInt8(ascii: "Z")) { return 0 }
        let sign: Int64
        if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        let start = position
        guard let hours = number(maxDigits: 2), position - start == 2, hours < 24 else { return nil }
        _ = take(UInt8(ascii: ":"))
        let minuteStart = position
        let minutes = number(maxDigits: 2) ?? 0
        guard position == minuteStart || position - minuteStart == 2, minutes < 60 else { return nil }
        return sign * (hours * Micros.hour + minutes * Micros.minute)
    }
}
