// MessageSigner: the HMAC-SHA256 signature of a Jupyter message (swift-crypto's HMAC), over its header,
// parent header, metadata and content frames, as lowercase hex. An empty key means messages are not
// signed (Jupyter's convention): the signature is empty and every signature is accepted.
import Crypto
import Foundation

struct MessageSigner: Sendable {
    private let key: SymmetricKey?

    init(key: String) {
        self.key = key.isEmpty ? nil : SymmetricKey(data: Data(key.utf8))
    }

    /// The hex signature of the four signed frames, in order.
    func signature(of frames: [Data]) -> String {
        guard let code = authenticationCode(of: frames) else { return "" }
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` (the hex frame as received) signs `frames`; compared in constant time.
    func isValid(_ signature: Data, for frames: [Data]) -> Bool {
        guard let code = authenticationCode(of: frames) else { return true }
        guard let bytes = Self.bytes(fromHex: signature) else { return false }
        return code == bytes
    }

    private func authenticationCode(of frames: [Data]) -> HashedAuthenticationCode<SHA256>? {
        guard let key else { return nil }
        var hmac = HMAC<SHA256>(key: key)
        for frame in frames { hmac.update(data: frame) }
        return hmac.finalize()
    }

    /// The bytes of a hex string (either case), or nil when it is not an even run of hex digits.
    static func bytes(fromHex hex: Data) -> [UInt8]? {
        guard hex.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.count / 2)
        var high: UInt8?
        for character in hex {
            guard let nibble = nibble(character) else { return nil }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
