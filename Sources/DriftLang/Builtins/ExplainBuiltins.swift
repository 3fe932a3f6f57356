// Explain builtins: plain-language readings of test results, drift reports, domain classifiers, serving
// comparisons and monitoring results — what was measured, what this value means, and what to look at next. What a drift
// method measures and how its statistic is usually read come from its `DriftMethodDescriptor`.
import DriftCore

private func explain(_ result: DriftTestResult) -> String {
    let method = DriftMethodDescriptor.named(result.method)
    var sentences = [method?.explanation ?? "\(result.method) compares the reference and current samples."]
    let n = result.referenceCount + result.currentCount
    if let p = result.pValue {
        let pText = NumberFormat.compact(p, digits: 3), threshold = NumberFormat.shortest(result.threshold)
        sentences.append(result.drifted
            ? "Here it is \(NumberFormat.compact(result.statistic, digits: 4)) with p = \(pText), below \(threshold): samples this different would rarely come from one distribution, so the data drifted."
            : "Here it is \(NumberFormat.compact(result.statistic, digits: 4)) with p = \(pText), not below \(threshold): the difference is within what chance would give, so no drift is shown (which is not proof that nothing changed).")
        if result.alternative != .twoSided, let lessMeans = method?.lessMeans {
            sentences.append("The test was one-sided, alternative \"\(result.alternative.rawValue)\" (\"less\" looks for evidence that \(lessMeans), \"greater\" the other way): a shift in the direction not tested gives a large p-value.")
        }
        if result.drifted && n > 5000 {
            sentences.append("With \(n) values even a negligible shift gives a tiny p-value, so the p-value says the shift is real, not that it matters: check an effect size such as wasserstein_normed or psi before acting.")
        }
        if let reading = method?.reading { sentences.append(reading) }
        if !result.drifted && n < 100 {
            sentences.append("With only \(n) values a real shift can go unnoticed; collect more data before concluding.")
        }
    } else {
        sentences.append("Here it is \(NumberFormat.compact(result.statistic, digits: 4)), \(result.drifted ? "at or above" : "below") the threshold \(NumberFormat.shortest(result.threshold)), so \(result.drifted ? "the distribution moved enough to call it drift" : "the shift is too small to call drift").")
        if let reading = method?.reading { sentences.append(reading) }
    }
    if !result.newCategories.isEmpty {
        sentences.append("New categories appeared that the reference never had (\(result.newCategories.joined(separator: ", "))): a model trained on the reference has never seen them.")
    }
    if !result.missingCategories.isEmpty {
        sentences.append("Categories vanished (\(result.missingCategories.joined(separator: ", "))).")
    }
    if result.referenceMissing + result.currentMissing > 0 {
        sentences.append("\(result.referenceMissing) reference and \(result.currentMissing) current values were missing and left out; a change in missingness can be drift too.")
    }
    sentences.append(result.drifted
        ? "Next: look at hist(reference, current) to see where the distributions differ, and check whether the model's accuracy on recent labelled data dropped."
        : "Next: keep monitoring (rolling_drift shows the statistic per time window).")
    return sentences.joined(separator: " ")
}

private func explain(_ report: ReportObject) -> String {
    let summary = report.report
    var sentences = ["The report tested \(counted(summary.testedCount, "column")), each with the method Evidently's rule picks (or the one you named), and \(summary.driftedCount) drifted (\(NumberFormat.compact(100 * summary.shareDrifted, digits: 3))%)."]
    sentences.append(summary.datasetDrifted
        ? "That is at least the \(NumberFormat.compact(100 * summary.shareThreshold, digits: 3))% share that marks the dataset as drifted."
        : "That is below the \(NumberFormat.compact(100 * summary.shareThreshold, digits: 3))% share that would mark the dataset as drifted.")
    if !summary.driftedColumns.isEmpty { sentences.append("Drifted: \(summary.driftedColumns.joined(separator: ", ")).") }
    let fresh = summary.rows.filter { !($0.result?.newCategories.isEmpty ?? true) }
    if !fresh.isEmpty {
        sentences.append("New categories appeared in \(fresh.map(\.column).joined(separator: ", ")).")
    }
    let untested = summary.rows.filter { $0.result == nil }
    if !untested.isEmpty { sentences.append("Not tested: \(untested.map { "\($0.column) (\($0.note))" }.joined(separator: ", ")).") }
    sentences.append("Next: look at the histograms of the drifted columns, explain() each of their test results, and if labels are available, score the model on current data to see whether the drift matters.")
    return sentences.joined(separator: " ")
}

