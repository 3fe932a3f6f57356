// Value: everything a Drift program computes with. Vectors and data frames hold DriftCore's typed
// columns directly, so a column taken from a frame is shared, not copied. Kinds added by later topics
// (histograms, test results, models) are `object`s that describe and display themselves.
import DriftCore

public enum Value {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    /// A datetime, date or duration.
    case time(TimeValue)
    /// A typed column: numbers (NaN = missing), strings, booleans or times.
    case vector(Column)
    /// A list whose elements are not all of one scalar kind.
    case list(ValueList)
    case record(Record)
    case frame(DataFrame)
    case function(Function)
    case object(any DriftObject)

    /// The kind's name as users see it in messages and `:vars`.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .time(let time): return time.kind.rawValue
        case .vector(let column):
            switch column {
            case .numeric: return "numeric vector"
            case .text: return "string vector"
            case .boolean: return "boolean vector"
            case .time(let times): return "\(times.kind.rawValue) vector"
            }
        case .list: return "list"
        case .record: return "record"
        case .frame: return "dataframe"
        case .function: return "function"
        case .object(let object): return object.kindName
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A number or a missing scalar as a double (NaN for null); nil for other kinds.
    var numberOrMissing: Double? {
        switch self {
        case .number(let value): return value
        case .null: return .nan
        default: return nil
        }
    }
}

extension UnsafeMutablePointer where Pointee == Value {
    /// Whether the value here owns no reference (null, a boolean or a number), so it can be
    /// overwritten or dropped without being destroyed first — a call the hot loops save.
    @inline(__always)
    var holdsNoReference: Bool {
        switch pointee {
        case .null, .bool, .number, .time: return true
        default: return false
        }
    }
}

/// Kinds added by later topics (histograms, drift test results, models …) conform to this.
public protocol DriftObject: AnyObject {
    var kindName: String { get }
    /// Named fields reachable with `value.field`.
    func field(_ name: String) -> Value?
    var fieldNames: [String] { get }
    /// How the value shows itself; the renderer picks the back end.
    func render(to renderer: inout Renderer)
    /// Its own JSON form, when it has one richer than its fields (a model's full parameters).
    func jsonText() throws -> String?
    /// Whether it shows itself as one chart and nothing else, so Jupyter gets it as an SVG image.
    var isChart: Bool { get }
}

extension DriftObject {
    func jsonText() throws -> String? { nil }
    public var isChart: Bool { false }
}

extension Value {
    /// A list of these elements.
    static func list(_ items: [Value]) -> Value { .list(ValueList(items)) }
}

/// An ordered record of named values. Small, so fields are found by a linear scan. The values sit in
/// a ValueStorage, so a deeply nested record is freed without recursion.
public struct Record {
    public private(set) var keys: [String]
    var storage: ValueStorage

    public init(_ fields: [(String, Value)] = []) {
        keys = fields.map(\.0)
        storage = ValueStorage(fields.map(\.1))
    }

    public var values: [Value] { storage.items }

    /// Changes the values in place, first making the storage this record's own.
    private mutating func changeValues(_ change: (inout [Value]) -> Void) {
        ValueStorage.makeUnique(&storage)
        change(&storage.items)
    }

    public subscript(key: String) -> Value? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    changeValues { $0[index] = newValue }
                } else {
                    keys.remove(at: index)
                    changeValues { _ = $0.remove(at: index) }
                }
            } else if let newValue {
                keys.append(key)
                changeValues { $0.append(newValue) }
            }
        }
    }

    public var fields: Zip2Sequence<[String], [Value]> { zip(keys, values) }
    public var count: Int { keys.count }
}
