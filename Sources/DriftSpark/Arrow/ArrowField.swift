// ArrowField: one column of an Arrow schema and the types Drift reads: signed and unsigned integers of 8 to 64
// bits, 32- and 64-bit floats, UTF-8 strings (32- and 64-bit offsets), booleans, dates (days or milliseconds),
// timestamps (seconds to nanoseconds, with or without a time zone: the values are UTC either way) and the
// all-null type. Any other type (decimals, lists, structs, dictionaries …) is refused with its name.

/// The Arrow types Drift decodes.
enum ArrowType: Equatable {
    case null
    case integer(bytes: Int, signed: Bool)
    case float(bytes: Int)
    case utf8(offsetBytes: Int)
    case boolean
    /// Days (date32) or milliseconds (date64) since the epoch.
    case date(milliseconds: Bool)
    /// The count of these units per second: 1, 1_000, 1_000_000 or 1_000_000_000.
    case timestamp(perSecond: Int64)

    /// How many buffers a column of this type has in a record batch.
    var bufferCount: Int {
        switch self {
        case .null: 0
        case .utf8: 3
        default: 2
        }
    }
}

struct ArrowField: Equatable {
    let name: String
    let type: ArrowType

    /// Names of the Type union's members, for messages.
    private static let typeNames = [
        "NONE", "Null", "Int", "FloatingPoint", "Binary", "Utf8", "Bool", "Decimal", "Date", "Time", "Timestamp",
        "Interval", "List", "Struct", "Union", "FixedSizeBinary", "FixedSizeList", "Map", "Duration", "LargeBinary",
        "LargeUtf8", "LargeList", "RunEndEncoded", "BinaryView", "Utf8View", "ListView", "LargeListView",
    ]

    /// Reads a Field table: name (0), type_type (2), type (3), dictionary (4), children (5).
    init(_ table: FlatTable) throws {
        let name = try table.string(0) ?? ""
        if try table.table(4) != nil { throw ArrowError("column '\(name)' is dictionary-encoded, which Drift cannot read") }
        self.init(name: name, type: try Self.type(code: Int(try table.scalar(2, default: UInt8(0))), try table.table(3), name: name))
    }

    /// The type of union member `code` with its parameters table.
    private static func type(code: Int, _ parameters: FlatTable?, name: String) throws -> ArrowType {
        func unsupported(_ detail: String = "") -> ArrowError {
            let typeName = code < typeNames.count ? typeNames[code] : "type \(code)"
            return ArrowError("column '\(name)' has Arrow type \(typeName)\(detail), which Drift cannot read; cast it in the query (to double, string or timestamp)")
        }
        switch code {
        case 1: return .null
        case 2:
            let bits = Int(try parameters?.scalar(0, default: Int32(0)) ?? 0)
            guard [8, 16, 32, 64].contains(bits) else { throw unsupported(" of \(bits) bits") }
            return .integer(bytes: bits / 8, signed: try parameters?.scalar(1, default: UInt8(0)) ?? 0 != 0)
        case 3:
            switch try parameters?.scalar(0, default: Int16(0)) ?? 0 {
            case 1: return .float(bytes: 4)
            case 2: return .float(bytes: 8)
            default: throw unsupported(" (half precision)")
            }
        case 5: return .utf8(offsetBytes: 4)
        case 20: return .utf8(offsetBytes: 8)
        case 6: return .boolean
        case 8: return .date(milliseconds: try parameters?.scalar(0, default: Int16(1)) ?? 1 == 1)
        case 10:
            let unit = Int(try parameters?.scalar(0, default: Int16(0)) ?? 0)
            guard (0...3).contains(unit) else { throw unsupported(" with time unit \(unit)") }
            return .timestamp(perSecond: [1, 1_000, 1_000_000, 1_000_000_000][unit])
        default: throw unsupported()
        }
    }

    init(name: String, type: ArrowType) {
        self.name = name
        self.type = type
    }
}
