// PageCompression: a page's bytes compressed with the codec the writer was asked for (Snappy, GZIP or Zstandard
// through Debian's C libraries, or left as they are), the mirror of PageDecompression.
import CSnappy
import CZlib
import CZstd

extension CompressionCodec {
    /// The Zstandard level: pyarrow's default, fast with a ratio close to Snappy's or better.
    private static let zstdLevel: Int32 = 1

    /// `bytes` compressed; a codec library's failure is an error naming the codec.
    func compress(_ bytes: [UInt8]) throws(ParquetError) -> [UInt8] {
        if self == .uncompressed { return bytes }
        var failed = false
        let output = bytes.withUnsafeBytes { input in
            [UInt8](unsafeUninitializedCapacity: bound(input.count)) { output, count in
                count = deflate(input, into: UnsafeMutableRawBufferPointer(output))
                failed = count < 0
                count = max(count, 0)
            }
        }
        guard !failed else { throw ParquetError("\(name) could not compress a page of \(bytes.count) bytes") }
        return output
    }

    /// The most `count` bytes can take once compressed.
    private func bound(_ count: Int) -> Int {
        switch self {
        case .snappy: snappy_max_compressed_length(count)
        case .zstd: ZSTD_compressBound(count)
        case .gzip: Int(compressBound(uLong(count))) + 18  // zlib's bound plus the gzip header and trailer
        default: count
        }
    }

    /// The number of bytes written, or -1 on failure.
    private func deflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        switch self {
        case .snappy:
            var length = output.count
            let status = snappy_compress(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                         output.baseAddress?.assumingMemoryBound(to: CChar.self), &length)
            return status == SNAPPY_OK ? length : -1
        case .zstd:
            let result = ZSTD_compress(output.baseAddress, output.count, input.baseAddress, input.count, Self.zstdLevel)
            return ZSTD_isError(result) != 0 ? -1 : result
        case .gzip:
            return GzipStream.deflate(input, into: output)
        default:
            return -1
        }
    }
}

/// GZIP members through zlib's deflate.
private enum GzipStream {
    static func deflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else { return -1 }
        var stream = z_stream()
        // 15 + 16: the largest window, with a gzip header and trailer.
        guard deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return -1 }
        defer { deflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        return CZlib.deflate(&stream, Z_FINISH) == Z_STREAM_END ? output.count - Int(stream.avail_out) : -1
    }
}
