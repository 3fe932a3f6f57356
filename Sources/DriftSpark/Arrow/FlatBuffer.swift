// FlatBuffer: bounds-checked reading of the FlatBuffers tables that Arrow IPC messages are made of (a root
// offset, tables found through their vtables, strings, vectors of tables and of structs). Every position is
// checked against the message's bytes before it is read, so hostile bytes give an ArrowError, never a trap.

/// Malformed or unsupported Arrow data.
public struct ArrowError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// The bytes of one FlatBuffers message: `bytes[start..<end]`, positions absolute in `bytes`.
struct FlatBuffer {
    let bytes: [UInt8]
    let start: Int
    let end: Int

    func read<T: FixedWidthInteger>(_: T.Type, at position: Int) throws -> T {
        guard position >= start, position <= end - MemoryLayout<T>.size else {
            throw ArrowError("malformed Arrow message: a read at \(position - start) is outside its \(end - start) bytes")
        }
        return T(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: position, as: T.self) })
    }

    /// The table the root offset points to.
    func root() throws -> FlatTable {
        try table(at: start + Int(try read(UInt32.self, at: start)))
    }

    func table(at position: Int) throws -> FlatTable {
        let vtable = position - Int(try read(Int32.self, at: position))
        let size = Int(try read(UInt16.self, at: vtable))
        guard size >= 4, vtable + size <= end else { throw ArrowError("malformed Arrow message: a table's vtable is out of bounds") }
        return FlatTable(buffer: self, position: position, vtable: vtable, vtableSize: size)
    }

    /// The position an unsigned offset stored at `position` points to.
    func follow(_ position: Int) throws -> Int {
        position + Int(try read(UInt32.self, at: position))
    }
}

/// One table: its fields are found through the vtable; an absent field has its default.
struct FlatTable {
    let buffer: FlatBuffer
    let position: Int
    let vtable: Int
    let vtableSize: Int

    /// The absolute position of field `index`, nil when the field is absent.
    private func field(_ index: Int) throws -> Int? {
        let entry = 4 + 2 * index
        guard entry + 2 <= vtableSize else { return nil }
        let offset = Int(try buffer.read(UInt16.self, at: vtable + entry))
        return offset == 0 ? nil : position + offset
    }

    func scalar<T: FixedWidthInteger>(_ index: Int, default value: T) throws -> T {
        guard let position = try field(index) else { return value }
        return try buffer.read(T.self, at: position)
    }

    func table(_ index: Int) throws -> FlatTable? {
        guard let position = try field(index) else { return nil }
        return try buffer.table(at: try buffer.follow(position))
    }

    func string(_ index: Int) throws -> String? {
        guard let vector = try vector(index, elementSize: 1) else { return nil }
        return String(decoding: buffer.bytes[vector.start..<(vector.start + vector.count)], as: UTF8.self)
    }

    /// A vector of `elementSize`-byte elements (4 for tables), checked to lie inside the message.
    func vector(_ index: Int, elementSize: Int) throws -> FlatVector? {
        guard let position = try field(index) else { return nil }
        let at = try buffer.follow(position)
        let count = Int(try buffer.read(UInt32.self, at: at))
        guard count <= (buffer.end - at - 4) / elementSize else { throw ArrowError("malformed Arrow message: a vector runs past its end") }
        return FlatVector(buffer: buffer, start: at + 4, count: count)
    }
}

/// A vector: `count` elements from `start`.
struct FlatVector {
    let buffer: FlatBuffer
    let start: Int
    let count: Int

    /// Element `index` of a vector of tables.
    func table(_ index: Int) throws -> FlatTable {
        try buffer.table(at: try buffer.follow(start + 4 * index))
    }

    /// The position of element `index` of a vector of `size`-byte structs, checked to lie inside the message.
    func structPosition(_ index: Int, size: Int) throws -> Int {
        let position = start + size * index
        guard index < count, position + size <= buffer.end else { throw ArrowError("malformed Arrow message: a vector runs past its end") }
        return position
    }
}
