// WireMessage: a Jupyter message as the kernel handles it — the header it decodes, and the parent
// header, metadata and content kept as the JSON they arrived or leave as. A reply's parent header is
// its request's header exactly as received.
import Foundation

/// Who sent a message, when, and what it is (`msg_type`).
struct MessageHeader: Codable, Equatable, Sendable {
    var messageID: String
    var session: String
    var username: String
    var date: String
    var messageType: String
    var version: String

    enum CodingKeys: String, CodingKey {
        case messageID = "msg_id", messageType = "msg_type", session, username, date, version
    }

    /// The protocol version the kernel speaks.
    static let protocolVersion = "5.3"

    init(messageType: String, session: String) {
        messageID = UUID().uuidString.lowercased()
        self.session = session
        username = "drift"
        date = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        self.messageType = messageType
        version = Self.protocolVersion
    }

    /// Only `msg_id` and `msg_type` are required of a client; the rest default to empty.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messageID = try container.decode(String.self, forKey: .messageID)
        messageType = try container.decode(String.self, forKey: .messageType)
        session = try container.decodeIfPresent(String.self, forKey: .session) ?? ""
        username = try container.decodeIfPresent(String.self, forKey: .username) ?? ""
        date = try container.decodeIfPresent(String.self, forKey: .date) ?? ""
        version = try container.decodeIfPresent(String.self, forKey: .version) ?? ""
    }
}

/// A message received on the shell or control socket.
struct IncomingMessage: Sendable {
    /// The ROUTER socket's routing frames: where the reply goes.
    var identities: [Data]
    var header: MessageHeader
    /// The header as received, which replies and broadcasts carry as their parent header.
    var rawHeader: Data
    var content: Data

    /// The content as `T`; a message whose content does not fit is dropped by the caller.
    func content<T: Decodable>(as type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: content)
    }
}

/// A message to send: a reply (to `identities`) or an IOPub broadcast (`identities` is the topic).
struct OutgoingMessage: Sendable {
    var identities: [Data]
    var header: MessageHeader
    var parentHeader: Data
    var metadata: Data
    var content: Data

    static let emptyObject = Data("{}".utf8)
}
