// DriftReport: every shared column of two frames compared with its drift test, the share of columns
// that drifted, and whether that makes the dataset drifted. Columns found on one side only are listed,
// never dropped; a column whose test cannot run says why in its note. Columns are tested in parallel.
import Foundation

public struct DriftReport: Sendable {
    public struct Row: Sendable {
        public var column: String
        public var kind: ColumnKind?
        /// The method that ran (or was asked for); nil when the column could not be tested.
        public var method: String?
        public var result: DriftTestResult?
        /// Shares of missing values on each side (NaN when the column is absent there).
        public var referenceMissingShare: Double
        public var currentMissingShare: Double
        /// Why the column has no result: "only in reference", "only in current", or the test's error.
        public var note: String
    }

    public let rows: [Row]
    /// The dataset counts as drifted when at least this share of tested columns drifted.
    public let shareThreshold: Double

    public var testedCount: Int { rows.filter { $0.result != nil }.count }
    public var driftedCount: Int { rows.filter { $0.result?.drifted == true }.count }
    public var shareDrifted: Double { testedCount == 0 ? 0 : Double(driftedCount) / Double(testedCount) }
    public var datasetDrifted: Bool { testedCount > 0 && shareDrifted >= shareThreshold }
    public var driftedColumns: [String] { rows.filter { $0.result?.drifted == true }.map(\.column) }

    /// - Parameters:
    ///   - columns: the columns to compare (default: every column of either frame, reference order first).
    ///   - methods: a method name per column, overriding the default rule (`ColumnDriftRule`).
    ///   - method: one method name for every column not in `methods`.
    ///   - threshold: overrides every method's default threshold.
    ///   - share: the share of drifted columns that makes the dataset drifted.
    public init(
        reference: DataFrame, current: DataFrame, columns: [String]? = nil, method: String? = nil,
        methods: [String: String] = [:], threshold: Double? = nil, share: Double = 0.5
    ) throws {
        let names = try DriftReport.validated(
            referenceNames: reference.names, currentNames: current.names, columns: columns, method: method,
            methods: methods, share: share, source: "dataframe")
        let progress = Progress.start("drift report", total: names.count)
        defer { progress.finish() }
        // Looked up by name in a table, not a scan of the names: a frame may have 100,000 columns.
        let referenceColumns = reference.columnsByName, currentColumns = current.columnsByName
        let rows = concurrentMap(names.count) { index in
            let name = names[index]
            // After a Ctrl-C the remaining columns are skipped (the check below throws).
            if Cancellation.isRequested {
                return Row(column: name, kind: nil, method: nil, result: nil, referenceMissingShare: .nan,
                           currentMissingShare: .nan, note: "interrupted")
            }
            let row = DriftReport.compare(
                name, referenceColumns[name], currentColumns[name],
                method: methods[name] ?? method, threshold: threshold)
            progress.advance()
            return row
        }
        try Cancellation.check()
        self.rows = rows
        shareThreshold = share
    }

    /// The columns to compare, after checking the share, the column names and the method names.
    static func validated(
        referenceNames: [String], currentNames: [String], columns: [String]?, method: String?, methods: [String: String],
        share: Double, source: String
    ) throws -> [String] {
        guard share > 0, share <= 1 else { throw DataError("drift_report: share must be in (0, 1], not \(share)") }
        let inReference = Set(referenceNames), inCurrent = Set(currentNames)
        let names = columns ?? (referenceNames + currentNames.filter { !inReference.contains($0) })
        for name in names where !inReference.contains(name) && !inCurrent.contains(name) {
            throw DataError("drift_report: no column '\(name)' in either \(source)")
        }
        for name in [method].compactMap({ $0 }) + Array(methods.values) where !DriftReport.isKnownMethod(name) {
            throw DataError("drift_report: unknown method '\(name)'; methods: \(DriftReport.methodNames.joined(separator: ", "))")
        }
        return names
    }

    /// Every method a report can run, numeric and categorical.
    public static var methodNames: [String] { DriftMethodDescriptor.names }

    static func isKnownMethod(_ name: String) -> Bool { DriftMethodDescriptor.named(name) != nil }

