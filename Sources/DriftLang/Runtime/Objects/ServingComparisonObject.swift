// ServingComparisonObject: the serving trade-off table (one row per strategy) with each strategy's
// replay kept as a dataframe.
import DriftCore

final class ServingComparisonObject: DriftObject {
    let table: DataFrame
    let replays: Record
    let metric: String

    init(summaries: [ServingSummary], results: [ReplayResult], metric: String) throws {
        self.metric = metric
        func numbers(_ value: (ServingSummary) -> Double?) -> Column { .numeric(NumericColumn(summaries.map { value($0) ?? .nan })) }
        table = try DataFrame([
            ("strategy", .text(TextColumn(summaries.map(\.strategy.rawValue)))),
            ("\(metric)_before", numbers(\.scoreBefore)),
            ("\(metric)_after", numbers(\.scoreAfter)),
            ("recovery", numbers { $0.recoveryBatches.map(Double.init) }),
            ("rows_trained", numbers { Double($0.rowsTrained) }),
            ("staleness", numbers(\.meanModelAge)),
            ("predict_us", numbers(\.predictMicroseconds)),
            ("update_ms", numbers(\.updateMilliseconds)),
        ])
        replays = Record(try results.map { ($0.strategy.rawValue, .frame(try $0.table())) })
    }

    var kindName: String { "serving comparison" }
    var fieldNames: [String] { ["table", "replays"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "table": return .frame(table)
        case "replays": return .record(replays)
        default: return nil
        }
    }

    func render(to renderer: inout Renderer) {
        renderer.text("serving strategies compared (\(metric) before/after the change; recovery in batches; staleness = mean model age in batches)\n")
        FrameDisplay.render(table, to: &renderer)
    }
}
