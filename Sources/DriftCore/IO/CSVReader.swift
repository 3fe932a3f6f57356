// CSVReader: parses CSV bytes (RFC 4180 quoting, any line ending, UTF-8) into a typed DataFrame.
// Hand-written rather than built on a general CSV library so it can work on raw bytes: numbers are parsed in
// place, strings are dictionary-encoded without a String per cell, and column types are inferred on the way.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV with a header row. Rules: fields may be quoted with `"` (a `""` inside stands for one quote, and
/// separators and line breaks inside quotes are data); lines end with `\n`, `\r\n` or `\r`; a UTF-8 byte order
/// mark is skipped; blank lines at the end are ignored. Empty and repeated column names are replaced (see
/// `CSVColumnNames`). Every row must have as many fields as the header. Cells that are empty, `NA`, `null` or
/// `NaN` are missing. A column is numeric if every present cell is a number (`inf`, `-inf` and `nan` in any
/// case are accepted; `nan` is missing; out-of-range numbers round to ±inf or ±0 as strtod does), boolean if
/// every present cell is `true` or `false` in any case, a date column if every present cell is an ISO 8601 day
/// (`2024-03-01`), a datetime column if every one is an ISO day or timestamp (`ISOTime.parse`: offsets are
/// converted to UTC, a timestamp without one is taken as UTC), else text. Columns named in `options.timeColumns`
/// are read as times (in `options.timeFormat`, else ISO), and a cell that is not one is an error. A column with
/// no present cells is numeric; with no rows at all, text.
///
/// How: the rows are cut into blocks of about 256 KiB; blocks are parsed on all cores when the input has no
/// quote (else in order on one), and each block is appended to the final column buffers in file order. Pages
/// of a memory-mapped file are given back (4 MiB at a time) once their rows are appended, so the file does
/// not stay resident next to the frame. The cancellation flag is checked before every block.
public enum CSVReader {
    /// Reads the file at `path` through `FileAccess` (memory-mapped). Errors name the file as their source.
    public static func read(path: String, options: CSVOptions = .init()) throws -> DataFrame {
        let contents = try FileAccess.contents(path)
        return try contents.data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> DataFrame in
            try read(
                bytes: bytes, source: path, options: options, maximumThreads: parallelism,
                discard: contents.isMapped ? pageDiscarder(bytes) : nil)
        }
    }

    /// Gives back the pages of the memory-mapped `bytes` in a range the reader is done with.
    private static func pageDiscarder(_ bytes: UnsafeRawBufferPointer) -> @Sendable (Range<Int>) -> Void {
        let address = Int(bitPattern: bytes.baseAddress)
        return { range in
            if let base = UnsafeRawPointer(bitPattern: address) { FileAccess.discardPages(of: base, range) }
        }
    }

    /// Parses CSV from memory; `source` names the input in error messages.
    public static func read(bytes: UnsafeRawBufferPointer, source: String, options: CSVOptions = .init()) throws -> DataFrame {
        try read(bytes: bytes, source: source, options: options, maximumThreads: parallelism)
    }

    /// Reads with at most `maximumThreads` threads and blocks of `blockSize` bytes (tests compare settings).
    /// `discard`, if given, is called with byte ranges the reader is done with.
    static func read(
        bytes: UnsafeRawBufferPointer, source: String, options: CSVOptions, maximumThreads: Int,
        blockSize: Int = 256 << 10, discard: (@Sendable (Range<Int>) -> Void)? = nil
    ) throws -> DataFrame {
        let separator = options.separator
        if [UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(separator) || separator >= 0x80 {
            throw CSVError(source: source, line: 1, column: 1, message: "invalid separator byte \(separator)")
        }
        return try bytes.withMemoryRebound(to: UInt8.self) { bytes in
            let input = CSVInput(bytes: bytes, source: source, separator: separator)
            let header = try input.header()
            let names = CSVColumnNames.unique(header.names)
            var body = CSVBody(
                input: input, start: header.end, modes: try options.columnModes(names, source: source),
                blockSize: blockSize, discard: discard)
            body.threadCount = input.containsQuote(from: header.end, discard: discard) ? 1 : maximumThreads
            var estimatedRows = input.estimatedRows(from: header.end)
            while true {
                let (columns, rowCount) = try body.read(estimatedRows: estimatedRows)
                // A column that turned out to mix kinds is read again as text; this happens at most once.
                let demoted = columns.indices.filter { columns[$0] == nil }
                if demoted.isEmpty {
                    return DataFrame(validNames: names, columns: columns.compactMap { $0 })
                }
                for column in demoted { body.modes[column] = .text }
                estimatedRows = rowCount
            }
        }
    }

    /// How many threads read at once: the online processors, at most 8.
    private static let parallelism = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