private func explain(_ classifier: DomainClassifierObject) -> String {
    let result = classifier.result
    var sentences = ["A \(result.model.rawValue) model tried to tell current rows from reference rows; its cross-validated AUC is \(NumberFormat.compact(result.auc, digits: 3)) (0.5 means it cannot tell them apart, 1 means it always can)."]
    sentences.append(result.drifted
        ? "Above \(NumberFormat.shortest(result.threshold)), the two samples are distinguishable as a whole: multivariate drift, which can hide even when every column alone looks stable."
        : "At or below \(NumberFormat.shortest(result.threshold)), the samples look alike as a whole.")
    if let top = result.featureAUCs.first { sentences.append("The most telling feature on its own is \(top.feature) (AUC \(NumberFormat.compact(top.auc, digits: 3))).") }
    return sentences.joined(separator: " ")
}

private func explain(_ comparison: ServingComparisonObject) throws -> String {
    let table = comparison.table
    guard case .text(let strategies)? = table.column(named: "strategy"),
          case .numeric(let after)? = table.column(named: "\(comparison.metric)_after"),
          case .numeric(let recovery)? = table.column(named: "recovery"),
          case .numeric(let trained)? = table.column(named: "rows_trained") else { return "A serving comparison." }
    let names = (0..<strategies.count).map { strategies[$0] ?? "" }
    let higherIsBetter = comparison.metric == "accuracy"
    let best = after.values.indices.max { higherIsBetter ? after.values[$0] < after.values[$1] : after.values[$0] > after.values[$1] } ?? 0
    let cheapest = trained.values.indices.min { trained.values[$0] < trained.values[$1] } ?? 0
    var sentences = ["Each strategy served the same stream, predicting every batch before learning from it."]
    sentences.append("After the change \(names[best]) serving kept the best \(comparison.metric) (\(NumberFormat.compact(after.values[best], digits: 3))), and \(names[cheapest]) did the least training (\(Int(trained.values[cheapest])) rows).")
    let recovered = recovery.values.indices.filter { !recovery.values[$0].isNaN }.map { "\(names[$0]) in \(Int(recovery.values[$0])) batches" }
    if !recovered.isEmpty { sentences.append("Back within 0.05 of the accuracy before the change: \(recovered.joined(separator: ", ")).") }
    sentences.append("Online serving is fresh but pays for training all the time; offline serving is cheap but stale until its next retrain; triggered serving retrains only when a detector sees the errors rise.")
    return sentences.joined(separator: " ")
}

/// Which columns alerted, since which chunk and how strongly; what the methods measure; what to do next.
private func explain(_ result: MonitorResultObject) -> String {
    let monitor = result.monitor
    var sentences = ["Each of \(counted(monitor.referenceChunks.count, "reference chunk")) and \(counted(monitor.analysisChunks.count, "analysis chunk")) (\(monitor.chunking.description)) was compared with the whole reference, column by column; a chunk alerts when its value goes above the mean + 3 standard deviations of the reference chunks' own values (chi2: when its p-value is below 0.05), so the band reflects how much the reference varies by itself."]
    let alerted = result.series.filter { $0.rows.contains { $0.alert && $0.period == .analysis } }
    if alerted.isEmpty {
        sentences.append("No analysis chunk alerted in any column.")
    }
    for column in result.alertedColumns {
        let parts = alerted.filter { $0.column == column }.map { _, method, rows -> String in
            let analysis = rows.filter { $0.period == .analysis }
            let alerts = analysis.filter(\.alert)
            let sinceFirst = analysis.drop { !$0.alert }
            let persistent = !sinceFirst.isEmpty && sinceFirst.allSatisfy(\.alert)
            var text = "\(method.name) in \(alerts.count) of \(analysis.count) chunks from \(alerts.first?.chunk.key ?? "")\(persistent ? " on, to the last" : "")"
            if let strongest = alerts.max(by: { $0.value < $1.value }), let upper = strongest.upper, upper > 0 {
                text += " (at most \(NumberFormat.compact(strongest.value, digits: 4)), \(NumberFormat.compact(strongest.value / upper, digits: 3))× the threshold \(NumberFormat.compact(upper, digits: 4)))"
            } else if let strongest = alerts.max(by: { $0.value < $1.value }) {
                text += " (at most \(NumberFormat.compact(strongest.value, digits: 4)))"
            }
            return text
        }
        sentences.append("\(column) alerted: \(parts.joined(separator: "; ")).")
    }
    let stable = monitor.columns.filter { !result.alertedColumns.contains($0) }
    if !stable.isEmpty && !alerted.isEmpty { sentences.append("Stable: \(stable.joined(separator: ", ")).") }
    if let segments = result.segmentSummary { sentences.append("By segment (each against its own reference rows): " + segments.split(separator: "\n").joined(separator: "; ") + ".") }
    let methods = Set(monitor.rows.map(\.method.name))
    sentences += MonitorMethod.all.filter { methods.contains($0.name) }.map(\.explanation)
    let next = alerted.isEmpty
        ? "Next: keep monitoring; reconstruction_drift watches the relations between columns, which can move while each column looks stable."
        : "Next: plot(m) shows when each column moved; compare the alerting chunks' histograms with the reference's, and check whether the model's performance moved with them (score it once labels arrive)."
    return (sentences + [next]).joined(separator: " ")
}

