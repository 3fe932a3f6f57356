// ServingSimulationObject: a serving simulation as a Drift value — shown as the seed's table (one column per
// strategy, one row per aspect), with the metrics and timeline as dataframes and the costs it charged (in the form simulate_serving's
// costs: takes, to rerun with the same ones).
import DriftCore

final class ServingSimulationObject: DriftObject {
    let result: ServingSimulationResult
    let metrics: DataFrame
    let timeline: DataFrame

    init(_ result: ServingSimulationResult) throws {
        self.result = result
        metrics = try result.metricsTable()
        timeline = try result.timelineTable()
    }

    var aspects: ServingAspects { ServingAspects(result: result) }

    var kindName: String { "serving simulation" }
    var fieldNames: [String] { ["metrics", "timeline", "costs", "strategies"] }

    func field(_ name: String) -> Value? {
        switch name {
        case "metrics": return .frame(metrics)
        case "timeline": return .frame(timeline)
        case "strategies": return .vector(.text(TextColumn(result.strategies.map(\.plan.name))))
        case "costs":
            let costs = result.costs
            return .record(Record([
                ("score_ms", .number(costs.scoreRequestSeconds * 1000)), ("batch_row_ms", .number(costs.batchScoreRowSeconds * 1000)),
                ("train_row_ms", .number(costs.trainRowSeconds * 1000)), ("lookup_ms", .number(costs.lookupSeconds * 1000)),
            ]))
        default: return nil
        }
    }

    func render(to renderer: inout Renderer) {
        let names = result.strategies.map(\.plan.name)
        renderer.table(headers: ["aspect"] + names, types: nil, rows: aspects.rows,
                       rightAligned: Array(repeating: false, count: names.count + 1), footer: aspects.note)
    }
}
