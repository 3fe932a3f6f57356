// JSON: encodes values as JSON text (records → objects, vectors → arrays, missing and NaN → null,
// dataframes → arrays of row objects). Hand-written because values are not Encodable and the number
// format must match the language's shortest form.
import DriftCore

enum JSON {
    static func encode(_ value: Value) throws(BuiltinError) -> String {
        var output = ""
        var growth = GrowthCheck()
        try write(value, depth: 0, to: &output, &growth)
        return output
    }

    /// Nesting deeper than the JSON reader accepts is refused, so what `json` writes reads back and
    /// a value nested millions of levels deep is not written by deep recursion.
    /// Long vectors, lists and frames poll Ctrl-C, and the text is checked against the memory limit
    /// before it doubles (`growth`).
    private static func write(_ value: Value, depth: Int, to output: inout String, _ growth: inout GrowthCheck) throws(BuiltinError) {
        if depth > JSONParser.maximumDepth {
            throw BuiltinError("cannot convert to JSON: lists and records nested more than \(JSONParser.maximumDepth) deep")
        }
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += number.isFinite ? NumberFormat.shortest(number) : "null"
        case .string(let text): writeString(text, to: &output)
        case .time(let time): writeString(ISOTime.text(time), to: &output)
        case .vector(let column):
            output += "["
            for index in 0..<column.count {
                if index > 0 { output += "," }
                if index & 0xFFF == 0xFFF { try checkGrowth(output, &growth) }
                try write(column.element(at: index), depth: depth + 1, to: &output, &growth)
            }
            output += "]"
        case .list(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                if index & 0xFFF == 0xFFF { try checkGrowth(output, &growth) }
                try write(item, depth: depth + 1, to: &output, &growth)
            }
            output += "]"
        case .record(let record):
            try writeObject(record.fields.map { ($0, $1) }, depth: depth, to: &output, &growth)
        case .frame(let frame):
            output += "["
            for row in 0..<frame.rowCount {
                if row > 0 { output += "," }
                if row & 0xFF == 0xFF { try checkGrowth(output, &growth) }
                try writeObject(zip(frame.names, frame.columns).map { ($0, $1.element(at: row)) }, depth: depth, to: &output, &growth)
            }
            output += "]"
        case .object(let object):
            do {
                if let text = try object.jsonText() {
                    output += text
                    return
                }
            } catch {
                throw BuiltinError("cannot convert \(object.kindName) to JSON: \(error)")
            }
            try writeObject(object.fieldNames.compactMap { name in object.field(name).map { (name, $0) } }, depth: depth, to: &output, &growth)
        case .function:
            throw BuiltinError("cannot convert a function to JSON")
        }
    }

    private static func writeObject(_ fields: [(String, Value)], depth: Int, to output: inout String, _ growth: inout GrowthCheck) throws(BuiltinError) {
        output += "{"
        for (index, (key, value)) in fields.enumerated() {
            if index > 0 { output += "," }
            writeString(key, to: &output)
            output += ":"
            try write(value, depth: depth + 1, to: &output, &growth)
        }
        output += "}"
    }

    /// Polls Ctrl-C (and the memory watchdog) and checks the text's next doubling against the limit.
    private static func checkGrowth(_ output: String, _ growth: inout GrowthCheck) throws(BuiltinError) {
        if Cancellation.isRequested { throw BuiltinError(Cancellation.message) }
        do {
            try growth.grew(to: output.utf8.count, for: "JSON text of \(MemoryLimit.format(output.utf8.count)) so far")
        } catch {
            throw BuiltinError(error.description)
        }
    }

    private static func writeString(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
