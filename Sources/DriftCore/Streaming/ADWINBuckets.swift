// ADWINBuckets: the exponential histogram behind an ADWIN window, as rings of bucket summaries in raw memory.
// ADWIN touches several summaries for every value it sees; through Swift arrays each touch paid a bounds
// and a uniqueness check, which was most of its time. Here ADWIN checks uniqueness once per value
// (copying a shared ring first), so copies of a detector stay independent, as value semantics require.

/// Level `l` is a ring of `capacity` summaries (total and sum of squared deviations of 2^l values): the
/// k-th oldest lives at index `slot(level: l, offset: k)` of `totals` and `variances`, and `counts[l]`
/// are in use. Dropping the oldest summaries moves the ring's start instead of shifting the rest. Index
/// arithmetic wraps rather than checking for overflow: indices stay below capacity × levels.
final class ADWINBuckets: @unchecked Sendable {
    /// Levels allocated at first; a window of 2^(levels + 2) values needs more, and doubles them.
    static let initialLevels = 16

    let capacity: Int
    let levelCapacity: Int
    let totals: UnsafeMutablePointer<Double>
    /// Sum of squared deviations inside each summary (0 for a single value, so level 0 never reads it).
    let variances: UnsafeMutablePointer<Double>
    let counts: UnsafeMutablePointer<Int>
    let starts: UnsafeMutablePointer<Int>

    /// Empty rings of `capacity` summaries for `levels` levels.
    init(capacity: Int, levels: Int) {
        self.capacity = capacity
        levelCapacity = levels
        totals = .allocate(capacity: capacity * levels)
        totals.initialize(repeating: 0, count: capacity * levels)
        variances = .allocate(capacity: capacity * levels)
        variances.initialize(repeating: 0, count: capacity * levels)
        counts = .allocate(capacity: levels)
        starts = .allocate(capacity: levels)
        counts.initialize(repeating: 0, count: levels)
        starts.initialize(repeating: 0, count: levels)
    }

    deinit {
        totals.deallocate()
        variances.deallocate()
        counts.deallocate()
        starts.deallocate()
    }

    /// A copy with room for `levels` levels (at least as many as this one has).
    func copy(levels: Int) -> ADWINBuckets {
        let copy = ADWINBuckets(capacity: capacity, levels: levels)
        copy.totals.update(from: totals, count: capacity * levelCapacity)
        copy.variances.update(from: variances, count: capacity * levelCapacity)
        copy.counts.update(from: counts, count: levelCapacity)
        copy.starts.update(from: starts, count: levelCapacity)
        return copy
    }

    /// Forgets every summary.
    func empty() {
        counts.update(repeating: 0, count: levelCapacity)
        starts.update(repeating: 0, count: levelCapacity)
    }

    /// Where the summary `offset` places after the oldest of `level` lives.
    @inline(__always)
    func slot(level: Int, offset: Int) -> Int {
        level &* capacity &+ wrapped(starts[level] &+ offset)
    }

    /// Adds a summary after the newest of `level`; returns how many the level then holds.
    @inline(__always)
    func append(total: Double, variance: Double, atLevel level: Int) -> Int {
        let count = counts[level]
        let index = slot(level: level, offset: count)
        totals[index] = total
        variances[index] = variance
        counts[level] = count &+ 1
        return count &+ 1
    }

    @inline(__always)
    func removeOldest(_ n: Int, atLevel level: Int) {
        counts[level] &-= n
        starts[level] = wrapped(starts[level] &+ n)
    }

    /// `index % capacity` for 0 ≤ index < 2·capacity, without a division.
    @inline(__always)
    private func wrapped(_ index: Int) -> Int {
        index >= capacity ? index &- capacity : index
    }
}