    private static func compare(_ name: String, _ reference: Column?, _ current: Column?, method: String?, threshold: Double?) -> Row {
        row(name, referenceMissingShare: reference.map(missingShare), currentMissingShare: current.map(missingShare)) {
            guard let reference, let current else { return nil }
            try untestedIfTime(reference.type, current.type)
            let kind = try ColumnDriftRule.kind(reference: reference, current: current)
            return (kind, { try method ?? ColumnDriftRule.method(reference: reference, current: current) },
                    { chosen in try run(chosen, kind: kind, reference, current, threshold: threshold) })
        }
    }

    /// Dates, datetimes and durations are not tested: an instant column moves with time by design, so any
    /// two periods differ; the thrown message becomes the row's note.
    static func untestedIfTime(_ reference: ColumnType?, _ current: ColumnType?) throws {
        guard let type = [reference, current].compactMap({ $0 }).first(where: { $0.timeKind != nil }) else { return }
        throw DataError("a \(type.rawValue) column is not tested: its values move with time by design; compare time windows of the other columns, or a part of it such as its weekday")
    }

    /// A report row: a column absent on one side gets a note; otherwise `prepare` gives its kind, how to choose
    /// the method and how to run it, and an error anywhere becomes the note.
    static func row(
        _ name: String, referenceMissingShare: Double?, currentMissingShare: Double?,
        prepare: () throws -> (ColumnKind, () throws -> String, (String) throws -> DriftTestResult)?
    ) -> Row {
        var row = Row(
            column: name, kind: nil, method: nil, result: nil, referenceMissingShare: referenceMissingShare ?? .nan,
            currentMissingShare: currentMissingShare ?? .nan, note: "")
        do {
            guard let (kind, choose, run) = try prepare() else {
                row.note = referenceMissingShare == nil ? "only in current" : "only in reference"
                return row
            }
            row.kind = kind
            let chosen = try choose()
            row.method = chosen
            row.result = try run(chosen)
        } catch {
            row.note = "\(error)"
        }
        return row
    }

    /// Numbers go to the numeric tests unless the method only exists for categories (chi2_test, z_test)
    /// or the column is categorical (`DriftMethodDescriptor.testsAsNumbers`); categories go to the categorical tests.
    private static func run(_ method: String, kind: ColumnKind, _ reference: Column, _ current: Column, threshold: Double?) throws -> DriftTestResult {
        if case .numeric(let a) = reference, case .numeric(let b) = current,
           DriftMethodDescriptor.named(method)?.testsAsNumbers(columnKind: kind) == true,
           let numeric = NumericDriftMethod(rawValue: method) {
            return try DriftTests.run(numeric, reference: a.values, current: b.values, threshold: threshold)
        }
        if let categorical = CategoricalDriftMethod(rawValue: method) {
            return try DriftTests.run(categorical, reference: reference, current: current, threshold: threshold)
        }
        throw DataError("\(method) needs numbers, but the column holds \((reference.type == .numeric ? current : reference).typeName) values")
    }

    private static func missingShare(_ column: Column) -> Double {
        column.count == 0 ? 0 : Double(column.missingCount) / Double(column.count)
    }

    /// The report as a data frame: one row per column.
    public func table() throws -> DataFrame {
        func numbers(_ value: (Row) -> Double?) -> Column { .numeric(NumericColumn(rows.map { value($0) ?? .nan })) }
        func texts(_ value: (Row) -> String?) -> Column { .text(TextColumn(rows.map(value))) }
        let columns: [(name: String, column: Column)] = [
            ("column", texts(\.column)),
            ("kind", texts { $0.kind?.rawValue }),
            ("method", texts(\.method)),
            ("statistic", numbers { $0.result?.statistic }),
            ("p_value", numbers { $0.result?.pValue }),
            ("threshold", numbers { $0.result?.threshold }),
            ("drifted", .boolean(BoolColumn(rows.map { $0.result?.drifted }))),
            ("missing_ref", numbers(\.referenceMissingShare)),
            ("missing_cur", numbers(\.currentMissingShare)),
            ("new_categories", texts { $0.result.map { $0.newCategories.joined(separator: ", ") } }),
            ("note", texts { $0.note.isEmpty ? nil : $0.note }),
        ]
        return try DataFrame(columns)
    }
}
