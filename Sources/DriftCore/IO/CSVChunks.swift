// CSVChunks: a CSV file read as a sequence of data frames of whole records, in bounded memory. The file is read
// in pieces of `chunkBytes` (16 MB by default), each cut after its last line break outside quotes (a record
// longer than a piece makes the piece grow); each piece is parsed by the public `CSVReader.read(bytes:)` with
// the header row put in front, so every chunk is typed by the same rules as a whole file. Columns listed in
// `forcedText` are read as text: a marker row with a non-number in those columns is put after the header and
// dropped from the parsed frame. Parse errors are reported with the line number in the whole file.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a CSV file chunk by chunk.
struct CSVChunks {
    static let defaultChunkBytes = 16 << 20

    let path: String
    let options: CSVOptions
    let chunkBytes: Int

    /// The header's column names, and the header record's bytes (with its line break).
    static func header(path: String, options: CSVOptions) throws -> (names: [String], bytes: [UInt8]) {
        let file = try FileAccess.openSequential(path)
        var bytes: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try piece.withUnsafeMutableBytes { try file.read(into: $0) }
            bytes += piece[0..<count]
            let end = bytes.withUnsafeBufferPointer { CSVChunks.firstRecordEnd($0) }
            if let end { bytes.removeSubrange(end...); break }
            if count < piece.count { bytes.append(UInt8(ascii: "\n")); break }
        }
        let frame = try bytes.withUnsafeBytes { try CSVReader.read(bytes: $0, source: path, options: options) }
        return (frame.names, bytes)
    }

    /// Calls `body` with each chunk's rows as a frame and the number of file bytes it covers.
    func forEach(forcedText: Set<Int>, _ body: (DataFrame, Int) throws -> Void) throws {
        let (names, header) = try CSVChunks.header(path: path, options: options)
        var prefix = header
        if !forcedText.isEmpty {
            let marker = names.indices.map { forcedText.contains($0) ? "_" : "" }
            prefix += Array(marker.joined(separator: String(UnicodeScalar(options.separator))).utf8) + [UInt8(ascii: "\n")]
        }
        let prefixLines = header.withUnsafeBytes { CSVChunks.lineBreaks($0, header.count) } + (forcedText.isEmpty ? 0 : 1)
        let file = try FileAccess.openSequential(path)
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: prefix.count + chunkBytes, alignment: 8)
        defer { buffer.deallocate() }
        prefix.withUnsafeBytes { buffer.copyMemory(from: $0) }
        // Skip the header in the file; whatever followed it in the same read starts the body.
        var skip = header.count, filled = 0
        var atEnd = false
        var firstLine = prefixLines + 1 - (forcedText.isEmpty ? 0 : 1)
        while true {
            try Cancellation.check()
            while !atEnd && filled < buffer.count - prefix.count {
                let body = UnsafeMutableRawBufferPointer(rebasing: buffer[(prefix.count + filled)...])
                let count = try file.read(into: body)
                atEnd = count < body.count
                let skipped = Swift.min(skip, count)
                if skipped > 0 {
                    memmove(body.baseAddress!, body.baseAddress! + skipped, count - skipped)
                    skip -= skipped
                }
                filled += count - skipped
            }
            let region = UnsafeRawBufferPointer(rebasing: buffer[prefix.count..<(prefix.count + filled)])
            guard let end = atEnd ? filled : CSVChunks.lastRecordEnd(region) else {
                // One record longer than the buffer: grow it and read on.
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: prefix.count + 2 * (buffer.count - prefix.count), alignment: 8)
                larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<(prefix.count + filled)]))
                buffer.deallocate()
                buffer = larger
                continue
            }
            if end > 0 {
                let text = UnsafeRawBufferPointer(rebasing: buffer[..<(prefix.count + end)])
                var frame: DataFrame
                do {
                    frame = try CSVReader.read(bytes: text, source: path, options: options)
                } catch let error as CSVError {
                    throw CSVError(source: error.source, line: error.line - prefixLines + firstLine - 1,
                                   column: error.column, message: error.message)
                }
                if !forcedText.isEmpty {
                    let rows = frame.rowCount
                    frame = frame.mapColumns { $0.slice(1..<rows) }
                }
                try body(frame, end)
                firstLine += CSVChunks.lineBreaks(region, end)
            }
            if atEnd { return }
            let rest = filled - end
            memmove(buffer.baseAddress! + prefix.count, buffer.baseAddress! + prefix.count + end, rest)
            filled = rest
        }
    }

    /// The end (after its line break) of the first record, or nil if no line break outside quotes was seen.
    static func firstRecordEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var inQuotes = false
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) {
                if byte == UInt8(ascii: "\r") {
                    if i + 1 == bytes.count { return nil }  // a \r\n may be split by the read
                    if bytes[i + 1] == UInt8(ascii: "\n") { return i + 2 }
                }
                return i + 1
            }
        }
        return nil
    }

    /// The end of the last whole record in `region` (which starts at a record boundary): just after the last
    /// line break outside quotes, or nil if there is none. A trailing \r is not trusted (its \n may follow).
    static func lastRecordEnd(_ region: UnsafeRawBufferPointer) -> Int? {
        guard let base = region.baseAddress, region.count > 1 else { return nil }
        let count = region.count - 1  // the last byte could be a \r whose \n is still unread
        if memchr(base, Int32(UInt8(ascii: "\"")), count) == nil {
            // No quotes: the last \n, or a \r not followed by \n.
            var end: Int?
            if let newline = lastIndex(of: UInt8(ascii: "\n"), in: region, before: count) { end = newline + 1 }
            if memchr(base, Int32(UInt8(ascii: "\r")), count) != nil,
               let position = lastIndex(of: UInt8(ascii: "\r"), in: region, before: count),
               region[position + 1] != UInt8(ascii: "\n") {
                end = Swift.max(end ?? 0, position + 1)
            }
            return end
        }
        var inQuotes = false
        var end: Int?
        var i = 0
        while i < count {
            let byte = region[i]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && byte == UInt8(ascii: "\n") {
                end = i + 1
            } else if !inQuotes && byte == UInt8(ascii: "\r") {
                end = region[i + 1] == UInt8(ascii: "\n") ? i + 2 : i + 1
            }
            i += 1
        }
        return end
    }

    /// The last position before `count` holding `byte` (searched from the end: line breaks are near it).
    private static func lastIndex(of byte: UInt8, in region: UnsafeRawBufferPointer, before count: Int) -> Int? {
        var i = count - 1
        while i >= 0 {
            if region[i] == byte { return i }
            i -= 1
        }
        return nil
    }

    /// Physical line breaks (\n, \r\n or a lone \r, inside quotes too) in the first `count` bytes.
    static func lineBreaks(_ bytes: UnsafeRawBufferPointer, _ count: Int) -> Int {
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        var breaks = 0
        for byte in [UInt8(ascii: "\n"), UInt8(ascii: "\r")] {
            var position = 0
            while position < count, let found = memchr(base + position, Int32(byte), count - position) {
                let index = base.distance(to: UnsafeRawPointer(found))
                if byte == UInt8(ascii: "\n") || index + 1 == count || bytes[index + 1] != UInt8(ascii: "\n") { breaks += 1 }
                position = index + 1
            }
        }
        return breaks
    }
}
