// NumberFormat: how numbers print — the shortest decimal that reads back to the same double, with
import Foundation
// integral values shown without a decimal point (`3`, `0.1`, `2.5e-12`).

enum NumberFormat {
    static func shortest(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e16 {
            if value == 0 { return value.sign == .minus ? "-0" : "0" }  // -0 reads back as -0
            return String(Int64(value))
        }
        // Swift's description is already the shortest round-tripping form ("0.1", "2.5e-12", "1e+16").
        return value.description
    }

    /// A number for a table cell: shortest form, but at most `digits` significant digits.
    static func compact(_ value: Double, digits: Int = 6) -> String {
        let text = shortest(value)
        guard text.count > digits + 2, value.isFinite, value != value.rounded() || abs(value) >= 1e16 else { return text }
        let magnitude = abs(value)
        if magnitude >= 1e-4, magnitude < 1e15 {
            var fixed = String(format: "%.\(max(0, digits - 1 - Int(log10(magnitude).rounded(.down))))f", value)
            if fixed.contains(".") {
                while fixed.hasSuffix("0") { fixed.removeLast() }
                if fixed.hasSuffix(".") { fixed.removeLast() }
            }
            return fixed
        }
        return String(format: "%.\(digits - 1)g", value)
    }
}
