// StreamBuffer: a cell's printed text on its way to IOPub `stream` messages. Text goes out at most
// `delay` after it was printed, prints in between joined into one message, so a loop that prints
// thousands of lines neither floods the front end nor waits for the cell to end.
import Foundation

final class StreamBuffer: @unchecked Sendable {
    static let delay: DispatchTimeInterval = .milliseconds(50)

    private let lock = NSLock()
    private var pending = ""
    private var flushScheduled = false
    private let publish: @Sendable (String) -> Void

    /// `publish` sends one stream message; it is called with the buffer's lock held, so messages keep
    /// the order of the text.
    init(publish: @escaping @Sendable (String) -> Void) {
        self.publish = publish
    }

    func write(_ text: String) {
        lock.withLock {
            pending += text
            guard !flushScheduled else { return }
            flushScheduled = true
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.delay) { [self] in flush() }
        }
    }

    /// Sends what is pending now (before another output, and when the cell ends).
    func flush() {
        lock.withLock {
            flushScheduled = false
            guard !pending.isEmpty else { return }
            publish(pending)
            pending = ""
        }
    }
}
