// ChunkColumns: the columns every monitoring table starts with — chunk, key, start, end, period. start and end are
// row positions (end inclusive) for row chunks, and the period's first and last day or instant for period chunks.

enum ChunkColumns {
    static func leading(_ rows: [(chunk: Chunk, period: MonitorPeriod)]) -> [(String, Column)] {
        func bound(_ index: (Chunk) -> Int, _ date: (Chunk) -> TimeValue?) -> Column {
            if let kind = rows.first.flatMap({ date($0.chunk) })?.kind {
                return .time(TimeColumn(rows.map { date($0.chunk)?.micros ?? TimeValue.missing }, kind: kind))
            }
            return .numeric(NumericColumn(rows.map { Double(index($0.chunk)) }))
        }
        return [
            ("chunk", .numeric(NumericColumn(rows.map { Double($0.chunk.index) }))),
            ("key", .text(TextColumn(rows.map(\.chunk.key)))),
            ("start", bound(\.startIndex, \.startDate)),
            ("end", bound(\.endIndex, \.endDate)),
            ("period", .text(TextColumn(rows.map(\.period.rawValue)))),
        ]
    }
}
