// WireCodec: Jupyter's wire format over ZeroMQ — routing identities, the `<IDS|MSG>` delimiter, the
// HMAC signature, then header, parent header, metadata and content as JSON, then any binary buffers.
// Decoding checks the signature before anything is parsed, and refuses anything malformed: a message
// with a wrong or missing signature, JSON that is not an object, too many frames or too many bytes is
// an error the kernel logs and drops, never a crash.
import Foundation

enum WireError: Error, Equatable, CustomStringConvertible {
    case missingDelimiter
    case missingFrames
    case badSignature
    case malformedJSON(String)
    case tooLarge(bytes: Int)

    var description: String {
        switch self {
        case .missingDelimiter: return "no <IDS|MSG> delimiter"
        case .missingFrames: return "fewer than the five frames after the delimiter"
        case .badSignature: return "missing or wrong signature"
        case .malformedJSON(let part): return "the \(part) is not a JSON object"
        case .tooLarge(let bytes): return "\(bytes) bytes, more than the \(WireCodec.maximumMessageBytes) a message may have"
        }
    }
}

struct WireCodec: Sendable {
    static let delimiter = Data("<IDS|MSG>".utf8)
    /// The most bytes one incoming message may hold (each socket also refuses larger frames).
    static let maximumMessageBytes = 16 << 20
    /// The most frames one incoming message may hold: routing identities, seven parts, a few buffers.
    static let maximumFrames = 64

    let signer: MessageSigner
    /// The kernel's session id, in the header of every message it sends.
    let session: String

    init(key: String, session: String = UUID().uuidString.lowercased()) {
        signer = MessageSigner(key: key)
        self.session = session
    }

    func decode(_ frames: [Data]) throws(WireError) -> IncomingMessage {
        let size = frames.reduce(0) { $0 + $1.count }
        guard size <= Self.maximumMessageBytes, frames.count <= Self.maximumFrames else { throw .tooLarge(bytes: size) }
        guard let delimiterIndex = frames.firstIndex(of: Self.delimiter) else { throw .missingDelimiter }
        let parts = Array(frames[(delimiterIndex + 1)...])
        guard parts.count >= 5 else { throw .missingFrames }
        let signed = Array(parts[1...4])
        guard signer.isValid(parts[0], for: signed) else { throw .badSignature }
        for (part, name) in zip(signed, ["header", "parent header", "metadata", "content"]) {
            guard (try? JSONSerialization.jsonObject(with: part)) is [String: Any] else { throw .malformedJSON(name) }
        }
        guard let header = try? JSONDecoder().decode(MessageHeader.self, from: signed[0]) else {
            throw .malformedJSON("header")
        }
        return IncomingMessage(identities: Array(frames[..<delimiterIndex]), header: header, rawHeader: signed[0], content: signed[3])
    }

    func encode(_ message: OutgoingMessage) -> [Data] {
        let header = (try? JSONEncoder().encode(message.header)) ?? OutgoingMessage.emptyObject
        let signed = [header, message.parentHeader, message.metadata, message.content]
        return message.identities + [Self.delimiter, Data(signer.signature(of: signed).utf8)] + signed
    }

    /// A message from the kernel: `type` with `content`, in answer to `parent` (nil for none).
    func message<Content: Encodable>(_ type: String, content: Content, parent: IncomingMessage?, to identities: [Data]) -> OutgoingMessage {
        OutgoingMessage(
            identities: identities,
            header: MessageHeader(messageType: type, session: session),
            parentHeader: parent?.rawHeader ?? OutgoingMessage.emptyObject,
            metadata: OutgoingMessage.emptyObject,
            content: (try? JSONEncoder().encode(content)) ?? OutgoingMessage.emptyObject)
    }
}
