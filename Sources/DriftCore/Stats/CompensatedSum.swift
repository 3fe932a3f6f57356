// CompensatedSum: Neumaier (improved Kahan) summation, so sums and means stay accurate on long columns.
// Hand-written because the standard library only offers naive left-to-right addition.

/// A running sum that carries the rounding error of every addition and adds it back at the end.
/// Its error is bounded independently of the number of terms (about one rounding of the result).
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ value: Double) {
        let total = sum + value
        if abs(sum) >= abs(value) {
            compensation += (sum - total) + value
        } else {
            compensation += (value - total) + sum
        }
        sum = total
    }

    var value: Double {
        let total = sum + compensation
        // An infinite term makes the compensation NaN (inf - inf); the plain sum is then the answer.
        return total.isNaN && !sum.isNaN ? sum : total
    }
}
