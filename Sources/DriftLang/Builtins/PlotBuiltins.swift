// Plot builtins: line, scatter and bar charts, plots of replays, drift reports and monitoring results, and save_svg.
import DriftCore
import Foundation

private func labels(_ arguments: Arguments) throws -> (title: String, x: String, y: String) {
    (try arguments.string(nil, "title", default: ""), try arguments.string(nil, "xlabel", default: ""), try arguments.string(nil, "ylabel", default: ""))
}

/// Series from `y`: one numeric vector, or a record of them (one named series each).
private func series(_ x: [Double], _ y: Value, style: XYChart.Style, name: String) throws -> [XYChart.Series] {
    func numbers(_ value: Value, _ label: String) throws -> [Double] {
        guard case .numeric(let column)? = value.asColumn else { throw BuiltinError("\(label) must be a numeric vector, got \(value.kindName)") }
        guard column.values.count == x.count else {
            throw BuiltinError("\(label) has \(counted(column.values.count, "value")) but x has \(x.count)")
        }
        return column.values
    }
    if case .record(let record) = y {
        return try record.fields.map { key, value in XYChart.Series(name: key, xs: x, ys: try numbers(value, "y.\(key)"), style: style) }
    }
    return [XYChart.Series(name: name, xs: x, ys: try numbers(y, "y"), style: style)]
}

/// `f(y)` plots against positions 0, 1, …; `f(x, y)` against x.
private func xyPlot(_ arguments: Arguments, style: XYChart.Style) throws -> Value {
    let first = try arguments.required(0, "x")
    let (title, xLabel, yLabel) = try labels(arguments)
    var x: [Double], y: Value
    if let second = arguments.optional(1, "y"), !second.isNull {
        x = try arguments.numbers(0, "x")
        y = second
    } else {
        y = first
        let count = first.asColumn?.count ?? 0
        x = (0..<count).map(Double.init)
    }
    let chart = XYChart(title: title, xLabel: xLabel, yLabel: yLabel, series: try series(x, y, style: style, name: yLabel.isEmpty ? "y" : yLabel))
    return .object(PlotObject(.xy(chart)))
}

/// A replay's score per batch, with the batches where the detector fired marked.
private func replayPlot(_ frame: DataFrame, title: String) throws -> Value {
    guard case .numeric(let batches)? = frame.column(named: "batch") else { throw BuiltinError("a replay needs a numeric batch column") }
    let metric = frame.column(named: "accuracy") != nil ? "accuracy" : "rmse"
    guard case .numeric(let scores)? = frame.column(named: metric) else { throw BuiltinError("a replay needs an accuracy or rmse column") }
    var markers: [Double] = []
    if case .boolean(let drifts)? = frame.column(named: "drift") {
        markers = zip(batches.values, drifts.values).filter { $0.1 == 1 }.map(\.0)
    }
    let chart = XYChart(
        title: title.isEmpty ? "\(metric) per batch" : title, xLabel: "batch", yLabel: metric,
        series: [.init(name: metric, xs: batches.values, ys: scores.values, style: .line)], markers: markers)
    return .object(PlotObject(.xy(chart)))
}

/// A drift report's columns against their thresholds on one scale, where 1 is the threshold: the
/// statistic over the threshold for distances, −log p over −log threshold for p-values (so a bar
/// past 1 drifted either way). Each bar is annotated with the raw statistic or p-value.
private func reportPlot(_ report: ReportObject, title: String) -> Value {
    let results = report.report.rows.compactMap { row in row.result.map { (row, $0) } }
    let scores = results.map { _, result -> Double in
        if let p = result.pValue { return -log10(max(p, 1e-300)) / -log10(result.threshold) }
        return result.statistic / result.threshold
    }
    let notes = results.map { _, result in
        result.pValue.map { "p " + NumberFormat.compact($0, digits: 3) } ?? NumberFormat.compact(result.statistic, digits: 4)
    }
    let chart = BarChart(
        title: title.isEmpty ? "drift per column: 1 = threshold, beyond it drifted (●)" : title,
        labels: results.map { row, result in (result.drifted ? "● " : "  ") + row.column + " (\(result.method))" },
        series: [.init(name: "drift score", values: scores, annotations: notes)],
        axis: .init(label: "drift score: statistic / threshold, or log p / log threshold", reference: (1, "threshold")))
    return .object(PlotObject(.bars(chart)))
}

