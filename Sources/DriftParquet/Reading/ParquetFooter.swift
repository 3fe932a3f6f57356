// ParquetFooter: checks a file's magic numbers and decodes its footer (the FileMetaData at the end, before a
// 4-byte length and "PAR1").

enum ParquetFooter {
    private static let magic: [UInt8] = Array("PAR1".utf8)
    private static let encryptedMagic: [UInt8] = Array("PARE".utf8)

    static func metadata(of file: UnsafeRawBufferPointer) throws(ParquetError) -> FileMetaData {
        guard file.count >= 12 else {
            throw ParquetError("the file holds \(file.count) bytes, too few for Parquet (the magic numbers and footer length take 12)")
        }
        guard file.prefix(4).elementsEqual(magic) else { throw ParquetError("not a Parquet file (it does not start with PAR1)") }
        let tail = file.suffix(4)
        if tail.elementsEqual(encryptedMagic) { throw ParquetError("the file's footer is encrypted, which Drift does not read") }
        guard tail.elementsEqual(magic) else { throw ParquetError("the file does not end with PAR1 (cut short, or not Parquet)") }
        let length = Int(UInt32(littleEndian: file.loadUnaligned(fromByteOffset: file.count - 8, as: UInt32.self)))
        guard length <= file.count - 12 else {
            throw ParquetError("the footer declares \(length) bytes but the file holds only \(file.count - 12) before it")
        }
        var reader = ThriftCompactReader(UnsafeRawBufferPointer(rebasing: file[(file.count - 8 - length)..<(file.count - 8)]))
        do {
            return try FileMetaData(thrift: &reader)
        } catch {
            throw error.located("the footer")
        }
    }
}
