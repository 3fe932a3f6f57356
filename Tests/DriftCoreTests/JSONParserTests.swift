// JSONParserTests: JSON text to values (keys kept in order), the errors of hostile input with their line
// and column, nesting far deeper than any stack (refused, not a crash), and agreement with Foundation's
// JSONSerialization on valid documents.
import Foundation
import Testing
@testable import DriftCore

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONError) -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func error(_ bytes: [UInt8]) -> JSONError? {
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }

    private func error(_ text: String) -> JSONError? { error(Array(text.utf8)) }

    @Test func valuesAndKeyOrder() throws {
        #expect(try parse(#" {"b": [1, -2.5e3, null], "a": {"t": true, "f": false}, "s": "x\"\\\/\b\f\n\r\t"} "#)
            == .object(keys: ["b", "a", "s"], values: [
                .array([.number(1), .number(-2500), .null]),
                .object(keys: ["t", "f"], values: [.bool(true), .bool(false)]),
                .string("x\"\\/\u{8}\u{C}\n\r\t"),
            ]))
        #expect(try parse("0") == .number(0))
        #expect(try parse("-0.5E-2") == .number(-0.005))
        #expect(try parse("[]") == .array([]))
        #expect(try parse("{}") == .object(keys: [], values: []))
        #expect(try parse("\u{FEFF}[1]") == .array([.number(1)]), "a byte order mark is skipped")
        #expect(try parse(#""\u00e9\ud83d\ude00""#) == .string("é😀"))
        #expect(try parse("1e-400") == .number(0), "underflow rounds to zero, as strtod does")
    }

    @Test func aRepeatedKeyKeepsItsPlaceAndItsLastValue() throws {
        #expect(try parse(#"{"a": 1, "b": 2, "a": 3}"#) == .object(keys: ["a", "b"], values: [.number(3), .number(2)]))
    }

    @Test func errorsNameWhatAndWhere() {
        let cases: [(String, String, Int, Int)] = [
            ("", "unexpected end of input: expected a value", 1, 1),
            ("[1, 2", "expected ',' or ']' after an array element but found the end of the input", 1, 6),
            ("{\"a\" 1}", "expected ':' after an object key but found '1'", 1, 6),
            ("{a: 1}", "expected a string key in double quotes but found 'a'", 1, 2),
            ("[1,]", "expected a value but found ']'", 1, 4),
            ("[01]", "a number cannot start with 0 (write 7, not 07)", 1, 3),
            ("[1.]", "expected a digit after the decimal point but found ']'", 1, 4),
            ("-", "expected a digit but found the end of the input", 1, 2),
            ("[tru]", "expected 'true' but found ']'", 1, 5),
            ("\"abc", "unterminated string", 1, 1),
            ("\"a\tb\"", "a control character (U+0009) inside a string; write it as an escape such as \\n", 1, 3),
            ("\"\\x\"", #"unknown escape '\x' in a string (JSON has \" \\ \/ \b \f \n \r \t \uXXXX)"#, 1, 2),
            ("\"\\u12G4\"", "expected four hex digits after \\u but found 'G'", 1, 6),
            ("\"\\ud800\"", "\\uD800 is half of a UTF-16 surrogate pair without its other half", 1, 2),
            ("\"\\udc00\"", "\\uDC00 is half of a UTF-16 surrogate pair without its other half", 1, 2),
            ("[1e999]", "the number 1e999 is too large for a 64-bit float", 1, 2),
            ("{\"é\": [1,\n  2 3]}", "expected ',' or ']' after an array element but found '3'", 2, 5),
            ("[1] [2]", "unexpected '[' after the JSON value", 1, 5),
            ("NaN", "expected a value but found 'N'", 1, 1),
        ]
        for (text, message, line, column) in cases {
            let found = error(text)
            #expect(found == JSONError(message: message, line: line, column: column), "\(text): \(String(describing: found))")
        }
    }

    @Test func invalidUTF8IsReportedAtItsByte() {
        let found = error(Array("[\"ab".utf8) + [0xFF] + Array("\"]".utf8))
        #expect(found == JSONError(message: "the string is not valid UTF-8", line: 1, column: 5))
        #expect(error([0xC3]) == JSONError(message: "expected a value but found byte 0xC3", line: 1, column: 1))
    }

    @Test func nestingFarDeeperThanAnyStackIsRefused() throws {
        let depth = 100_000
        for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
            let text = String(repeating: open, count: depth) + "1" + String(repeating: close, count: depth)
            let found = try #require(error(text))
            #expect(found.message == "arrays and objects nested more than 1000 deep")
        }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(error(allowed) == nil)
    }

    @Test func aHugeNumberAndALongStringAreRead() throws {
        #expect(try parse("1" + String(repeating: "0", count: 300)) == .number(1e300))
        let long = String(repeating: "x", count: 5_000_000)
        #expect(try parse("\"" + long + "\"") == .string(long))
    }

    @Test func agreesWithJSONSerializationOnRandomDocuments() throws {
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<300 {
            let text = randomDocument(&generator, depth: 0)
            let ours = try parse(text)
            let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(same(ours, theirs), "\(text)")
        }
    }

    private func randomDocument(_ generator: inout SeededGenerator, depth: Int) -> String {
        let choice = depth > 3 ? generator.next() % 4 : generator.next() % 6
        switch choice {
        case 0: return ["true", "false", "null"][Int(generator.next() % 3)]
        case 1: return String(Double(Int64(bitPattern: generator.next()) % 1_000_000) / 1000)
        case 2: return "\"k\(generator.next() % 100)\\n\\u00e9\""
        case 3: return String(format: "%.17g", Double(bitPattern: generator.next() >> 2))
        case 4:
            let count = Int(generator.next() % 4)
            return "[" + (0..<count).map { _ in randomDocument(&generator, depth: depth + 1) }.joined(separator: ", ") + "]"
        default:
            let count = Int(generator.next() % 4)
            return "{" + (0..<count).map { index in "\"key\(index)\": " + randomDocument(&generator, depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    private func same(_ ours: JSONValue, _ theirs: Any) -> Bool {
        switch ours {
        case .null: return theirs is NSNull
        case .bool(let flag): return (theirs as? NSNumber).map { $0.boolValue == flag } ?? false
        // Foundation reads long numbers through Decimal, whose conversion to Double can be a few units in
        // the last place off; the parser's numbers are strtod's (NumberParserTests), so a tolerance it is.
        case .number(let number):
            return (theirs as? NSNumber).map { abs($0.doubleValue - number) <= abs(number) * 1e-12 } ?? false
        case .string(let text): return (theirs as? String) == text
        case .array(let elements):
            guard let array = theirs as? [Any], array.count == elements.count else { return false }
            return zip(elements, array).allSatisfy { same($0, $1) }
        case .object(let keys, let values):
            guard let object = theirs as? [String: Any], object.count == keys.count else { return false }
            return zip(keys, values).allSatisfy { key, value in object[key].map { same(value, $0) } ?? false }
        }
    }
}
