// Report builtins: a drift report over every shared column of two dataframes.
import DriftCore

let reportBuiltins: [Builtin] = [
    Builtin(
        "drift_report(reference, current, columns: null, method: null, threshold: null, share: 0.5, by: null)",
        doc: """
            Compares every column of two dataframes and returns a report with fields table (a dataframe: column, kind, method, statistic, p_value, threshold, drifted, missing_ref, missing_cur as shares, new_categories, note), share_drifted, dataset_drifted, n_tested, n_drifted and drifted_columns. The dataset drifted when share_drifted ≥ share. Two lazy sources (scan_csv or table) are compared from their summaries, one streaming pass each; there only the methods that work from summaries run (see scan_csv).
            Default method per column (Evidently's rule; distinct values counted over both samples together): numbers with more than 5 distinct values use ks_test when the reference has at most 1000 rows and wasserstein_normed (threshold \(NumberFormat.shortest(DriftMethodDescriptor.wassersteinNormed.defaultThreshold))) above; everything else is compared as categories — js_distance (threshold \(NumberFormat.shortest(DriftMethodDescriptor.jsDistance.defaultThreshold))) when the reference has more than 1000 rows, otherwise chi2_test for more than 2 categories and z_test for 2.
            method: names one method for every column, or a record of methods by column ({age: "psi"}); threshold: overrides every method's default. A column present on one side only is listed with drifted null and a note, and left out of share_drifted; so is a column whose test cannot run (the note says why).
            by: names a string or boolean column to segment by (two dataframes, or two table() sources, whose segments are summarised in one GROUP BY pass per source): the report is the overall one, its table gains a first column segment ("overall", then each segment both sides have, in order), and the fields segments (a record of each segment's report), drifted_segments, new_segments (current only) and vanished_segments (reference only) are added.
            """,
        example: "let report = drift_report(reference, current)"
    ) { arguments, _ in
        var columns: [String]?
        if let value = arguments.optional(nil, "columns"), !value.isNull { columns = try arguments.strings(nil, "columns") }
        var method: String?
        var methods: [String: String] = [:]
        switch arguments.optional(nil, "method") {
        case nil, .null?: break
        case .string(let name)?: method = name
        case .record(let record)?:
            for (column, value) in record.fields {
                guard case .string(let name) = value else {
                    throw BuiltinError("method for column '\(column)' must be a method name, got \(value.kindName)")
                }
                methods[column] = name
            }
        case let other?: throw arguments.mismatch("method", expected: "a method name or a record of them", got: other)
        }
        var threshold: Double?
        if let value = arguments.optional(nil, "threshold"), !value.isNull { threshold = try arguments.number(nil, "threshold") }
        let share = try arguments.number(nil, "share", default: 0.5)
        if let by = arguments.optional(nil, "by"), !by.isNull {
            if let reference = arguments.lazySource(0, "reference"), let current = arguments.lazySource(1, "current") {
                return .object(try ReportObject(SegmentedReport(
                    reference: reference.cache, current: current.cache, by: try arguments.string(nil, "by"), columns: columns,
                    method: method, methods: methods, threshold: threshold, share: share)))
            }
            return .object(try ReportObject(SegmentedReport(
                reference: try arguments.frame(0, "reference"), current: try arguments.frame(1, "current"),
                by: try arguments.string(nil, "by"), columns: columns, method: method, methods: methods, threshold: threshold, share: share)))
        }
        let report: DriftReport
        if let reference = arguments.lazySource(0, "reference"), let current = arguments.lazySource(1, "current") {
            report = try DriftReport(
                reference: reference.cache, current: current.cache, columns: columns, method: method, methods: methods,
                threshold: threshold, share: share)
        } else {
            report = try DriftReport(
                reference: try arguments.frame(0, "reference"), current: try arguments.frame(1, "current"), columns: columns,
                method: method, methods: methods, threshold: threshold, share: share)
        }
        return .object(try ReportObject(report))
    },
]
