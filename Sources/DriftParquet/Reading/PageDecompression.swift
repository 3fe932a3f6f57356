// PageDecompression: a page's bytes uncompressed with its column chunk's codec (Snappy, GZIP, Zstandard,
// LZ4_RAW through Debian's C libraries), and the CRC-32 check of pages that carry one. The declared size is
// trusted for the allocation only within what the codec could expand the compressed bytes to.
import CLZ4
import CSnappy
import CZlib
import CZstd

extension CompressionCodec {
    /// The codec a column chunk names; one the reader cannot decompress is an error naming it.
    init(checking raw: Int32) throws(ParquetError) {
        guard let codec = CompressionCodec(rawValue: raw) else { throw ParquetError("unknown compression codec \(raw)") }
        switch codec {
        case .uncompressed, .snappy, .gzip, .zstd, .lz4Raw: self = codec
        case .lzo, .brotli, .lz4:
            throw ParquetError("the \(codec.name) codec is not supported (Drift reads UNCOMPRESSED, SNAPPY, GZIP, ZSTD and LZ4_RAW)")
        }
    }

    var name: String {
        switch self {
        case .uncompressed: "UNCOMPRESSED"
        case .snappy: "SNAPPY"
        case .gzip: "GZIP"
        case .lzo: "LZO"
        case .brotli: "BROTLI"
        case .lz4: "LZ4 (Hadoop framing)"
        case .zstd: "ZSTD"
        case .lz4Raw: "LZ4_RAW"
        }
    }

    /// The most one compressed byte can expand to (a bound on the codec's format, with room to spare).
    private var maximumExpansion: Int {
        switch self {
        case .uncompressed: 1
        case .snappy: 32
        case .lz4Raw, .lz4: 256
        case .gzip: 1040
        case .zstd, .lzo, .brotli: 1 << 16
        }
    }

    /// `compressed` uncompressed into `buffer`, which must come to exactly `size` bytes; the bytes are valid
    /// until the buffer is next used. Uncompressed data is returned as it is.
    func decompress(_ compressed: UnsafeRawBufferPointer, size: Int, into buffer: PageBuffer) throws(ParquetError) -> UnsafeRawBufferPointer {
        if self == .uncompressed {
            guard size == compressed.count else {
                throw ParquetError("an uncompressed page declares \(size) bytes but holds \(compressed.count)")
            }
            return compressed
        }
        if size == 0 { return UnsafeRawBufferPointer(start: nil, count: 0) }  // nothing to uncompress (all missing)
        guard size <= compressed.count * maximumExpansion + 64 else {
            throw ParquetError("a page declares \(size) uncompressed bytes, more than \(compressed.count) bytes of \(name) can hold")
        }
        let output = buffer.bytes(size)
        guard inflate(compressed, into: output) == size else {
            throw ParquetError("the \(name) data of a page is corrupt (it does not uncompress to the \(size) bytes the header declares)")
        }
        return UnsafeRawBufferPointer(output)
    }

    /// The number of bytes produced, or -1 when the data is corrupt.
    private func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        let source = input.baseAddress?.assumingMemoryBound(to: CChar.self)
        let target = output.baseAddress?.assumingMemoryBound(to: CChar.self)
        switch self {
        case .snappy:
            var length = 0
            guard snappy_uncompressed_length(source, input.count, &length) == SNAPPY_OK, length == output.count else { return -1 }
            return snappy_uncompress(source, input.count, target, &length) == SNAPPY_OK ? length : -1
        case .zstd:
            let result = ZSTD_decompress(output.baseAddress, output.count, input.baseAddress, input.count)
            return ZSTD_isError(result) != 0 ? -1 : result
        case .lz4Raw:
            guard input.count <= Int(Int32.max), output.count <= Int(Int32.max) else { return -1 }
            return Int(LZ4_decompress_safe(source, target, Int32(input.count), Int32(output.count)))
        case .gzip:
            return Gzip.inflate(input, into: output)
        case .uncompressed, .lzo, .brotli, .lz4:
            return -1
        }
    }
}

/// GZIP (and zlib) streams through zlib's inflate.
private enum Gzip {
    static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else { return -1 }
        var stream = z_stream()
        // 15 + 32: the largest window, with a gzip or zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return -1 }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let status = CZlib.inflate(&stream, Z_FINISH)
        return status == Z_STREAM_END ? output.count - Int(stream.avail_out) : -1
    }
}

/// The CRC-32 (zlib's, as Parquet's page checksum is) of `bytes`.
func crc32(of bytes: UnsafeRawBufferPointer) -> UInt32 {
    var crc: UInt = 0
    var offset = 0
    while offset < bytes.count {
        let length = min(bytes.count - offset, Int(UInt32.max))
        crc = CZlib.crc32(crc, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(length))
        offset += length
    }
    return UInt32(truncatingIfNeeded: crc)
}
