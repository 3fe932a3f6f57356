// The enumerations of Parquet's metadata (parquet.thrift): physical types, legacy converted types, repetition,
// encodings, codecs and page types. The metadata keeps their raw values; these name the ones the reader knows.

/// How values are stored on disk.
enum PhysicalType: Int32 {
    case boolean = 0, int32, int64, int96, float, double, byteArray, fixedLengthByteArray
}

/// The legacy annotation of a column (before LogicalType).
enum ConvertedType: Int32 {
    case utf8 = 0, map, mapKeyValue, list, enumeration, decimal, date, timeMillis, timeMicros, timestampMillis,
         timestampMicros, uint8, uint16, uint32, uint64, int8, int16, int32, int64, json, bson, interval
}

enum Repetition: Int32 {
    case required = 0, optional, repeated
}

enum Encoding: Int32 {
    case plain = 0
    case plainDictionary = 2
    case rle = 3
    case bitPacked = 4
    case deltaBinaryPacked = 5
    case deltaLengthByteArray = 6
    case deltaByteArray = 7
    case rleDictionary = 8
    case byteStreamSplit = 9
}

enum CompressionCodec: Int32 {
    case uncompressed = 0, snappy, gzip, lzo, brotli, lz4, zstd, lz4Raw
}

enum PageType: Int32 {
    case dataPage = 0, indexPage, dictionaryPage, dataPageV2
}

extension Encoding {
    /// The encoding a page header names; an unknown one is an error naming its number.
    init(checking raw: Int32) throws(ParquetError) {
        guard let encoding = Encoding(rawValue: raw) else { throw ParquetError("unknown encoding \(raw)") }
        self = encoding
    }
}
