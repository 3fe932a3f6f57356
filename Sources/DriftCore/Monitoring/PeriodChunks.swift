// PeriodChunks: NannyML 0.13's PeriodBasedChunker on a time column already in time order (missing last). Each
// period with rows is a chunk (pandas' `groupby(ts.dt.to_period(offset))`: empty periods are skipped, rows
// without a timestamp are left out). Weeks run Monday to Sunday (pandas' "W"), months, quarters and years start
// on the 1st, days at midnight UTC. A chunk's start and end are its period's first and last instant (pandas'
// `Period.start_time`/`end_time`, to the microsecond), or its first and last day for a date column cut into whole
// days or months. The key is the period as pandas prints it: "2024-01-08/2024-01-14" for a week, "2024-03" for a
// month, "2024Q2", "2024", "2024-03-05" for a day, "2024-03-05 14:00" for an hour.

enum PeriodChunks {
    /// The date or datetime column `name` of `frame`.
    static func times(_ frame: DataFrame, _ name: String) throws -> TimeColumn {
        guard let column = frame.column(named: name) else {
            throw DataError("no column named '\(name)' to chunk by; columns: \(frame.names.joined(separator: ", "))")
        }
        guard case .time(let times) = column, times.kind != .duration else {
            throw DataError("column '\(name)' holds \(column.typeName) values; chunking by periods needs dates or datetimes (read_csv(..., dates: [\"\(name)\"]) or datetime(df.\(name)) makes them)")
        }
        return times
    }

    /// The chunks of `times` (in time order, missing last), one per period with rows.
    static func chunks(of times: TimeColumn, every period: Period) throws -> [Chunk] {
        let origin = period.defaultOrigin
        let starts = times.windowStarts(every: period, origin: origin)
        var chunks: [Chunk] = []
        var first = 0
        while first < starts.count, starts.values[first] != TimeValue.missing {
            try Cancellation.check()
            let start = starts.values[first]
            var last = first
            while last + 1 < starts.count, starts.values[last + 1] == start { last += 1 }
            chunks.append(chunk(index: chunks.count, rows: first..<(last + 1), start: start, every: period, kind: starts.kind))
            first = last + 1
        }
        return chunks
    }

    /// The chunk of the period starting at `start`, holding `rows` of the sorted frame.
    static func chunk(index: Int, rows: Range<Int>, start: Int64, every period: Period, kind: TimeKind) -> Chunk {
        let end = period.end(after: start)
        let endDate = kind == .date ? TimeValue(micros: end - Micros.day, kind: .date) : TimeValue(micros: end - 1, kind: .datetime)
        return Chunk(index: index, rows: rows, key: key(start, end, period), startDate: TimeValue(micros: start, kind: kind), endDate: endDate)
    }

    /// The period starting at `start` (and ending before `end`) as pandas prints it.
    static func key(_ start: Int64, _ end: Int64, _ period: Period) -> String {
        let day = start.floorDivided(by: Micros.day)
        let month = CivilCalendar.date(ofDay: day)
        let yearMonth = ISOTime.dateText(day: day).dropLast(3)
        switch period {
        case .months(1): return String(yearMonth)
        case .months(3) where (month.month - 1) % 3 == 0: return "\(yearMonth.dropLast(3))Q\((month.month - 1) / 3 + 1)"
        case .months(12) where month.month == 1: return String(yearMonth.dropLast(3))
        case .months: return "\(yearMonth)/\(ISOTime.dateText(day: (end - 1).floorDivided(by: Micros.day)).dropLast(3))"
        case .fixed(Micros.day) where start % Micros.day == 0: return ISOTime.dateText(day: day)
        case .fixed(let length) where length % Micros.day == 0 && start % Micros.day == 0:
            return ISOTime.dateText(day: day) + "/" + ISOTime.dateText(day: (end - 1).floorDivided(by: Micros.day))
        case .fixed(let length):
            let text = ISOTime.text(TimeValue(micros: start, kind: .datetime)).map { $0 == "T" ? " " : $0 }
            return String(text.prefix(length % Micros.minute == 0 ? 16 : 19))
        }
    }

    /// "weeks", "months", "periods of 2h".
    static func name(of period: Period) -> String {
        switch period {
        case .months(1): "months"
        case .months(3): "quarters"
        case .months(12): "years"
        case .months(let n): "periods of \(n) months"
        case .fixed(Micros.day): "days"
        case .fixed(Micros.week): "weeks"
        case .fixed(Micros.hour): "hours"
        case .fixed(let length): "periods of \(DurationText.text(length))"
        }
    }
}
