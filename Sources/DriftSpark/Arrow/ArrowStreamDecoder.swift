// ArrowStreamDecoder: reads the Arrow IPC stream format (what Spark Connect returns in each ArrowBatch): a
// sequence of messages, each an optional 0xFFFFFFFF continuation marker, a 32-bit metadata length, a FlatBuffers
// `Message` and its body, ended by a zero length or the end of the bytes. The first message is the Schema; each
// RecordBatch then appends its rows to one column builder per field. Several streams (one per ArrowBatch) may
// be decoded into one frame when their schemas agree. Dictionary batches, compressed bodies and big-endian
// data are refused; every length and offset is checked against the bytes, so malformed input is an
// ArrowError, never a trap.
import DriftCore

public struct ArrowStreamDecoder {
    private(set) var fields: [ArrowField]?
    private var builders: [ArrowColumnBuilder] = []
    /// Rows decoded so far.
    public private(set) var rowCount = 0

    public init() {}

    /// Decodes one whole IPC stream, appending its record batches' rows.
    public mutating func decode(_ bytes: [UInt8]) throws {
        var position = 0
        var streamSchema: [ArrowField]?
        while position < bytes.count {
            let whole = FlatBuffer(bytes: bytes, start: 0, end: bytes.count)
            var length = Int(try whole.read(Int32.self, at: position))
            position += 4
            if length == -1 {
                length = Int(try whole.read(Int32.self, at: position))
                position += 4
            }
            if length == 0 { break }
            guard length > 0, length <= bytes.count - position else {
                throw ArrowError("malformed Arrow stream: a message of \(length) bytes at byte \(position) overruns the \(bytes.count) bytes")
            }
            let message = try FlatBuffer(bytes: bytes, start: position, end: position + length).root()
            position += length
            let bodyLength = Int(try message.scalar(3, default: Int64(0)))
            guard bodyLength >= 0, bodyLength <= bytes.count - position else {
                throw ArrowError("malformed Arrow stream: a message body of \(bodyLength) bytes overruns the stream")
            }
            let body = bytes[position..<(position + bodyLength)]
            position += bodyLength
            switch try message.scalar(1, default: UInt8(0)) {
            case 1:
                guard let header = try message.table(2) else { throw ArrowError("malformed Arrow stream: a Schema message without its schema") }
                let schema = try Self.schema(header)
                try adopt(schema)
                streamSchema = schema
            case 3:
                guard streamSchema != nil else { throw ArrowError("malformed Arrow stream: a record batch before the schema") }
                guard let header = try message.table(2) else { throw ArrowError("malformed Arrow stream: a RecordBatch message without its batch") }
                try appendBatch(header, body: body)
            case 2: throw ArrowError("the Arrow stream holds a dictionary batch, which Drift cannot read")
            case let other: throw ArrowError("the Arrow stream holds a message of type \(other), which Drift cannot read")
            }
        }
    }

    /// Reads a Schema table: endianness (0, little = 0), fields (1).
    private static func schema(_ table: FlatTable) throws -> [ArrowField] {
        guard try table.scalar(0, default: Int16(0)) == 0 else { throw ArrowError("the Arrow stream is big-endian, which Drift cannot read") }
        guard let fields = try table.vector(1, elementSize: 4) else { return [] }
        return try (0..<fields.count).map { try ArrowField(try fields.table($0)) }
    }

    /// Takes the first stream's schema; a later stream must have the same.
    private mutating func adopt(_ schema: [ArrowField]) throws {
        guard let fields else {
            self.fields = schema
            builders = schema.map(ArrowColumnBuilder.init)
            return
        }
        guard fields == schema else { throw ArrowError("the Arrow streams of one result have different schemas") }
    }

    /// Reads a RecordBatch table: length (0), nodes (1: 16-byte structs of length and null count), buffers
    /// (2: 16-byte structs of offset and length in the body), compression (3).
    private mutating func appendBatch(_ batch: FlatTable, body: ArraySlice<UInt8>) throws {
        guard try batch.table(3) == nil else { throw ArrowError("the Arrow record batch is compressed, which Drift cannot read") }
        let length = try batch.scalar(0, default: Int64(0))
        guard length >= 0, length <= Int64(Int32.max) else { throw ArrowError("malformed Arrow record batch: \(length) rows") }
        let nodes = try batch.vector(1, elementSize: 16), buffers = try batch.vector(2, elementSize: 16)
        guard let nodes, let buffers, nodes.count == builders.count,
              buffers.count == builders.reduce(0, { $0 + $1.field.type.bufferCount })
        else { throw ArrowError("malformed Arrow record batch: its nodes or buffers do not match the schema") }
        var next = 0
        func buffer() throws -> ArraySlice<UInt8> {
            let at = try buffers.structPosition(next, size: 16)
            next += 1
            let offset = try buffers.buffer.read(Int64.self, at: at), size = try buffers.buffer.read(Int64.self, at: at + 8)
            guard offset >= 0, size >= 0, offset <= Int64(body.count), size <= Int64(body.count) - offset else {
                throw ArrowError("malformed Arrow record batch: a buffer lies outside the message body")
            }
            return body[(body.startIndex + Int(offset))..<(body.startIndex + Int(offset + size))]
        }
        for k in builders.indices {
            let node = try nodes.structPosition(k, size: 16)
            guard try nodes.buffer.read(Int64.self, at: node) == length else {
                throw ArrowError("malformed Arrow record batch: column '\(builders[k].field.name)' has a different length than the batch")
            }
            let type = builders[k].field.type
            let validity = type == .null ? [] : try buffer()
            let values = try (0..<Swift.max(0, type.bufferCount - 1)).map { _ in try buffer() }
            try builders[k].append(count: Int(length), validity: validity, buffers: values)
        }
        rowCount += Int(length)
    }

    /// The rows decoded so far as a data frame (no columns when no stream has been decoded).
    public func frame() throws -> DataFrame {
        try DataFrame(builders.map { ($0.field.name, $0.column()) })
    }
}
