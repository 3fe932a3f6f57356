// WireCodecTests: Jupyter's wire format — signatures by HMAC-SHA256 (RFC 4231's vector), round trips,
// and every kind of hostile message refused with a reason rather than a crash.
import Foundation
import Testing
@testable import DriftKernel

@Suite struct WireCodecTests {
    let codec = WireCodec(key: "secret-key")

    /// A request's frames signed with `key`: identities, delimiter, signature, four JSON parts.
    func frames(key: String = "secret-key", header: Data? = nil, content: Data = Data("{\"code\": \"1\"}".utf8)) -> [Data] {
        let header = header ?? json(["msg_id": "m1", "msg_type": "execute_request", "session": "s", "username": "u", "date": "", "version": "5.3"])
        let signed = [header, Data("{}".utf8), Data("{}".utf8), content]
        return [Data("peer".utf8), WireCodec.delimiter, Data(MessageSigner(key: key).signature(of: signed).utf8)] + signed
    }

    /// Why `codec` refuses the frames, or nil when it accepts them.
    func failure(_ frames: [Data]) -> WireError? {
        do {
            _ = try codec.decode(frames)
            return nil
        } catch {
            return error
        }
    }

    @Test func signatureIsHMACSHA256OfTheFramesInOrder() {
        // RFC 4231, test case 2.
        let signer = MessageSigner(key: "Jefe")
        #expect(signer.signature(of: [Data("what do ya want ".utf8), Data("for nothing?".utf8)])
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(MessageSigner(key: "").signature(of: [Data("x".utf8)]) == "")
    }

    @Test func decodesASignedMessage() throws {
        let message = try codec.decode(frames())
        #expect(message.identities == [Data("peer".utf8)])
        #expect(message.header.messageType == "execute_request")
        #expect(message.header.messageID == "m1")
        #expect(try message.content(as: CodeRequest.self).code == "1")
    }

    @Test func encodedMessagesDecodeBackWithTheRequestAsParent() throws {
        let incoming = try codec.decode(frames())
        let reply = codec.message("execute_reply", content: StatusReply(), parent: incoming, to: incoming.identities)
        let sent = codec.encode(reply)
        #expect(sent[0] == Data("peer".utf8) && sent[1] == WireCodec.delimiter)
        #expect(sent[4] == incoming.rawHeader)
        let decoded = try codec.decode(sent)
        #expect(decoded.header.messageType == "execute_reply")
        #expect(decoded.header.version == "5.3")
        #expect(decoded.header.session == codec.session)
    }

    @Test func refusesWrongMissingAndTamperedSignatures() {
        #expect(failure(frames(key: "wrong-key")) == .badSignature)
        var unsigned = frames()
        unsigned[2] = Data()
        #expect(failure(unsigned) == .badSignature)
        var tampered = frames()
        tampered[6] = Data("{\"code\": \"exit(1)\"}".utf8)
        #expect(failure(tampered) == .badSignature)
        var notHex = frames()
        notHex[2] = Data(String(repeating: "zz", count: 32).utf8)
        #expect(failure(notHex) == .badSignature)
    }

    @Test func acceptsUppercaseHexAndAnyMessageWithoutAKey() throws {
        var upper = frames()
        upper[2] = Data(String(decoding: upper[2], as: UTF8.self).uppercased().utf8)
        _ = try codec.decode(upper)
        var unsigned = frames(key: "")
        unsigned[2] = Data()
        _ = try WireCodec(key: "").decode(unsigned)
    }

    @Test func refusesMalformedMessages() {
        #expect(failure([Data("peer".utf8), Data("{}".utf8)]) == .missingDelimiter)
        #expect(failure(Array(frames().prefix(5))) == .missingFrames)
        #expect(failure(frames(content: Data("{\"code\": ".utf8))) == .malformedJSON("content"))
        #expect(failure(frames(content: Data("[1, 2]".utf8))) == .malformedJSON("content"))
        #expect(failure(frames(header: Data("{\"msg_id\": 7}".utf8))) == .malformedJSON("header"))
        #expect(failure(frames(header: Data([0xFF, 0xFE]))) == .malformedJSON("header"))
        let deep = Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect(failure(frames(content: deep)) == .malformedJSON("content"))
    }

    @Test func refusesOversizeMessagesAndTooManyFrames() {
        let big = frames(content: Data("{".utf8) + Data(repeating: UInt8(ascii: " "), count: WireCodec.maximumMessageBytes) + Data("}".utf8))
        #expect(failure(big) == .tooLarge(bytes: big.reduce(0) { $0 + $1.count }))
        let many = Array(repeating: Data("id".utf8), count: WireCodec.maximumFrames) + frames()
        #expect(failure(many) == .tooLarge(bytes: many.reduce(0) { $0 + $1.count }))
    }
}
