// The charts plot() draws for a serving simulation: accuracy (or RMSE), p99 latency and cumulative cost
// over time, one line per strategy, from its timeline; x is hours since serving started.
import DriftCore

extension ServingSimulationObject {
    var charts: [XYChart] {
        func chart(_ title: String, _ yLabel: String, _ value: (TimelineStep) -> Double) -> XYChart {
            let series = result.strategies.map { outcome in
                XYChart.Series(
                    name: outcome.plan.name,
                    xs: outcome.timeline.map { Double($0.start - result.start) / Double(Micros.hour) },
                    ys: outcome.timeline.map(value), style: .line)
            }
            var chart = XYChart(title: title, xLabel: "hours since serving started", yLabel: yLabel, series: series)
            if let change = result.options.changeAt { chart.markers = [Double(change - result.start) / Double(Micros.hour)] }
            return chart
        }
        let step = DurationText.text(result.grid.step)
        return [
            chart("\(result.metric) per \(step)", result.metric, \.score),
            chart("p99 latency per \(step) (ms)", "p99 ms", \.p99Milliseconds),
            chart("cost so far ($)", "dollars", \.cumulativeCost),
        ]
    }
}
