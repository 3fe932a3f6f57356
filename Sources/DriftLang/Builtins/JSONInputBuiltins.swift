// JSON input builtins: read_json and parse_json give back the values json() writes — objects become
// records, arrays become vectors when they hold one kind of scalar (as list literals do) and lists
// otherwise, and with `as_dataframe: true` an array of objects with the same keys becomes a dataframe.
// Parsing is DriftCore.JSONParser's; files are read through DriftCore.FileAccess.
import DriftCore

let jsonInputBuiltins: [Builtin] = [
    Builtin(
        "read_json(path, as_dataframe: false)",
        doc: "Reads a JSON file into the values json() writes: objects become records (keys in order), arrays of numbers (nulls allowed, as missing), strings or booleans become vectors, other arrays lists. With as_dataframe: true the file must hold an array of objects with the same keys, which becomes a dataframe (one column per key). Invalid JSON is an error naming the line and column.",
        example: #"write_json({psi: 0.12, columns: ["income", "age"]}, "result.json"); read_json("result.json").columns  # ["income", "age"]"#
    ) { arguments, _ in
        let path = try arguments.string(0, "path")
        let asDataFrame = try arguments.bool(nil, "as_dataframe", default: false)
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse([UInt8](try FileAccess.read(path)))
        } catch let error as JSONError {
            throw BuiltinError("\(path):\(error.line):\(error.column): \(error.message)")
        }
        return try JSONInput.value(parsed, asDataFrame: asDataFrame)
    },
    Builtin(
        "parse_json(text, as_dataframe: false)",
        doc: "Parses JSON text as read_json reads a file: objects become records, arrays of one kind of scalar vectors, other arrays lists; as_dataframe: true turns an array of objects with the same keys into a dataframe. parse_json(json(x)) gives x back for numbers, strings, booleans, vectors, records and dataframes.",
        example: #"parse_json("[{\"a\": 1, \"b\": \"x\"}, {\"a\": 2, \"b\": null}]", as_dataframe: true).a  # [1, 2]"#
    ) { arguments, _ in
        let text = try arguments.string(0, "text")
        let asDataFrame = try arguments.bool(nil, "as_dataframe", default: false)
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(Array(text.utf8))
        } catch {
            throw BuiltinError("invalid JSON: \(error)")
        }
        return try JSONInput.value(parsed, asDataFrame: asDataFrame)
    },
]

/// Parsed JSON as Drift values.
enum JSONInput {
    static func value(_ json: JSONValue, asDataFrame: Bool) throws(BuiltinError) -> Value {
        if asDataFrame { return .frame(try frame(json)) }
        return value(json)
    }

    static func value(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .array(let elements): return Value.collection(elements.map { value($0) })
        case .object(let keys, let values): return .record(Record(zip(keys, values).map { ($0, value($1)) }))
        }
    }

    /// An array of objects with the same keys as a dataframe (DataFrame.ofRecords: the first object's
    /// keys, in its order, name the columns; each column holds one kind of scalar).
    static func frame(_ json: JSONValue) throws(BuiltinError) -> DataFrame {
        guard case .array(let rows) = json else {
            throw BuiltinError("as_dataframe: true needs an array of objects, got \(kind(json))")
        }
        for (index, row) in rows.enumerated() {
            guard case .object = row else {
                throw BuiltinError("as_dataframe: true needs an array of objects, but row \(index) is \(kind(row))")
            }
        }
        return try DataFrame.ofRecords(rows.map { value($0) })
    }

    private static func kind(_ json: JSONValue) -> String {
        switch json {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
