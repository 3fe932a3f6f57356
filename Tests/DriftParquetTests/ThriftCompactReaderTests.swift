// Unit tests of the Thrift compact protocol decoder: fields, varints, skipping unknown fields, and hostile input.
@testable import DriftParquet
import XCTest

final class ThriftCompactReaderTests: XCTestCase {
    private func decode<T: ThriftDecodable>(_ bytes: [UInt8], as _: T.Type) throws -> T {
        try bytes.withUnsafeBytes { raw in
            var reader = ThriftCompactReader(raw)
            return try T(thrift: &reader)
        }
    }

    func testPageHeaderWithAnUnknownFieldSkipped() throws {
        // type=0 (field 1, i32 zigzag 0), uncompressed=100 (field 2), compressed=50 (field 3), field 9: unknown
        // struct holding an i64, then data_page_header (field 5 by long form id) with num_values=10.
        let bytes: [UInt8] = [0x15, 0x00, 0x15, 0xC8, 0x01, 0x15, 0x64, 0x6C, 0x16, 0x02, 0x00,
                              0x0C, 0x0A, 0x15, 0x14, 0x15, 0x00, 0x00, 0x00]
        let header = try decode(bytes, as: PageHeader.self)
        XCTAssertEqual(header.type, 0)
        XCTAssertEqual(header.uncompressedSize, 100)
        XCTAssertEqual(header.compressedSize, 50)
        XCTAssertEqual(header.dataPage?.valueCount, 10)
    }

    func testAStringLongerThanTheDataIsAnError() {
        // SchemaElement field 4 (binary) declaring 100 bytes with 2 present.
        XCTAssertThrowsError(try decode([0x48, 0x64, 0x61, 0x62], as: SchemaElement.self)) { error in
            XCTAssertEqual("\(error)", "a Thrift string declares 100 bytes but only 2 remain")
        }
    }

    func testAListLongerThanTheDataIsAnError() {
        // FileMetaData field 2: a list of structures declaring 1,000,000 elements.
        XCTAssertThrowsError(try decode([0x29, 0xFC, 0xC0, 0x84, 0x3D, 0x00], as: FileMetaData.self)) { error in
            XCTAssertEqual("\(error)", "a Thrift list declares 1000000 elements but only 1 bytes remain")
        }
    }

    func testDeepNestingIsBounded() {
        // An unknown field holding a structure inside a structure inside ..., 100 deep.
        let bytes = [UInt8](repeating: 0x1C, count: 100) + [UInt8](repeating: 0, count: 101)
        XCTAssertThrowsError(try decode(bytes, as: Statistics.self)) { error in
            XCTAssertEqual("\(error)", "the Thrift data nests deeper than 32 levels")
        }
    }

    func testTruncatedDataIsAnError() {
        XCTAssertThrowsError(try decode([0x15], as: PageHeader.self)) { error in
            XCTAssertEqual("\(error)", "the data ends early (at byte 1)")
        }
    }

    func testAnOverlongVarintIsAnError() {
        XCTAssertThrowsError(try decode([0x16] + [UInt8](repeating: 0xFF, count: 11), as: RowGroup.self)) { error in
            XCTAssertTrue("\(error)".hasPrefix("a varint is longer than 10 bytes"), "\(error)")
        }
    }
}
