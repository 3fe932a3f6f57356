// ChunkMeasure: one chunk of a drift measure that gives a chunk a single value (reconstruction error, the domain
// classifier's AUC): the chunk, its period, the value, its sampling error where the method has one, the thresholds
// and whether it alerted; and the table a series of them makes.

public struct ChunkMeasure: Sendable {
    public let chunk: Chunk
    public let period: MonitorPeriod
    public let value: Double
    /// nil where the method has no sampling error.
    public let samplingError: Double?
    public let lower: Double?
    public let upper: Double?
    public let alert: Bool

    /// The rows of a measure: the reference chunks, then the analysis chunks, each with its value and
    /// sampling error, the bounds, and an alert where `alerts(value)` says so (the methods differ on
    /// whether a value on a bound, or a missing one, alerts).
    public static func rows(
        reference: [(Chunk, value: Double, samplingError: Double?)],
        analysis: [(Chunk, value: Double, samplingError: Double?)],
        lower: Double?, upper: Double?, alerts: (Double) -> Bool
    ) -> [ChunkMeasure] {
        func rows(_ measured: [(Chunk, value: Double, samplingError: Double?)], _ period: MonitorPeriod) -> [ChunkMeasure] {
            measured.map { chunk, value, samplingError in
                ChunkMeasure(chunk: chunk, period: period, value: value, samplingError: samplingError,
                             lower: lower, upper: upper, alert: alerts(value))
            }
        }
        return rows(reference, .reference) + rows(analysis, .analysis)
    }

    /// chunk, key, start, end, period, value, sampling_error (when the rows have one), lower, upper, alert.
    public static func table(_ rows: [ChunkMeasure]) throws -> DataFrame {
        func numbers(_ value: (ChunkMeasure) -> Double?) -> Column { .numeric(NumericColumn(rows.map { value($0) ?? .nan })) }
        let samplingErrors: [(String, Column)] = rows.contains { $0.samplingError != nil } ? [("sampling_error", numbers(\.samplingError))] : []
        return try DataFrame(ChunkColumns.leading(rows.map { ($0.chunk, $0.period) }) + [("value", numbers(\.value))] + samplingErrors + [
            ("lower", numbers(\.lower)),
            ("upper", numbers(\.upper)),
            ("alert", .boolean(BoolColumn(rows.map(\.alert)))),
        ])
    }
}
