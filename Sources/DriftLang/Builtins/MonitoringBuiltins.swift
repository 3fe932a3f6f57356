// Monitoring builtins: `chunks`, `monitor`, `reconstruction_drift`, `classifier_drift`, `estimate_performance` and
// `realized_performance`, thin bindings to DriftCore's Chunking, UnivariateMonitor, ReconstructionDrift,
// ClassifierDrift and PerformanceEstimation (NannyML 0.13's chunkers, univariate and multivariate drift, CBPE,
// DLE). This file reads the language's arguments: how to chunk (size:, count:, or by: + every:), the methods per
// kind of column, the metrics, calibration and thresholds.
import DriftCore

/// The chunking named by `size:`, `count:` or `by:` + `every:` (one of them); NannyML's default, 10 chunks, when none
/// is given.
func chunking(_ arguments: Arguments) throws -> Chunking {
    let given = ["size", "count", "by", "every"].filter { arguments.optional(nil, $0).map(\.isNull) == false }
    if given.contains("by") || given.contains("every") {
        guard given.contains("by"), given.contains("every") else { throw BuiltinError("chunking by periods needs both by: (a date or datetime column) and every: (a period such as \"1w\")") }
        guard given.count == 2 else { throw BuiltinError("give size:, count: or by: with every:, not several") }
        return .period(column: try arguments.string(nil, "by"), every: try periodArgument(arguments, nil, "every"))
    }
    if given.count > 1 { throw BuiltinError("give size: or count:, not both") }
    if given == ["size"] { return .size(try arguments.integer(nil, "size", in: 1...Int(Int32.max))) }
    return .count(try arguments.integer(nil, "count", default: 10, in: 1...Int(Int32.max)))
}

/// A chunk as a record: index, key, start_index, end_index, start_date, end_date, rows.
private func record(_ chunk: Chunk) -> Value {
    .record(Record([
        ("index", .number(Double(chunk.index))), ("key", .string(chunk.key)),
        ("start_index", .number(Double(chunk.startIndex))), ("end_index", .number(Double(chunk.endIndex))),
        ("start_date", chunk.startDate.map(Value.time) ?? .null), ("end_date", chunk.endDate.map(Value.time) ?? .null),
        ("rows", .number(Double(chunk.rowCount))),
    ]))
}

/// The monitoring method called `name` (Drift's name or NannyML's).
private func monitorMethod(_ name: String) throws -> MonitorMethod {
    guard let method = MonitorMethod.named(name) else {
        throw BuiltinError("unknown monitoring method \(Renderer.quote(name))\(Suggestion.hint(for: name, among: MonitorMethod.names)); methods: \(MonitorMethod.names.joined(separator: ", "))")
    }
    return method
}

/// `methods:` — a record {num: [...], cat: [...]}, or a list of names (each goes to the kinds of column it takes).
private func monitorMethods(_ arguments: Arguments) throws -> MonitorMethods {
    guard let value = arguments.optional(nil, "methods"), !value.isNull else { return .standard }
    func names(_ value: Value, _ label: String) throws -> [MonitorMethod] {
        if case .string(let name) = value { return [try monitorMethod(name)] }
        guard case .vector(.text(let column)) = value else {
            if case .list(let items) = value, items.isEmpty { return [] }
            throw arguments.mismatch(label, expected: "a list of method names", got: value)
        }
        return try (0..<column.count).map { row in
            guard let name = column[row] else { throw BuiltinError("argument '\(label)' has a missing value") }
            return try monitorMethod(name)
        }
    }
    if case .record(let record) = value {
        for key in record.keys where key != "num" && key != "cat" {
            throw BuiltinError("methods has an unknown key '\(key)': use {num: [...], cat: [...]}")
        }
        return try MonitorMethods(
            numeric: try record["num"].map { try names($0, "methods.num") } ?? [],
            categorical: try record["cat"].map { try names($0, "methods.cat") } ?? [])
    }
    let all = try names(value, "methods")
    return try MonitorMethods(numeric: all.filter(\.takesNumbers), categorical: all.filter(\.takesCategories))
}

