// DriftTests: the namespace of two-sample drift tests and the catalogue of numeric methods by name.

/// Two-sample drift tests between a reference and a current sample. Numeric tests take a `SamplePair` (missing
/// values dropped, both sides sorted once) or plain arrays; categorical tests take Columns.
public enum DriftTests {}

/// The numeric drift methods, by the names the language uses: the dispatch keys of the implementations (what
/// else is known about each method is its `DriftMethodDescriptor`).
public enum NumericDriftMethod: String, CaseIterable, Sendable {
    case ksTest = "ks_test"
    case cvmTest = "cvm_test"
    case andersonTest = "anderson_test"
    case mannWhitney = "mann_whitney"
    case tTest = "t_test"
    case wasserstein = "wasserstein"
    case wassersteinNormed = "wasserstein_normed"
    case energyDistance = "energy_distance"
    case psi = "psi"
    case klDivergence = "kl_divergence"
    case jsDistance = "js_distance"
    case hellinger = "hellinger"
    case tvd = "tvd"
    case mmd = "mmd"
}

extension DriftTests {
    /// Runs `method` on reference and current values (NaN is missing and dropped).
    public static func run(
        _ method: NumericDriftMethod, reference: [Double], current: [Double], threshold: Double? = nil,
        binning: Binning = .quantiles(bins: 10), mmd: MMDOptions = MMDOptions(),
        options: HypothesisOptions = HypothesisOptions()
    ) throws -> DriftTestResult {
        if case .quantiles(let bins) = binning, let divergence = ShareDivergence(rawValue: method.rawValue) {
            // Quantile bins need no sorted pair: a few order statistics and one pass over each sample.
            return try binnedDivergence(divergence, reference: reference, current: current, bins: bins,
                                        threshold: threshold ?? method.defaultThreshold)
        }
        return try run(method, on: SamplePair(reference: reference, current: current), threshold: threshold,
                       binning: binning, mmd: mmd, options: options)
    }

    /// Runs `method` on an already prepared pair, so several methods share one sort. `options` reach the methods
    /// whose descriptor takes them (an alternative: ks_test, mann_whitney, t_test; a p-value method: ks_test,
    /// mann_whitney).
    public static func run(
        _ method: NumericDriftMethod, on pair: SamplePair, threshold: Double? = nil,
        binning: Binning = .quantiles(bins: 10), mmd mmdOptions: MMDOptions = MMDOptions(),
        options: HypothesisOptions = HypothesisOptions()
    ) throws -> DriftTestResult {
        let threshold = threshold ?? method.defaultThreshold
        switch method {
        case .ksTest: return try kolmogorovSmirnov(pair, threshold: threshold, options: options)
        case .cvmTest: return try cramerVonMises(pair, threshold: threshold)
        case .andersonTest: return try andersonDarling(pair, threshold: threshold)
        case .mannWhitney: return try mannWhitney(pair, threshold: threshold, options: options)
        case .tTest: return try welchT(pair, threshold: threshold, alternative: options.alternative)
        case .wasserstein: return try wasserstein(pair, threshold: threshold)
        case .wassersteinNormed: return try wassersteinNormed(pair, threshold: threshold)
        case .energyDistance: return try energyDistance(pair, threshold: threshold)
        case .psi, .klDivergence, .jsDistance, .hellinger, .tvd:
            let divergence = ShareDivergence(rawValue: method.rawValue) ?? .psi
            return try binnedDivergence(divergence, pair, binning: binning, threshold: threshold)
        case .mmd: return try maximumMeanDiscrepancy(pair, options: mmdOptions, threshold: threshold)
        }
    }
}
