// SamplePair: a reference and a current numeric sample with missing values dropped and each side sorted once,
// shared by every sort-based test (KS, Wasserstein, energy, Anderson–Darling, Cramér–von Mises, Mann–Whitney).

/// Two NaN-free, ascending samples and how many values each lost to missingness.
public struct SamplePair: Sendable {
    public let reference: [Double]
    public let current: [Double]
    public let referenceMissing: Int
    public let currentMissing: Int

    /// Drops NaN from both samples and sorts them, large ones each on its own core. Throws when either side has
    /// no value left.
    public init(reference: [Double], current: [Double]) throws {
        let ((ref, refMissing), (cur, curMissing)) = try onBothSides(reference, current) { try SamplePair.sortedPresent($0) }
        try SamplePair.requireValues(reference: ref.count, current: cur.count)
        self.init(sorted: ref, current: cur, referenceMissing: refMissing, currentMissing: curMissing)
    }


    /// Throws when either side has no value left after dropping missing ones.
    static func requireValues(reference: Int, current: Int) throws {
        guard reference > 0 else { throw DataError("drift test: the reference sample is empty after dropping missing values") }
        guard current > 0 else { throw DataError("drift test: the current sample is empty after dropping missing values") }
    }

    private init(sorted reference: [Double], current: [Double], referenceMissing: Int, currentMissing: Int) {
        self.reference = reference
        self.current = current
        self.referenceMissing = referenceMissing
        self.currentMissing = currentMissing
    }

    public var referenceCount: Int { reference.count }
    public var currentCount: Int { current.count }

    /// A result for this pair, filling in the sample accounting.
    func result(
        _ method: String, statistic: Double, pValue: Double?, threshold: Double, details: [String: Double] = [:],
        alternative: Alternative = .twoSided
    ) -> DriftTestResult {
        DriftTestResult(
            method: method, statistic: statistic, pValue: pValue, threshold: threshold,
            referenceCount: reference.count, currentCount: current.count,
            referenceMissing: referenceMissing, currentMissing: currentMissing, details: details,
            alternative: alternative)
    }

    /// Throws for `method` when a sample holds ±∞ (on the reference only when `referenceOnly`), saying why.
    func requireFinite(_ method: String, reason: String, referenceOnly: Bool = false) throws {
        func finite(_ sorted: [Double]) -> Bool { sorted[0].isFinite && sorted[sorted.count - 1].isFinite }
        if !finite(reference) { throw DataError("\(method): the reference sample holds an infinite value, so \(reason)") }
        if !referenceOnly, !finite(current) { throw DataError("\(method): the current sample holds an infinite value, so \(reason)") }
    }

    /// A power of four that brings the largest finite magnitude of both samples to about 1 when it is beyond
    /// 2^500, where squares and sums of the values could overflow; 1 otherwise. Multiplying by a power of two is
    /// exact (above the subnormals), so a scale-free statistic of the scaled pair equals the pair's, and a
    /// distance in the column's units is the scaled one divided by the scale.
    var overflowScale: Double {
        var largest = 0.0
        for sorted in [reference, current] {
            if let low = sorted.first(where: \.isFinite) { largest = Swift.max(largest, abs(low)) }
            if let high = sorted.last(where: \.isFinite) { largest = Swift.max(largest, abs(high)) }
        }
        guard largest > 0x1p500 else { return 1 }
        let exponent = Int(largest.exponent) + 1
        return Double(sign: .plus, exponent: -(exponent + exponent % 2), significand: 1)
    }

    /// The pair with every value multiplied by `scale` (the pair itself when it is 1).
    func scaled(by scale: Double) -> SamplePair {
        guard scale != 1 else { return self }
        return SamplePair(sorted: reference.map { $0 * scale }, current: current.map { $0 * scale },
                          referenceMissing: referenceMissing, currentMissing: currentMissing)
    }

    static func sortedPresent(_ values: [Double]) throws -> ([Double], Int) {
        var present = [Double]()
        present.reserveCapacity(values.count)
        values.withUnsafeBufferPointer { buffer in
            for x in buffer where !x.isNaN { present.append(x) }
        }
        try Cancellation.check()
        let missing = values.count - present.count
        try present.sortAscending()
        return (present, missing)
    }
}

/// `body` of the reference and of the current sample, each on its own core when both hold at least 2^16 values
/// (below that, starting the second thread costs more than it saves).
func onBothSides<T: Sendable>(
    _ reference: [Double], _ current: [Double], _ body: @Sendable ([Double]) throws -> T
) throws -> (T, T) {
    let sides = [reference, current]
    let results = Swift.min(reference.count, current.count) >= 1 << 16
        ? concurrentMap(2) { side in Result { try body(sides[side]) } }
        : sides.map { side in Result { try body(side) } }
    return (try results[0].get(), try results[1].get())
}

/// Tie groups of the merged sorted samples: calls `body(referenceTies, currentTies)` once per distinct value in
/// ascending order, where each count is how many values of that side equal it.
@inline(__always)
func forEachTieGroup(
    _ reference: UnsafeBufferPointer<Double>, _ current: UnsafeBufferPointer<Double>,
    _ body: (_ value: Double, _ referenceTies: Int, _ currentTies: Int) -> Void
) {
    var i = 0, j = 0
    let n = reference.count, m = current.count
    while i < n || j < m {
        let value: Double
        if j >= m || (i < n && reference[i] <= current[j]) { value = reference[i] } else { value = current[j] }
        let i0 = i, j0 = j
        while i < n && reference[i] == value { i += 1 }
        while j < m && current[j] == value { j += 1 }
        body(value, i - i0, j - j0)
    }
}
