// GrowthCheck: a buffer that grows by doubling until its input ends (a stream read to its end, JSON text
// being written) is checked against the memory limit before each doubling, whose copy is the allocation
// that would pass the limit before the watchdog could see it.

public struct GrowthCheck: Sendable {
    private var nextCheck = Int(MemoryLimit.smallAllocation)

    public init() {}

    /// Call as the buffer grows, with its size in bytes now; throws when doubling it would not fit.
    /// `what` names the buffer for the message, read only when it is refused.
    @inline(__always)
    public mutating func grew(to size: Int, for what: @autoclosure () -> String) throws(MemoryLimitError) {
        guard size >= nextCheck else { return }
        try MemoryLimit.reserve(Double(size) * 2, for: what())
        nextCheck = size * 2
    }
}
