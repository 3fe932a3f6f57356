// PlotObject: a chart as a Drift value — lines, points or bars, or a stack of line charts — drawn by whichever back end shows it
// (Braille or block characters in a terminal, SVG in notebooks and save_svg).

final class PlotObject: DriftObject {
    enum Chart {
        case xy(XYChart)
        case bars(BarChart)
        /// Several line charts, one under the other (a monitor's columns).
        case stack([XYChart])
    }

    let chart: Chart

    init(_ chart: Chart) { self.chart = chart }

    var isChart: Bool { true }
    var kindName: String { "plot" }
    var fieldNames: [String] { ["title"] }

    func field(_ name: String) -> Value? {
        guard name == "title" else { return nil }
        switch chart {
        case .xy(let chart): return .string(chart.title)
        case .bars(let chart): return .string(chart.title)
        case .stack(let charts): return .string(charts.first?.title ?? "")
        }
    }

    func render(to renderer: inout Renderer) {
        switch chart {
        case .xy(let chart): renderer.xyChart(chart)
        case .bars(let chart): renderer.barChart(chart)
        case .stack(let charts): for chart in charts { renderer.xyChart(chart) }
        }
    }
}
