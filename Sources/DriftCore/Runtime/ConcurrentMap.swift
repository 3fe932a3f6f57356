// concurrentMap: `(0..<count).map(body)` with the calls spread over every core, results in index order.
import Foundation

/// Calls `body` for every index in 0..<count on every core (DispatchQueue.concurrentPerform) and returns the
/// results in index order, so a caller that combines them in order gets the same answer however the calls
/// were scheduled. `body` must be safe to run concurrently with itself.
public func concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.set(index, body(index))
    }
    return slots.values.map { $0! }
}

/// One result slot per index, each written once by its own worker under a lock.
final class Slots<T: Sendable>: @unchecked Sendable {
    private(set) var values: [T?]
    private let lock = NSLock()

    init(count: Int) { values = [T?](repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

/// Calls `body` on consecutive ranges that cover 0..<count, one per core when each gets at least `minimum`
/// indices (else one range on the calling thread): for filling disjoint parts of one buffer.
public func concurrentRanges(_ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> Void) {
    let pieces = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, count / Swift.max(minimum, 1)))
    guard pieces > 1 else { return body(0..<count) }
    DispatchQueue.concurrentPerform(iterations: pieces) { piece in
        body(count * piece / pieces ..< count * (piece + 1) / pieces)
    }
}
