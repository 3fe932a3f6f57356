// MonitorThreshold: the band a monitored value should stay in, derived from the reference chunks' own values as
// NannyML 0.13 derives it (`StandardDeviationThreshold`, `ConstantThreshold`, `calculate_threshold_values`): mean
// ± k population standard deviations of the reference chunks' values (missing values ignored), or constants;
// then a bound beyond the method's range is clipped to it.

public enum MonitorThreshold: Sendable, Equatable {
    /// mean − lower·sd and mean + upper·sd of the reference chunks' values; nil leaves that side open.
    case standardDeviations(lower: Double?, upper: Double?)
    /// Fixed bounds; nil leaves that side open.
    case constant(lower: Double?, upper: Double?)

    /// NannyML's default for univariate drift: only an upper bound, 3 standard deviations above the mean.
    public static let nannyML = MonitorThreshold.standardDeviations(lower: nil, upper: 3)

    /// The lower and upper bound for reference chunk values `values`; a bound at or beyond `lowerLimit` /
    /// `upperLimit` becomes the limit (or is dropped when `dropClipped`, as reconstruction drift's lower bound is).
    public func bounds(
        of values: [Double], lowerLimit: Double? = nil, upperLimit: Double? = nil, dropClipped: Bool = false
    ) -> (lower: Double?, upper: Double?) {
        var lower: Double?, upper: Double?
        switch self {
        case .constant(let low, let high):
            (lower, upper) = (low, high)
        case .standardDeviations(let low, let high):
            let (mean, sd) = Self.meanAndDeviation(values)
            lower = low.map { mean - sd * $0 }
            upper = high.map { mean + sd * $0 }
        }
        if let limit = lowerLimit, let bound = lower, bound <= limit { lower = dropClipped ? nil : limit }
        if let limit = upperLimit, let bound = upper, bound >= limit { upper = dropClipped ? nil : limit }
        return (lower, upper)
    }

    /// numpy's nanmean and nanstd (ddof 0): NaN when every value is missing.
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double, sd: Double) {
        let present = values.filter { !$0.isNaN }
        guard !present.isEmpty else { return (.nan, .nan) }
        let n = Double(present.count)
        let mean = present.reduce(0, +) / n
        let squares = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / n).squareRoot())
    }

    /// Checks the multipliers and constants: finite, multipliers not negative, lower ≤ upper.
    public func validated() throws -> MonitorThreshold {
        switch self {
        case .standardDeviations(let lower, let upper):
            for k in [lower, upper].compactMap({ $0 }) where !(k.isFinite && k >= 0) {
                throw DataError("a threshold's number of standard deviations must be a finite number ≥ 0, not \(k)")
            }
        case .constant(let lower, let upper):
            for bound in [lower, upper].compactMap({ $0 }) where !bound.isFinite {
                throw DataError("a constant threshold must be finite, not \(bound)")
            }
            if let lower, let upper, lower > upper {
                throw DataError("the lower threshold \(lower) is above the upper one \(upper)")
            }
        }
        return self
    }
}
