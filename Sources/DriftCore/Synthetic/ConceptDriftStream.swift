// ConceptDriftStream: a gradual switch from one stream to another with River's sigmoid
// (`river.datasets.synth.ConceptDriftStream`; Bifet et al., MOA): output row i is the next unused row of
// `after` with probability 1 / (1 + e^(−4 (i − position) / width)), otherwise the next unused row of
// `before`; the stream ends when the frame it must draw from has run out.
import Foundation

extension Synthetic {
    public static func conceptDriftStream(before: DataFrame, after: DataFrame, position: Int, width: Int,
                                          seed: UInt64) throws -> DataFrame {
        guard width >= 1 else { throw DataError("concept drift stream: width must be at least 1, got \(width)") }
        guard Set(before.names) == Set(after.names) && before.names.count == after.names.count else {
            throw DataError("concept drift stream: both frames need the same columns (\(before.names.joined(separator: ", ")) vs \(after.names.joined(separator: ", ")))")
        }
        var generator = SeededGenerator(seed: seed)
        var picks: [Int] = []  // row of before, or before.rowCount + row of after
        var nextBefore = 0, nextAfter = 0
        var i = 0
        while true {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let probability = 1 / (1 + exp(-4 * (Double(i) - Double(position)) / Double(width)))
            if Double.random(in: 0..<1, using: &generator) < probability {
                guard nextAfter < after.rowCount else { break }
                picks.append(before.rowCount + nextAfter)
                nextAfter += 1
            } else {
                guard nextBefore < before.rowCount else { break }
                picks.append(nextBefore)
                nextBefore += 1
            }
            i += 1
        }
        var columns: [(name: String, column: Column)] = []
        for (name, column) in zip(before.names, before.columns) {
            let other = try after.requiredColumn(name)
            let joined = try Column.concatenating(column, other)
            columns.append((name, joined.gathering(picks)))
        }
        return try DataFrame(columns)
    }
}
