// TimelineGrid: the steps of a serving simulation's timeline, laid end to end from the epoch (so hourly
// steps start on the hour and daily ones at midnight UTC) and covering serving from its start to its end.

public struct TimelineGrid: Sendable, Equatable {
    public let step: Int64
    /// The start of the first step, at or before serving starts.
    public let first: Int64
    public let count: Int

    /// The most steps a timeline may have (each keeps a latency histogram per strategy).
    public static let most = 20_000

    init(from start: Int64, to end: Int64, step: Int64) {
        self.step = step
        first = start - start.floorModulo(step)
        count = max(1, Int((end - first + step - 1) / step))
    }

    /// The step holding `instant` (the first or last for instants outside the grid).
    func index(of instant: Int64) -> Int { min(max(0, Int((instant - first) / step)), count - 1) }

    func start(ofStep index: Int) -> Int64 { first + Int64(index) * step }
}
