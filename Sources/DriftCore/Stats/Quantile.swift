// Quantile: quantiles and the median with numpy's default "linear" method (Hyndman & Fan type 7).

extension Statistics {
    /// The median of the present values; NaN when there are none.
    public static func median(_ v: [Double]) -> Double {
        quantile(v, 0.5)
    }

    /// The q-quantile of the present values, interpolating linearly between order statistics exactly as
    /// `numpy.quantile` does by default (with infinities, as numpy's median and R do: see below). NaN when there
    /// are no present values or q is outside [0, 1].
    public static func quantile(_ v: [Double], _ q: Double) -> Double {
        quantiles(v, [q])[0]
    }

    /// Several quantiles of the same values, sorting them once.
    public static func quantiles(_ v: [Double], _ qs: [Double]) -> [Double] {
        let sorted = v.filter { !$0.isNaN }.sorted()
        return qs.map { quantile(sortedPresent: sorted, $0) }
    }

    /// Type 7 on already sorted, NaN-free values, with numpy's two-sided lerp for the same rounding.
    static func quantile(sortedPresent sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty, q >= 0, q <= 1 else { return .nan }
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = Swift.min(below + 1, sorted.count - 1)
        let t = position - Double(below)
        let a = sorted[below], b = sorted[above]
        // An order statistic hit exactly, or two equal ones, needs no interpolation; between an infinity
        // and anything else the quantile is that infinity (NaN only between −inf and +inf). This is
        // numpy's median and R's quantile; numpy.quantile's lerp gives NaN there (inf · 0).
        if t == 0 || a == b { return a }
        if a.isInfinite || b.isInfinite { return a + b }
        let difference = b - a
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t
    }
}