private func explain(_ result: ReconstructionResultObject) -> String {
    let drift = result.drift
    return explainChunkMeasure(result, method: "PCA fitted on the reference keeps \(counted(drift.components, "component")) of \(drift.columns.count) standardised columns, enough for 65% of their variance; each chunk's value is the mean distance of its rows from their reconstruction through those components. It grows when the relations between the columns change, even if each column alone looks stable.",
        band: "The error should stay \(result.band) (the reference chunks' mean ± 3 standard deviations).", largest: "the largest error",
        next: "Next: monitor(reference, analysis) shows which columns moved in those chunks; if none did alone, look at pairs of columns (scatter plots of the reference against the alerting chunks).",
        calm: "No analysis chunk alerted: the columns keep the reference's structure.")
}

private func explain(_ result: ClassifierDriftResultObject) -> String {
    explainChunkMeasure(result, method: "For each chunk, boosted trees learn to tell the chunk's rows from the reference's (\(result.drift.columns.joined(separator: ", "))); the value is their \(ClassifierDrift.folds)-fold cross-validated ROC AUC: 0.5 when the chunk looks like the reference, towards 1 as it moves away, in any column or in how the columns go together.",
        band: "The AUC should stay \(result.band) (NannyML's constant thresholds).", largest: "the highest AUC",
        next: "Next: monitor(reference, analysis) shows which columns moved in those chunks, and domain_classifier(reference, chunk) ranks the columns by how well each alone tells the chunk from the reference.",
        calm: "No analysis chunk alerted: a classifier cannot tell the chunks from the reference.")
}

/// What the measure is, its band, which analysis chunks alerted from when and where it peaked, and what next.
private func explainChunkMeasure(_ result: any ChunkMeasureObject, method: String, band: String, largest: String, next: String, calm: String) -> String {
    var sentences = [method, band]
    if let first = result.analysisAlerts.first, let strongest = result.analysisAlerts.max(by: { $0.value < $1.value }) {
        sentences.append("\(result.analysisAlerts.count) of \(result.analysisRows.count) analysis chunks alerted, from \(first.chunk.key); \(largest) is \(NumberFormat.compact(strongest.value, digits: 4)) in \(strongest.chunk.key).")
        sentences.append(next)
    } else {
        sentences.append(calm)
    }
    return sentences.joined(separator: " ")
}

/// Which metrics alerted, since when, how the estimate compares with the labels where they exist.
private func explain(_ result: PerformanceResultObject) -> String {
    let estimation = result.estimation
    var sentences = ["Each of \(counted(estimation.referenceChunks.count, "reference chunk")) and \(counted(estimation.analysisChunks.count, "analysis chunk")) (\(estimation.chunking.description)) has its performance \(result.method); a chunk alerts when its value leaves the mean ± 3 standard deviations of the reference chunks' realized values."]
    var alerted = false
    for (metric, rows) in result.series {
        let analysis = rows.filter { $0.period == .analysis }
        let alerts = analysis.filter(\.alert)
        guard let first = alerts.first, let worst = alerts.min(by: { $0.value < $1.value }) else { continue }
        alerted = true
        sentences.append("\(metric.name) alerted in \(alerts.count) of \(analysis.count) chunks from \(first.chunk.key) (lowest \(NumberFormat.compact(worst.value, digits: 4)) in \(worst.chunk.key), band \(PerformanceResultObject.band(worst))).")
    }
    if !alerted { sentences.append("No analysis chunk alerted on any metric.") }
    if estimation.estimated {
        let labelled = estimation.rows.filter { $0.period == .analysis && !$0.realized.isNaN }
        if !labelled.isEmpty {
            let gap = labelled.map { abs($0.value - $0.realized) }.reduce(0, +) / Double(labelled.count)
            sentences.append("Where the analysis data has labels, the estimates are on average \(NumberFormat.compact(gap, digits: 3)) from the realized values.")
        }
        sentences += estimation.metrics.map(\.explanation)
        sentences.append(estimation.regression
            ? "The estimates assume the relation between the inputs and the target has not changed (only the inputs moved), and they hold best where the reference had rows like the chunk's: far outside it the predicted errors level off at the reference's extremes; the sampling error (± 3σ band in plot) says how much a chunk this size varies by chance."
            : "The estimates assume the relation between the inputs and the label has not changed (only the inputs moved) and that the calibrated probabilities are right; the sampling error (± 3σ band in plot) says how much a chunk this size varies by chance.")
    }
    sentences.append(alerted
        ? "Next: monitor(reference, analysis) shows which inputs moved in the alerting chunks; score them with realized_performance once their labels arrive."
        : "Next: keep watching; realized_performance checks the estimates once labels arrive.")
    return sentences.joined(separator: " ")
}

