// RecordingOutlet: a MessageOutlet that keeps what the kernel sends, so handlers are tested without
// sockets; and helpers that make requests and read replies as JSON.
import Foundation
import Synchronization
@testable import DriftKernel

final class RecordingOutlet: MessageOutlet {
    struct Sent {
        var channel: Channel
        var message: OutgoingMessage
        var type: String { message.header.messageType }
        /// The content as a JSON object (empty when it is not one).
        var content: [String: Any] {
            (try? JSONSerialization.jsonObject(with: message.content)) as? [String: Any] ?? [:]
        }
    }

    private let sent = Mutex<[Sent]>([])

    var messages: [Sent] { sent.withLock { $0 } }

    func send(_ message: OutgoingMessage, on channel: Channel) {
        sent.withLock { $0.append(Sent(channel: channel, message: message)) }
    }

    /// The replies (shell or control), in order.
    var replies: [Sent] { messages.filter { $0.channel != .iopub } }
    /// The IOPub broadcasts other than status, in order.
    var outputs: [Sent] { messages.filter { $0.channel == .iopub && $0.type != "status" } }
}

/// A request of `type` with `content`, as the codec would decode it.
func request(_ type: String, _ content: [String: Any] = [:], id: String = UUID().uuidString) -> IncomingMessage {
    let header: [String: Any] = ["msg_id": id, "msg_type": type, "session": "test", "username": "test", "date": "", "version": "5.3"]
    return IncomingMessage(
        identities: [Data("client".utf8)],
        header: MessageHeader(messageType: type, session: "test"),
        rawHeader: json(header),
        content: json(content))
}

func json(_ object: [String: Any]) -> Data {
    (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
}
