// ThriftType: the type codes of Thrift's compact protocol, as they appear in field headers and list headers.
// Shared by the decoder and, later, an encoder writing the same structures.

enum ThriftType: UInt8 {
    case stop = 0
    case booleanTrue = 1
    case booleanFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case structure = 12
    case uuid = 13

    /// The fewest bytes one value of this type takes on the wire, to check a declared element count against
    /// the bytes that remain before anything is allocated.
    var minimumSize: Int {
        switch self {
        case .stop: 0
        case .double: 8
        case .uuid: 16
        default: 1
        }
    }
}