/// Values over chunks, reference chunks first: the value line, the threshold lines, the alerting chunks as points,
/// and a marker where the analysis data begins. x is the chunk's position across both periods.
/// `extra` lines (name and a value per chunk) follow the value's.
private func chunkChart(
    title: String, yLabel: String, values: [Double], lower: [Double?], upper: [Double?], alerts: [Bool], referenceChunks: Int,
    extra: [(name: String, ys: [Double])] = []
) -> XYChart {
    let xs = values.indices.map(Double.init)
    var series = [XYChart.Series(name: yLabel, xs: xs, ys: values, style: .line)]
    series += extra.filter { $0.ys.contains { !$0.isNaN } }.map { XYChart.Series(name: $0.name, xs: xs, ys: $0.ys, style: .line) }
    if upper.contains(where: { $0 != nil }) { series.append(.init(name: "upper threshold", xs: xs, ys: upper.map { $0 ?? .nan }, style: .line)) }
    if lower.contains(where: { $0 != nil }) { series.append(.init(name: "lower threshold", xs: xs, ys: lower.map { $0 ?? .nan }, style: .line)) }
    let alerted = xs.indices.filter { alerts[$0] }
    if !alerted.isEmpty { series.append(.init(name: "alert", xs: alerted.map { xs[$0] }, ys: alerted.map { values[$0] }, style: .scatter)) }
    return XYChart(title: title, xLabel: "chunk (analysis from the marker on)", yLabel: yLabel, series: series,
                   markers: [Double(referenceChunks) - 0.5])
}

/// One chart per column and method of a monitor result.
private func monitorPlot(_ result: MonitorResultObject) -> Value {
    let charts = result.series.map { column, method, rows in
        let alerts = rows.filter { $0.alert && $0.period == .analysis }.count
        return chunkChart(
            title: "\(column): \(method.name) per chunk (\(counted(alerts, "alert")))", yLabel: method.name,
            values: rows.map(\.value), lower: rows.map(\.lower), upper: rows.map(\.upper), alerts: rows.map(\.alert),
            referenceChunks: result.monitor.referenceChunks.count)
    }
    return .object(PlotObject(.stack(charts)))
}

/// A one-value-per-chunk measure (reconstruction error, classifier AUC) over chunks with its band.
private func chunkMeasurePlot(_ result: any ChunkMeasureObject, measure: String, title: String) -> Value {
    let rows = result.rows
    let chart = chunkChart(
        title: title.isEmpty ? "\(measure) per chunk (\(counted(result.analysisAlerts.count, "alert")))" : title,
        yLabel: measure, values: rows.map(\.value), lower: rows.map(\.lower), upper: rows.map(\.upper),
        alerts: rows.map(\.alert), referenceChunks: result.referenceChunkCount)
    return .object(PlotObject(.xy(chart)))
}

/// One chart per metric of a performance result: the value with its sampling error band (estimates) and the
/// realized value where labels exist.
private func performancePlot(_ result: PerformanceResultObject) -> Value {
    let charts = result.series.map { metric, rows in
        let alerts = rows.filter { $0.alert && $0.period == .analysis }.count
        let bands: [(name: String, ys: [Double])] = result.estimation.estimated
            ? [("band − 3σ", rows.map(\.band.lower)), ("band + 3σ", rows.map(\.band.upper)), ("realized", rows.map(\.realized))] : []
        return chunkChart(
            title: "\(metric.name) per chunk, \(result.estimation.estimated ? "estimated" : "realized") (\(counted(alerts, "alert")))",
            yLabel: metric.name, values: rows.map(\.value), lower: rows.map(\.lower), upper: rows.map(\.upper),
            alerts: rows.map(\.alert), referenceChunks: result.estimation.referenceChunks.count, extra: bands)
    }
    return .object(PlotObject(.stack(charts)))
}