/// `columns:` — a list of names, or every shared column when absent or null.
private func columnNames(_ arguments: Arguments) throws -> [String]? {
    guard let value = arguments.optional(nil, "columns"), !value.isNull else { return nil }
    return try arguments.strings(nil, "columns")
}

/// `threshold:` — {kind: "std", k: 3} (or lower:/upper: multipliers) or {kind: "constant", lower:, upper:}.
private func monitorThreshold(_ arguments: Arguments) throws -> MonitorThreshold? {
    guard let value = arguments.optional(nil, "threshold"), !value.isNull else { return nil }
    guard case .record(let record) = value else {
        throw arguments.mismatch("threshold", expected: #"a record such as {kind: "std", k: 3} or {kind: "constant", upper: 0.1}"#, got: value)
    }
    func number(_ key: String) throws -> Double? {
        switch record[key] {
        case nil, .null?: return nil
        case .number(let number)?: return number
        case let other?: throw BuiltinError("threshold.\(key) must be a number, got \(other.kindName)")
        }
    }
    let allowed: [String]
    let threshold: MonitorThreshold
    switch record["kind"] {
    case .string("std")?:
        allowed = ["kind", "k", "lower", "upper"]
        let k = try number("k")
        threshold = .standardDeviations(lower: try number("lower") ?? k, upper: try number("upper") ?? k)
    case .string("constant")?:
        allowed = ["kind", "lower", "upper"]
        threshold = .constant(lower: try number("lower"), upper: try number("upper"))
    default:
        throw BuiltinError(#"threshold.kind must be "std" or "constant""#)
    }
    for key in record.keys where !allowed.contains(key) {
        throw BuiltinError("threshold has an unknown key '\(key)'\(Suggestion.hint(for: key, among: allowed))")
    }
    return try threshold.validated()
}

/// `metrics:` — a name or a list of names; `defaults` when absent or null.
private func performanceMetrics(_ arguments: Arguments, defaults: [PerformanceMetric]) throws -> [PerformanceMetric] {
    guard let value = arguments.optional(nil, "metrics"), !value.isNull else { return defaults }
    let names: [String]
    if case .string(let name) = value { names = [name] } else { names = try arguments.strings(nil, "metrics") }
    let known = defaults.map(\.name)
    return try names.map { name in
        guard let metric = PerformanceMetric.named(name) else {
            throw BuiltinError("unknown metric \(Renderer.quote(name))\(Suggestion.hint(for: name, among: known)); metrics: \(known.joined(separator: ", "))")
        }
        return metric
    }
}

/// `calibrate:` — "auto", true or false.
private func calibration(_ arguments: Arguments) throws -> Calibration {
    switch arguments.optional(nil, "calibrate") {
    case nil, .null?, .string("auto")?: return .auto
    case .bool(true)?: return .always
    case .bool(false)?: return .never
    case .string(let text)?: throw BuiltinError(#"calibrate: is \#(Renderer.quote(text)); use "auto", true (isotonic) or false"#)
    case let other?: throw arguments.mismatch("calibrate", expected: #""auto", true or false"#, got: other)
    }
}

/// estimate_performance's and realized_performance's result: a classifier's when probability: is given, a
/// regression model's otherwise; labels: + join: attach labels that arrived later.
private func performance(_ arguments: Arguments, estimated: Bool) throws -> Value {
    let (prediction, target) = (try arguments.string(nil, "prediction"), try arguments.string(nil, "target"))
    let reference = try arguments.frame(0, "reference")
    var analysis = try arguments.frame(1, "analysis")
    switch (arguments.optional(nil, "labels").map(\.isNull) == false, arguments.optional(nil, "join").map(\.isNull) == false) {
    case (true, true): analysis = try LateLabels.attach(try arguments.frame(nil, "labels"), to: analysis, on: try arguments.string(nil, "join"), target: target)
    case (false, false): break
    default: throw BuiltinError("labels: (a dataframe of ids and targets) and join: (the id column) go together")
    }
    let (chunking, threshold) = (try chunking(arguments), try monitorThreshold(arguments))
    guard let probability = arguments.optional(nil, "probability"), !probability.isNull else {
        let features = try arguments.optional(nil, "features").flatMap { $0.isNull ? nil : try arguments.strings(nil, "features") }
            ?? reference.names.filter { name in
                guard name != prediction, name != target, let column = analysis.column(named: name) else { return false }
                if case .time = column { return false }
                return true
            }
        return .object(try PerformanceResultObject(try PerformanceEstimation(
            reference: reference, analysis: analysis, regression: .init(prediction: prediction, target: target, features: features),
            metrics: try performanceMetrics(arguments, defaults: PerformanceMetric.regression), chunking: chunking,
            estimated: estimated, threshold: threshold)))
    }
    if arguments.optional(nil, "features").map(\.isNull) == false {
        throw BuiltinError("features: is for a regression model (without probability:); a classifier's estimate reads only its outputs")
    }
    let columns = PerformanceEstimation.Columns(probability: try arguments.string(nil, "probability"), prediction: prediction, target: target)
    return .object(try PerformanceResultObject(try PerformanceEstimation(
        reference: reference, analysis: analysis, columns: columns,
        metrics: try performanceMetrics(arguments, defaults: PerformanceMetric.classification), chunking: chunking, estimated: estimated,
        calibration: estimated ? try calibration(arguments) : .never, threshold: threshold)))
}

/// Reference and analysis as two table() sources, monitored by pushdown; nil when both are dataframes.
private func chunkedSources(_ arguments: Arguments) throws -> (reference: any ChunkedSummarySource, analysis: any ChunkedSummarySource, options: ColumnSummary.Options)? {
    let reference = arguments.lazySource(0, "reference"), analysis = arguments.lazySource(1, "analysis")
    guard reference != nil || analysis != nil else { return nil }
    guard let reference, let analysis, let a = reference.cache.source as? any ChunkedSummarySource,
          let b = analysis.cache.source as? any ChunkedSummarySource else {
        throw BuiltinError("this compares two dataframes, or two table() sources (chunked in the database); a scan_csv source cannot be chunked: load it with read_csv")
    }
    return (a, b, reference.cache.options)
}

let monitoringBuiltins: [Builtin] = [
    Builtin(
        "chunks(df, size: null, count: null, by: null, every: null)",
        doc: "Splits a dataframe's rows into consecutive chunks as NannyML's chunkers do, for monitoring over time: size: rows per chunk, or count: chunks of rows / count rows each (integer division). An incomplete last chunk is kept as it is (NannyML's default), so count: 7 on 3000 rows gives seven chunks of 428 and an eighth of 4. Without either, count: 10. by: a date or datetime column and every: a period (\"1d\", \"1w\", \"1mo\", \"1q\", \"1y\", \"1h\") make one chunk per calendar period that has rows, as NannyML's PeriodBasedChunker: the rows are first sorted by the timestamp, periods without rows are skipped, rows without a timestamp belong to no chunk; weeks run Monday to Sunday. Returns a list of records {index, key, start_index, end_index, start_date, end_date, rows}; row positions count from 0 (in the sorted frame for periods) and end_index is the chunk's last row, as NannyML's; key is \"[start:end]\", or the period as pandas prints it (\"2024-01-01/2024-01-07\", \"2024-03\"); start_date and end_date are the period's first and last instant (or day, for a date column), null for row chunks.",
        example: "chunks(reference, size: 200)"
    ) { arguments, _ in
        let frame = try arguments.frame(0, "df")
        return .list(try chunking(arguments).chunks(of: frame).map(record))
    },
    Builtin(
        "monitor(reference, analysis, columns: null, methods: null, size: null, count: null, by: null, every: null, threshold: null, by_segment: null)",
        doc: """
            Univariate drift over time, as NannyML's UnivariateDriftCalculator: both dataframes are split into chunks (size: or count:, as chunks; default count: 10), and every chunk — the reference's own too — is compared with the whole reference, column by column and method by method; by: + every: chunk by calendar periods of a timestamp column, as chunks. Methods (docs/monitoring.md has the table): ks, wasserstein, js, hellinger for numbers; chi2, js, hellinger, l_infinity for strings and booleans; NannyML's names (kolmogorov_smirnov, jensen_shannon) work too. methods: a record {num: [...], cat: [...]}, or a list whose names go to the kinds of column they take; default {num: ["ks", "js"], cat: ["chi2", "js"]}. columns: default every reference column the analysis data has.
            Thresholds are NannyML's: an alert when a chunk's value is above the mean + 3 standard deviations of the reference chunks' values (clipped to the method's range); chi2 alerts when its p-value is below 0.05 instead. threshold: {kind: "std", k: 3} (both sides; or lower:/upper: multipliers) or {kind: "constant", lower:, upper:} overrides. Missing values are dropped; a chunk without values has a null value and no alert.
            Returns a monitor result: table (chunk, key, start, end, period, column, method, value, lower, upper, alert; start and end are row positions, end inclusive, or a period chunk's first and last instant or day), alerts (the analysis rows that alerted), alerted_columns, n_alerts, columns. plot(m) draws each column's values with the threshold; explain(m) says what alerted, since when and how strongly.
            On two table() sources the per-chunk summaries run in the database (size: or count: chunks numbered in the order of table(..., order_by:), or by: + every: periods of a date or datetime column computed in SQL), one scan per statistic pass; ks and wasserstein then come from sketches (docs/databases.md states how close); by_segment: there numbers each segment's chunks in the same GROUP BY key, every segment in one pass.
            by_segment: a text or boolean column monitors the whole data and then each segment (the rows sharing a value) on its own — each segment's reference rows against its analysis rows, chunked alike; the table gains a first column segment ("overall" or the segment's value), the result the fields segments, new_segments (only in the analysis data) and vanished_segments (only in the reference). The summary, alerts fields and plot are the overall ones plus one line per segment.
            """,
        example: #"monitor(reference, current, columns: ["age", "income", "region"], size: 100)"#
    ) { arguments, _ in
        let (columns, methods) = (try columnNames(arguments), try monitorMethods(arguments))
        let (chunking, threshold) = (try chunking(arguments), try monitorThreshold(arguments))
        if let tables = try chunkedSources(arguments) {
            if let segment = arguments.optional(nil, "by_segment"), !segment.isNull {
                guard let reference = tables.reference as? any SegmentedChunkedSummarySource,
                      let analysis = tables.analysis as? any SegmentedChunkedSummarySource else {
                    throw BuiltinError("by_segment: needs two dataframes or two table() sources")
                }
                return .object(try MonitorResultObject(try SegmentedMonitor(
                    reference: reference, analysis: analysis, by: try arguments.string(nil, "by_segment"), columns: columns,
                    methods: methods, chunking: chunking, threshold: threshold, options: tables.options)))
            }
            return .object(try MonitorResultObject(try UnivariateMonitor(
                reference: tables.reference, analysis: tables.analysis, columns: columns, methods: methods, chunking: chunking,
                threshold: threshold, options: tables.options)))
        }
        let (reference, analysis) = (try arguments.frame(0, "reference"), try arguments.frame(1, "analysis"))
        if let segment = arguments.optional(nil, "by_segment"), !segment.isNull {
            return .object(try MonitorResultObject(try SegmentedMonitor(
                reference: reference, analysis: analysis, by: try arguments.string(nil, "by_segment"), columns: columns,
                methods: methods, chunking: chunking, threshold: threshold)))
        }
        return .object(try MonitorResultObject(try UnivariateMonitor(
            reference: reference, analysis: analysis, columns: columns, methods: methods, chunking: chunking, threshold: threshold)))
    },
    Builtin(
        "reconstruction_drift(reference, analysis, columns: null, size: null, count: null, by: null, every: null, threshold: null)",
        doc: """
            Multivariate drift over time, as NannyML's DataReconstructionDriftCalculator: fitted on the reference, missing numbers become the reference mean and missing categories its most frequent one; each category becomes its share of the reference (one the reference never had becomes 0); the columns are standardised and PCA keeps the fewest components explaining more than 65% of the variance. Each chunk's value is its rows' mean distance from their reconstruction through those components — it grows when the relations between columns change, even when each column alone looks stable. Chunks as for monitor (size:, count:, or by: + every:; default count: 10).
            Thresholds: mean ± 3 standard deviations of the reference chunks' values (a lower bound at or below 0 is dropped); a chunk alerts unless its value lies strictly inside. threshold: {kind: "std", k: 3} or {kind: "constant", lower:, upper:} overrides. Returns a result with table (chunk, key, start, end, period, value, sampling_error, lower, upper, alert), alerts, n_alerts, components and columns; plot and explain take it.
            On two table() sources it runs in the database: the fit from sums of products of deviations from the means (a text or boolean column's categories counted in the reference and read through a CASE of their shares, at most 1,000 categories), each row's error as an SQL expression of the fitted axes, averaged per chunk (the chunk a GROUP BY key); docs/databases.md.
            """,
        example: #"reconstruction_drift(reference, current, columns: ["age", "income", "debt_ratio", "region"], size: 100)"#
    ) { arguments, _ in
        let (columns, chunking, threshold) = (try columnNames(arguments), try chunking(arguments), try monitorThreshold(arguments))
        if let tables = try chunkedSources(arguments) {
            guard let reference = tables.reference as? any ReconstructionSummarySource,
                  let analysis = tables.analysis as? any ReconstructionSummarySource else {
                throw BuiltinError("reconstruction_drift compares two dataframes or two table() sources")
            }
            return .object(try ReconstructionResultObject(try ReconstructionDrift(
                reference: reference, analysis: analysis, columns: columns, chunking: chunking, threshold: threshold)))
        }
        let drift = try ReconstructionDrift(
            reference: try arguments.frame(0, "reference"), analysis: try arguments.frame(1, "analysis"),
            columns: columns, chunking: chunking, threshold: threshold)
        return .object(try ReconstructionResultObject(drift))
    },
    Builtin(
        "classifier_drift(reference, analysis, columns: null, size: null, count: null, by: null, every: null, threshold: null)",
        doc: """
            Multivariate drift over time, as NannyML's DomainClassifierCalculator: for each analysis chunk, a classifier learns to tell the chunk's rows from the whole reference's; for each reference chunk, its rows from the rest of the reference. The chunk's value is the ROC AUC of a 5-fold stratified cross-validation (unshuffled, as scikit-learn's StratifiedKFold): 0.5 when the chunk looks like the reference, towards 1 as it drifts — in any column, or in how the columns go together. The classifier is Drift's gradient-boosted trees with LightGBM's default settings (NannyML fits LightGBM itself, so values are close to NannyML's, not equal: docs/monitoring.md says how close). columns: numbers, text and booleans (missing values allowed); default every column both frames have but dates and times. Chunks as for monitor (size:, count:, or by: + every:; default count: 10); a chunk with fewer than 2 rows has no value.
            Thresholds: NannyML's constant 0.45 and 0.65; a chunk alerts when its AUC leaves them. threshold: {kind: "constant", lower:, upper:} or {kind: "std", k: 3} overrides. Returns a result with table (chunk, key, start, end, period, value, lower, upper, alert), alerts, n_alerts and columns; plot and explain take it.
            """,
        example: #"classifier_drift(reference, current, columns: ["age", "income", "region"], size: 200)"#
    ) { arguments, _ in
        let drift = try ClassifierDrift(
            reference: try arguments.frame(0, "reference"), analysis: try arguments.frame(1, "analysis"),
            columns: try columnNames(arguments), chunking: try chunking(arguments),
            threshold: try monitorThreshold(arguments))
        return .object(try ClassifierDriftResultObject(drift))
    },
    Builtin(
        "estimate_performance(reference, analysis, probability: null, prediction:, target:, metrics: null, features: null, size: null, count: null, by: null, every: null, calibrate: \"auto\", threshold: null, labels: null, join: null)",
        doc: """
            A binary classifier's performance per chunk estimated without labels, as NannyML's CBPE: probability: names the column of predicted probabilities of class 1, prediction: the predicted labels (0/1 or booleans), target: the true labels, which the reference must have on every row. Fitted on the reference: if calibrate: says so, an isotonic regression of the labels on the probabilities calibrates them ("auto": when a 10-fold cross-validation on the reference says it lowers the Brier score; true; false). Each chunk's expected confusion matrix counts a row predicted 1 as a true positive with its calibrated probability p and a false positive with 1 − p (predicted 0: a false negative with p, a true negative with 1 − p), giving accuracy, precision, recall and f1; roc_auc traces the expected ROC curve of the rows ranked by probability. metrics: any of roc_auc, accuracy, precision, recall, f1 (default all). Chunks as monitor (size:, count:, or by: + every:; default count: 10).
            Each value has NannyML's sampling error; thresholds are the mean ± 3 standard deviations of the reference chunks' realized values, clipped to [0, 1] (threshold: overrides, as for monitor), and a chunk alerts when its estimate leaves them. Where the analysis data has the target column, realized holds the metric from its labels; labels: a dataframe of ids and targets that arrived later, with join: the id column both have, attaches them first (a left join: rows without a label stay, unlabelled). Returns a result with table (chunk, key, start, end, period, metric, value, sampling_error, lower, upper, alert, realized), alerts, n_alerts, metrics and calibrated; plot and explain take it.
            Without probability:, a regression model's performance, as NannyML's DLE (direct loss estimation): prediction: its predictions, target: the true values (the reference needs them; its rows without one are left out). Fitted on the reference: gradient-boosted trees (Drift's, with LightGBM's default settings, where NannyML fits LightGBM: values are close to NannyML's, not equal; docs/monitoring.md says how close) predict each row's absolute error (mae) or squared error (mse, rmse) from features: (default every column both frames have but the prediction, the target, dates and times) and the prediction. A chunk's estimate is the mean predicted error (rmse its square root). metrics: any of mae, mse, rmse (default all); sampling errors and thresholds as NannyML's (mean ± 3 standard deviations of the reference chunks' realized values, at least 0).
            """,
        example: #"let scored = (df) => with_column(with_column(df, "p", 1 - df.debt_ratio), "y_pred", df.debt_ratio < 0.5); estimate_performance(scored(reference), scored(current), probability: "p", prediction: "y_pred", target: "approved", size: 100)"#
    ) { arguments, _ in try performance(arguments, estimated: true) },
    Builtin(
        "realized_performance(reference, analysis, probability: null, prediction:, target:, metrics: null, size: null, count: null, by: null, every: null, threshold: null, labels: null, join: null)",
        doc: "The same table as estimate_performance, from labels: each chunk's value is the metric from its labels (rows without a label are left out; a chunk with none has a missing value), with the same sampling errors and thresholds (the reference chunks' realized values, mean ± 3 standard deviations), as NannyML's PerformanceCalculator. A classifier's metrics with probability:, a regression model's (mae, mse, rmse) without. The analysis data needs the target column, or labels: a dataframe of ids and targets that arrived later, with join: the id column both have (a left join on it: every analysis row stays, in order; the labels' target replaces any the analysis data had; an id may have one label).",
        example: #"let scored = with_column(with_column(current, "p", 1 - current.debt_ratio), "y_pred", current.debt_ratio < 0.5); let ids = with_column(scored, "id", range(nrow(scored))); let late = select(ids[ids.id < 200], ["id", "approved"]); realized_performance(ids, select(ids, ["id", "p", "y_pred"]), probability: "p", prediction: "y_pred", target: "approved", metrics: ["accuracy"], size: 100, labels: late, join: "id")"#
    ) { arguments, _ in try performance(arguments, estimated: false) },
]
