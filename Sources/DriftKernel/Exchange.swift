// Exchange: one request being answered. Its reply goes back to the sender on the channel it came in on;
// what it produces meanwhile (status, outputs, errors) is broadcast on IOPub; both name the request as
// their parent. `MessageOutlet` is where messages leave: the kernel's sockets, or a test's recorder.
import Foundation

/// The kernel's sockets that carry messages out.
enum Channel: Sendable {
    case shell, control, iopub
}

protocol MessageOutlet: AnyObject, Sendable {
    func send(_ message: OutgoingMessage, on channel: Channel)
}

struct Exchange: Sendable {
    let request: IncomingMessage
    let channel: Channel
    let codec: WireCodec
    let outlet: any MessageOutlet

    var type: String { request.header.messageType }

    func reply<Content: Encodable>(_ type: String, _ content: Content) {
        outlet.send(codec.message(type, content: content, parent: request, to: request.identities), on: channel)
    }

    /// Broadcasts on IOPub under the topic `kernel.<session>.<type>`, as ipykernel does.
    func publish<Content: Encodable>(_ type: String, _ content: Content) {
        let topic = Data("kernel.\(codec.session).\(type)".utf8)
        outlet.send(codec.message(type, content: content, parent: request, to: [topic]), on: .iopub)
    }

    /// Publishes `busy`, runs `work`, then publishes `idle`: the frame around every request.
    func whileBusy(_ work: () -> Void) {
        publish("status", KernelStatus(executionState: "busy"))
        work()
        publish("status", KernelStatus(executionState: "idle"))
    }
}
