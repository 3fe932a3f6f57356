// CSVReader: parses CSV bytes (RFC 4180 quoting, any line ending, UTF-8) into a typed DataFrame.
// Hand-written rather than built on a general CSV library so it can work on raw bytes: numbers are parsed in
// place, strings are dictionary-encoded without a String per cell, and column types are inferred on the way.

import Dispatch
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads CSV with a header row. Rules: fields may be quoted with `"` (a `""` inside stands for one quote, and
/// separators and line breaks inside quotes are data); lines end with `\n`, `\r\n` or `\r`; a UTF-8 byte order
/// mark is skipped; blank lines at the end are ignored. Cells that are empty, `NA`, `null` or `NaN` are missing.
/// A column is numeric if every present cell is a number (`inf`, `-inf` and `nan` in any case are accepted;
/// `nan` is missing), boolean if every present cell is `true` or `false` in any case, else text. A column with
/// no present cells is numeric; with no rows at all, text.
public enum CSVReader {
    /// Reads the file at `path` through `FileAccess` (memory-mapped). Errors name the file as their source.
    public static func read(path: String, options: CSVOptions = .init()) throws -> DataFrame {
        let data = try FileAccess.read(path)
        return try data.withUnsafeBytes { try read(bytes: $0, source: path, options: options) }
    }

    /// Parses CSV from memory; `source` names the input in error messages.
    public static func read(bytes: UnsafeRawBufferPointer, source: String, options: CSVOptions = .init()) throws -> DataFrame {
        try read(bytes: bytes, source: source, options: options, maximumChunks: parallelism)
    }

    /// Reads with at most `maximumChunks` threads (tests compare chunked and single-piece reading).
    static func read(
        bytes: UnsafeRawBufferPointer, source: String, options: CSVOptions, maximumChunks: Int
    ) throws -> DataFrame {
        let separator = options.separator
        if [UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(separator) || separator >= 0x80 {
            throw CSVError(source: source, line: 1, column: 1, message: "invalid separator byte \(separator)")
        }
        return try bytes.withMemoryRebound(to: UInt8.self) { bytes in
            var tokenizer = CSVTokenizer(bytes: bytes, source: source, separator: separator)
            let names = try tokenizer.readHeader()
            var forcedText = Set<Int>()
            while true {
                let parts = try readBody(
                    tokenizer, columns: names.count, forcedText: forcedText, maximumChunks: maximumChunks)
                let columns = try names.indices.map { j in
                    try CSVColumnBuilder.merged(parts.map { ($0.builders[j], $0.rowCount) })
                }
                // A column that turned out to mix kinds is read again as text; this happens at most once.
                let demoted = columns.indices.filter { columns[$0] == nil }
                if demoted.isEmpty {
                    return DataFrame(validNames: names, columns: columns.compactMap { $0 })
                }
                forcedText.formUnion(demoted)
            }
        }
    }

    /// Reads the rows after the header, in parallel chunks when the input allows (see `CSVTokenizer.chunks`).
    /// A chunk that fails is not trusted for the error position: the body is then read again in one piece,
    /// which reports the first error with its exact line.
    private static func readBody(
        _ tokenizer: CSVTokenizer, columns: Int, forcedText: Set<Int>, maximumChunks: Int
    ) throws -> [(builders: [CSVColumnBuilder], rowCount: Int)] {
        let chunks = tokenizer.chunks(maximumCount: maximumChunks, minimumBytes: 4 << 20)
        if chunks.count > 1 {
            var results = [Result<([CSVColumnBuilder], Int), any Error>](
                repeating: .success(([], 0)), count: chunks.count)
            results.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
                    var chunk = chunks[i]
                    slots[i] = Result { try readRows(&chunk, columns: columns, forcedText: forcedText) }
                }
            }
            do {
                return try results.map { try $0.get() }
            } catch is CSVError {}
        }
        var whole = tokenizer
        return [try readRows(&whole, columns: columns, forcedText: forcedText)]
    }

    /// How many chunks to read at once: the online processors, at most 8.
    private static let parallelism = max(1, min(8, sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    private static func readRows(
        _ tokenizer: inout CSVTokenizer, columns: Int, forcedText: Set<Int>
    ) throws -> (builders: [CSVColumnBuilder], rowCount: Int) {
        let estimatedRows = tokenizer.estimatedRemainingRows()
        var builders = (0..<columns).map {
            CSVColumnBuilder(forcedText: forcedText.contains($0), capacity: estimatedRows)
        }
        var rowCount = 0
        while !tokenizer.atEndOfData() {
            if rowCount & 0xFFFF == 0 { try Cancellation.check() }
            for j in 0..<columns {
                let fieldStart = tokenizer.location()
                let (valid, endsRow) = try tokenizer.withNextField { builders[j].append($0, capacity: estimatedRows) }
                if !valid { throw tokenizer.error(at: fieldStart, "invalid UTF-8 in field \(j + 1)") }
                if endsRow && j < columns - 1 {
                    throw tokenizer.error(
                        at: tokenizer.lastFieldEnd, "expected \(columns) fields (as in the header), found \(j + 1)")
                }
                if !endsRow && j == columns - 1 {
                    let extra = tokenizer.location()
                    let found = try columns + tokenizer.skipRestOfRow()
                    throw tokenizer.error(at: extra, "expected \(columns) fields (as in the header), found \(found)")
                }
            }
            rowCount += 1
        }
        return (builders, rowCount)
    }
}