let plotBuiltins: [Builtin] = [
    Builtin(
        "plot(x, y = null, title: \"\", xlabel: \"\", ylabel: \"\")",
        doc: "A line chart of y against x (or of x against its positions). y may be a record of vectors, one line each. Given a replay dataframe (from replay), plots accuracy (or rmse) per batch with the batches where the detector fired marked; given a drift report, a bar per column on a common scale where 1 is the column's threshold (statistic / threshold for distances, log p / log threshold for p-values); given a monitor result, one chart per column and method of the value over chunks with its thresholds, the alerting chunks and a marker where the analysis data begins (save_svg keeps the first); given a reconstruction or classifier drift, its value over chunks likewise; given a performance estimate, each metric's estimate with its sampling error band (± 3σ) and the realized value where labels exist; given a serving simulation, accuracy, p99 latency and cumulative cost over time, one line per strategy. Draws with Braille dots in a terminal and SVG in notebooks.",
        example: #"let online = replay(stream, strategy: "online", batch: 250); let offline = replay(stream, strategy: "offline", batch: 250); plot(online.batch, {online: online.accuracy, offline: offline.accuracy}, title: "accuracy per batch")"#
    ) { arguments, _ in
        let (title, _, _) = try labels(arguments)
        switch try arguments.required(0, "x") {
        case .frame(let frame) where frame.column(named: "batch") != nil: return try replayPlot(frame, title: title)
        case .object(let report as ReportObject): return reportPlot(report, title: title)
        case .object(let monitor as MonitorResultObject): return monitorPlot(monitor)
        case .object(let drift as ReconstructionResultObject): return chunkMeasurePlot(drift, measure: "reconstruction error", title: title)
        case .object(let drift as ClassifierDriftResultObject): return chunkMeasurePlot(drift, measure: "classifier AUC", title: title)
        case .object(let performance as PerformanceResultObject): return performancePlot(performance)
        case .object(let simulation as ServingSimulationObject): return .object(PlotObject(.stack(simulation.charts)))
        default: return try xyPlot(arguments, style: .line)
        }
    },
    Builtin(
        "line(x, y = null, title: \"\", xlabel: \"\", ylabel: \"\")",
        doc: "A line chart of y against x; y may be a record of vectors, one line each. The same as plot on vectors.",
        example: #"line(range(len(v)), v, title: "income per application")"#
    ) { arguments, _ in try xyPlot(arguments, style: .line) },
    Builtin(
        "scatter(x, y, title: \"\", xlabel: \"\", ylabel: \"\")",
        doc: "A scatter plot of y against x; y may be a record of vectors, one colour each.",
        example: #"scatter(current.age, current.income, xlabel: "age", ylabel: "income")"#
    ) { arguments, _ in try xyPlot(arguments, style: .scatter) },
    Builtin(
        "bar(labels, values, title: \"\")",
        doc: "A bar chart with one bar per label; values may be a record of vectors for bars side by side.",
        example: #"bar(["north", "south"], [120, 80], title: "applications")"#
    ) { arguments, _ in
        let names = try arguments.column(0, "labels")
        let labels = (0..<names.count).map { Renderer.plainText(names.element(at: $0)) }
        let values = try arguments.required(1, "values")
        var series: [BarChart.Series] = []
        func add(_ name: String, _ value: Value) throws {
            guard case .numeric(let column)? = value.asColumn, column.values.count == labels.count else {
                throw BuiltinError("values must be numeric vectors as long as labels (\(labels.count))")
            }
            series.append(.init(name: name, values: column.values, annotations: column.values.map { NumberFormat.compact($0, digits: 4) }))
        }
        if case .record(let record) = values { for (key, value) in record.fields { try add(key, value) } } else { try add("value", values) }
        return .object(PlotObject(.bars(BarChart(title: try arguments.string(nil, "title", default: ""), labels: labels, series: series))))
    },
    Builtin(
        "save_svg(chart, path)",
        doc: "Writes a chart — a plot, a histogram or a histogram comparison — as a standalone SVG file, atomically.",
        example: #"save_svg(hist(reference.age, current.age), "age.svg")"#
    ) { arguments, _ in
        let value = try arguments.required(0, "chart")
        var renderer = Renderer(backend: .html)
        renderer.value(value)
        guard let svg = renderer.figures.first else { throw arguments.mismatch("chart", expected: "a plot or histogram", got: value) }
        try FileAccess.writeAtomically(Data((svg + "\n").utf8), to: try arguments.string(1, "path"))
        return .null
    },
]
