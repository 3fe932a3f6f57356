// Unit tests of the Thrift compact protocol decoder: fields, varints, skipping unknown fields, and hostile input.
@testable import DriftParquet
import Testing

@Suite struct ThriftCompactReaderTests {
    private func decode<T: ThriftDecodable>(_ bytes: [UInt8], as _: T.Type) throws -> T {
        try bytes.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw)
            return try T(thrift: &reader)
        }
    }

    /// The error decoding `bytes` gives.
    private func error<T: ThriftDecodable>(_ bytes: [UInt8], as type: T.Type) -> String {
        do {
            _ = try decode(bytes, as: type)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func pageHeaderWithAnUnknownFieldSkipped() throws {
        // type=0 (field 1, i32 zigzag 0), uncompressed=100 (field 2), compressed=50 (field 3), field 9: unknown
        // struct holding an i64, then data_page_header (field 5 by long form id) with num_values=10.
        let bytes: [UInt8] = [0x15, 0x00, 0x15, 0xC8, 0x01, 0x15, 0x64, 0x6C, 0x16, 0x02, 0x00,
                              0x0C, 0x0A, 0x15, 0x14, 0x15, 0x00, 0x00, 0x00]
        let header = try decode(bytes, as: PageHeader.self)
        #expect(header.type == 0)
        #expect(header.uncompressedSize == 100)
        #expect(header.compressedSize == 50)
        #expect(header.dataPage?.valueCount == 10)
    }

    @Test func aStringLongerThanTheDataIsAnError() {
        // SchemaElement field 4 (binary) declaring 100 bytes with 2 present.
        #expect(error([0x48, 0x64, 0x61, 0x62], as: SchemaElement.self) == "a Thrift string declares 100 bytes but only 2 remain")
    }

    @Test func aListLongerThanTheDataIsAnError() {
        // FileMetaData field 2: a list of structures declaring 1,000,000 elements.
        #expect(error([0x29, 0xFC, 0xC0, 0x84, 0x3D, 0x00], as: FileMetaData.self)
            == "a Thrift list declares 1000000 elements but only 1 bytes remain")
    }

    @Test func deepNestingIsBounded() {
        // An unknown field holding a structure inside a structure inside ..., 100 deep.
        let bytes = [UInt8](repeating: 0x1C, count: 100) + [UInt8](repeating: 0, count: 101)
        #expect(error(bytes, as: Statistics.self) == "the Thrift data nests deeper than 32 levels")
    }

    @Test func truncatedDataIsAnError() {
        #expect(error([0x15], as: PageHeader.self) == "the data ends early (at byte 1)")
    }

    @Test func anOverlongVarintIsAnError() {
        #expect(error([0x16] + [UInt8](repeating: 0xFF, count: 11), as: RowGroup.self).hasPrefix("a varint is longer than 10 bytes"))
    }
}
