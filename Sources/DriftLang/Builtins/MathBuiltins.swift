// Math builtins: element-wise functions on numbers and numeric vectors (missing stays missing).
import DriftCore
import Foundation

/// Applies `transform` to argument `x`: a number, or each element of a numeric vector.
private func mapNumbers(_ arguments: Arguments, _ transform: (Double) -> Double) throws -> Value {
    let value = try arguments.required(0, "x")
    switch value {
    case .number(let number): return .number(transform(number))
    case .null: return .null
    case .vector(.numeric(let column)): return .vector(.numeric(NumericColumn(column.values.map(transform))))
    default: throw arguments.mismatch("x", expected: "a number or numeric vector", got: value)
    }
}

/// A builtin of one argument applied element-wise.
private func elementwise(_ signature: String, doc: String, example: String, _ transform: @escaping @Sendable (Double) -> Double) -> Builtin {
    Builtin(signature, doc: doc, example: example) { arguments, _ in try mapNumbers(arguments, transform) }
}

let mathBuiltins: [Builtin] = [
    elementwise("abs(x)", doc: "The absolute value.", example: "abs(-2)  # 2") { Swift.abs($0) },
    elementwise("sqrt(x)", doc: "The square root (NaN for negative numbers).", example: "sqrt(16)  # 4") { $0.squareRoot() },
    elementwise("log(x)", doc: "The natural logarithm (−inf at 0, NaN below).", example: "log(1)  # 0") { Foundation.log($0) },
    elementwise("exp(x)", doc: "e raised to the power x.", example: "exp(0)  # 1") { Foundation.exp($0) },
    elementwise("floor(x)", doc: "The largest whole number not above x.", example: "floor(2.7)  # 2") { $0.rounded(.down) },
    elementwise("ceil(x)", doc: "The smallest whole number not below x.", example: "ceil(2.1)  # 3") { $0.rounded(.up) },
    Builtin(
        "round(x, digits = 0)",
        doc: "Rounds to the given number of decimal digits, halves away from zero. Works element-wise on vectors.",
        example: "round(3.14159, 2)  # 3.14"
    ) { arguments, _ in
        let digits = try arguments.integer(1, "digits", default: 0, in: -15...15)
        let scale = pow(10, Double(digits))
        return try mapNumbers(arguments) { ($0 * scale).rounded(.toNearestOrAwayFromZero) / scale }
    },
]
