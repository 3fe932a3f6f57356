// NumberParserTests: the hand-written float parser gives bit-for-bit the same Double as strtod.
import Foundation
import Testing
@testable import DriftCore

@Suite struct NumberParserTests {
    func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { NumberParser.parse($0) }
    }

    func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    func expectSameAsStrtod(_ text: String) {
        let ours = parse(text)
        let reference = strtodValue(text)
        #expect(ours?.bitPattern == reference.bitPattern, "\(text): \(String(describing: ours)) vs \(reference)")
    }

    @Test func randomValuesMatchStrtod() {
        var generator = SeededGenerator(seed: 2024)
        for _ in 0..<50_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            expectSameAsStrtod(String(format: "%.17g", value))
            expectSameAsStrtod(String(format: "%.6e", value))
        }
        for _ in 0..<100_000 {
            let value = Double(Int64(bitPattern: generator.next()) % 100_000_000) / 1000 * Double(generator.next() % 3 + 1)
            expectSameAsStrtod(String(format: "%.6f", value))
            expectSameAsStrtod(String(format: "%.3f", value / 7))
            expectSameAsStrtod(value.description)
        }
    }

    @Test func randomDigitStringsMatchStrtod() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<50_000 {
            let digits = Int(generator.next() % 30) + 1
            var text = generator.next() % 2 == 0 ? "-" : ""
            for k in 0..<digits {
                if k == Int(generator.next() % UInt64(digits)) && !text.contains(".") { text += "." }
                text += String(generator.next() % 10)
            }
            if generator.next() % 3 == 0 { text += "e\(Int(generator.next() % 700) - 350)" }
            expectSameAsStrtod(text)
        }
    }

    /// The fast path the CSV reader runs on a numeric column's field: the number, then the separator.
    @Test func prefixBeforeASeparatorMatchesStrtodOrDefers() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<50_000 {
            let value = Double(Int64(bitPattern: generator.next()) % 10_000_000) / 1000
            for text in [String(format: "%.6f", value), String(format: "%.17g", value / 3), "\(Int(value))", String(format: "%.3e", value)] {
                let bytes = Array((text + ",1").utf8)
                let result = bytes.withUnsafeBufferPointer { NumberParser.parsePrefix($0.baseAddress!, from: 0, to: $0.count) }
                // nil sends the field to the general path, which `randomValuesMatchStrtod` checks.
                if let (parsed, end) = result {
                    #expect(end == text.utf8.count && parsed.bitPattern == strtodValue(text).bitPattern, "\(text)")
                }
            }
        }
        #expect(Array("-1.237410,".utf8).withUnsafeBufferPointer { NumberParser.parsePrefix($0.baseAddress!, from: 0, to: $0.count)?.0 } == -1.23741)
    }

    @Test func hardCases() {
        for text in [
            "0", "-0", "0.0", "1", "9007199254740993", "9007199254740992", "123456789012345678901234567890",
            "0.1", "0.30000000000000004", "2.2250738585072014e-308", "4.9e-324", "2.4703282292062327e-324",
            "1.7976931348623157e308", "1.8e308", "1e-400", "1e22", "1e23", "8.41e21", "3.0e-23", "000001.5000",
            "0.000000000000000000000000000001", "1E5", "1e+5", "-.5", "7.",
        ] {
            expectSameAsStrtod(text)
        }
    }

    @Test func rejectsNonNumbers() {
        for text in ["", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " ", "\t", "1 2", "0x10", "0x1A", "1_000", "abc", "infx", "--1", "1-"] {
            #expect(parse(text) == nil, "\(text)")
        }
        #expect(parse("NAN")?.isNaN == true && parse("-nan")?.isNaN == true)
        #expect(parse("Inf") == .infinity && parse("-infinity") == -.infinity)
    }

    /// Spaces and tabs around a number are allowed (as pandas and R read them), and the String entry
    /// `num` uses reads the same grammar.
    @Test func blanksAroundANumber() {
        for (text, value) in [(" 1", 1.0), ("1 ", 1), (" 42 ", 42), ("\t-1.5e3 ", -1500), ("  inf", .infinity), (" 0.1\t", 0.1)] {
            #expect(parse(text) == value, "\(text)")
            #expect(NumberParser.parse(text as String) == value, "\(text)")
        }
        #expect(NumberParser.parse("0x1A") == nil)
    }
}