/// A live detector: what it watches, what it has signalled and where it stands now.
private func explain(_ detector: DetectorObject) -> String {
    // The kind's doc starts with the method's name and reference, up to the first colon.
    let method = detector.kind.doc.prefix { $0 != ":" }
    var sentences = ["\(detector.summary.prefix { $0 != ":" }) — \(method)."]
    if detector.count == 0 {
        sentences.append("It has seen no values yet: feed it with observe(detector, value).")
        return sentences.joined(separator: " ")
    }
    let stream = detector.kind.binary ? "error stream (1 where the model was wrong)" : "stream"
    if detector.drifts.isEmpty {
        sentences.append("Over \(counted(detector.count, "value")) of its \(stream) it has signalled no drift.")
    } else {
        let last = detector.drifts[detector.drifts.count - 1]
        sentences.append("Over \(counted(detector.count, "value")) of its \(stream) it signalled drift \(detector.drifts.count == 1 ? "once" : "\(detector.drifts.count) times"), last at position \(last) (\(counted(detector.count - 1 - last, "value")) ago); after each drift it started afresh.")
    }
    if detector.kind.hasWarnings {
        sentences.append(detector.lastSignal == .warning
            ? "It is in its warning zone now: the error rate has risen, but not yet past the drift threshold."
            : "It is not in its warning zone now.")
    }
    sentences.append(detector.drifts.isEmpty
        ? "Next: keep feeding it; a drift here would be the moment to retrain or look at the inputs."
        : "Next: compare the rows before and after the last drift (drift_report) to see what changed, and retrain on the rows after it.")
    return sentences.joined(separator: " ")
}

let explainBuiltins: [Builtin] = [
    Builtin(
        "explain(result, data = null)",
        doc: "A few plain sentences about a drift test result, a drift report, a domain classifier, a serving comparison, a monitor result, a reconstruction or classifier drift, a performance estimate, a live detector, a serving simulation or a model: what the statistic measures, what this value means (including why a tiny p-value on a huge sample may still be a negligible shift), and what to check next. For a model, data adds what its predictions on that data rest on: the categories it never saw in training, in how many rows.",
        example: "explain(ks_test(reference.age, current.age))"
    ) { arguments, _ in
        let value = try arguments.required(0, "result")
        if case .object(let model as ModelObject) = value {
            var data: DataFrame?
            if let given = arguments.optional(1, "data"), !given.isNull { data = try arguments.frame(1, "data") }
            return .object(ExplanationObject(try explanation(of: model.model, on: data)))
        }
        if let data = arguments.optional(1, "data"), !data.isNull {
            throw BuiltinError("data applies to a model only")
        }
        switch value {
        case .object(let result as TestResultObject): return .object(ExplanationObject(explain(result.result)))
        case .object(let report as ReportObject): return .object(ExplanationObject(explain(report)))
        case .object(let classifier as DomainClassifierObject): return .object(ExplanationObject(explain(classifier)))
        case .object(let comparison as ServingComparisonObject): return .object(ExplanationObject(try explain(comparison)))
        case .object(let monitor as MonitorResultObject): return .object(ExplanationObject(explain(monitor)))
        case .object(let drift as ReconstructionResultObject): return .object(ExplanationObject(explain(drift)))
        case .object(let drift as ClassifierDriftResultObject): return .object(ExplanationObject(explain(drift)))
        case .object(let performance as PerformanceResultObject): return .object(ExplanationObject(explain(performance)))
        case .object(let detector as DetectorObject): return .object(ExplanationObject(explain(detector)))
        case .object(let simulation as ServingSimulationObject): return .object(ExplanationObject(simulation.aspects.explanation))
        default: throw arguments.mismatch("result", expected: "a test result, drift report, domain classifier, serving comparison, monitor result, reconstruction or classifier drift, performance estimate, detector, serving simulation or model", got: value)
        }
    },
]
