// FuzzTarget: what DriftFuzz fuzzes, chosen by the environment variable DRIFT_FUZZ_TARGET (`tools/fuzz.sh TARGET`):
// Drift programs (`language`, the default), CSV files (`csv`), saved model files (`model`) or Parquet files
// (`parquet`). Every target takes any bytes and ends in a result or an error within a 1-second budget (after
// it, Ctrl-C's flag is set); anything else — a trap, a crash, an address-sanitizer report, a hang — is a finding.
import DriftCore
import Foundation
import Synchronization

/// Counts inputs so a late timer cannot cancel the next input's run.
private let generation = Atomic<Int>(0)

enum FuzzTarget: String, CaseIterable {
    case language, csv, model, parquet

    /// The target DRIFT_FUZZ_TARGET names, the language when it is unset, nil for an unknown name.
    static func chosen() -> FuzzTarget? {
        guard let name = FileAccess.environment("DRIFT_FUZZ_TARGET"), !name.isEmpty else { return .language }
        return FuzzTarget(rawValue: name)
    }

    /// Runs one input; returns what came of it ("ok …" or the error's text), which the replayer prints.
    @discardableResult
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let mine = generation.add(1, ordering: .relaxed).newValue
        Cancellation.reset()
        DispatchQueue.global().asyncAfter(deadline: .now() + 1) {
            if generation.load(ordering: .relaxed) == mine { Cancellation.request() }
        }
        switch self {
        case .language: return FuzzInput.run(bytes)
        case .csv: return CSVFuzzInput.run(bytes)
        case .model: return ModelFuzzInput.run(bytes)
        case .parquet: return ParquetFuzzInput.run(bytes)
        }
    }
}
