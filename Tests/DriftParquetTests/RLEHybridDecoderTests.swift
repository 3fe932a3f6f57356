// Unit tests of the RLE/bit-packed hybrid's all-present shortcut: definition levels written as one run of 1s that
// covers the page are not decoded (nil), and every other shape of the same or different levels still is.
@testable import DriftParquet
import Testing

@Suite struct RLEHybridDecoderTests {
    private func levels(_ bytes: [UInt8], count: Int) throws -> [UInt32]? {
        try bytes.withUnsafeBytes { raw in try RLEHybridDecoder(raw, width: 1).decode(count: count, unlessAll: 1) }
    }

    @Test func oneRunOfOnesCoveringThePageIsAllPresent() throws {
        // Header 1000 << 1 (an RLE run of 1,000) as a varint, then the value 1.
        #expect(try levels([0xD0, 0x0F, 0x01], count: 1_000) == nil)
        #expect(try levels([0xD0, 0x0F, 0x01], count: 999) == nil)
    }

    @Test func otherLevelsAreDecoded() throws {
        // A run of 1,000 zeros: every value missing.
        #expect(try levels([0xD0, 0x0F, 0x00], count: 1_000) == [UInt32](repeating: 0, count: 1_000))
        // A run of 1s shorter than the page, then a run of 0s.
        #expect(try levels([0x06, 0x01, 0x04, 0x00], count: 5) == [1, 1, 1, 0, 0])
        // One bit-packed group of eight 1s (header 1 << 1 | 1), not a run: decoded.
        #expect(try levels([0x03, 0xFF], count: 8) == [UInt32](repeating: 1, count: 8))
        // A run of 1s that ends before the page does, with nothing after it: the error of the data ending early.
        #expect(throws: ParquetError.self) { try levels([0x06, 0x01], count: 5) }
    }
}
