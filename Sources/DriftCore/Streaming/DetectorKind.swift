// DetectorKind: the streaming detectors by the names the language uses, each with River's defaults.

public enum DetectorKind: String, CaseIterable, Sendable {
    case adwin, ddm, eddm
    case hddmA = "hddm_a"
    case hddmW = "hddm_w"
    case pageHinkley = "page_hinkley"
    case kswin

    /// A fresh detector with its default parameters.
    public func makeDefault() throws -> any DriftDetector {
        switch self {
        case .adwin: try ADWIN()
        case .ddm: try DDM()
        case .eddm: try EDDM()
        case .hddmA: try HDDMA()
        case .hddmW: try HDDMW()
        case .pageHinkley: try PageHinkley()
        case .kswin: try KSWIN()
        }
    }

    /// Whether it watches a stream of 0/1 errors rather than any numbers.
    public var requiresBinaryInput: Bool {
        switch self {
        case .ddm, .eddm, .hddmA, .hddmW: true
        case .adwin, .pageHinkley, .kswin: false
        }
    }
}
