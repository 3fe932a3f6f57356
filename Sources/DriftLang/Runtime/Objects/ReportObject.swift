// ReportObject: a drift report as a Drift value — its table as a dataframe, the share of drifted
// columns and the dataset verdict — shown as a compact table with the drifted columns marked. A report by
// segment holds the overall report's fields, a table with a first column `segment`, each segment's report,
// and the segments only one side has.
import DriftCore

final class ReportObject: DriftObject {
    let report: DriftReport
    let table: DataFrame
    let segmented: SegmentedReport?

    init(_ report: DriftReport) throws {
        self.report = report
        self.table = try report.table()
        segmented = nil
    }

    init(_ segmented: SegmentedReport) throws {
        report = segmented.overall
        table = try segmented.table()
        self.segmented = segmented
    }

    var kindName: String { "drift report" }

    var fieldNames: [String] {
        ["table", "share_drifted", "dataset_drifted", "n_tested", "n_drifted", "drifted_columns", "share"]
            + (segmented == nil ? [] : ["segments", "drifted_segments", "new_segments", "vanished_segments"])
    }

    func field(_ name: String) -> Value? {
        if let segmented, let value = segmentField(name, segmented) { return value }
        switch name {
        case "table": return .frame(table)
        case "share_drifted": return .number(report.shareDrifted)
        case "dataset_drifted": return .bool(report.datasetDrifted)
        case "n_tested": return .number(Double(report.testedCount))
        case "n_drifted": return .number(Double(report.driftedCount))
        case "drifted_columns": return .vector(.text(TextColumn(report.driftedColumns)))
        case "share": return .number(report.shareThreshold)
        default: return nil
        }
    }

    /// The fields only a report by segment has.
    private func segmentField(_ name: String, _ segmented: SegmentedReport) -> Value? {
        switch name {
        case "segments":
            return .record(Record(segmented.segments.compactMap { segment in
                (try? ReportObject(segment.report)).map { (segment.name, .object($0)) }
            }))
        case "drifted_segments":
            return .vector(.text(TextColumn(segmented.segments.filter { $0.report.datasetDrifted }.map(\.name))))
        case "new_segments": return .vector(.text(TextColumn(segmented.newSegments)))
        case "vanished_segments": return .vector(.text(TextColumn(segmented.vanishedSegments)))
        case "table": return .frame(table)
        default: return nil
        }
    }

    func render(to renderer: inout Renderer) {
        let rows = report.rows.map { row -> [String] in
            let marker = row.result?.drifted == true ? "●" : ""
            guard let result = row.result else {
                return ["", row.column, row.kind?.rawValue ?? "", row.method ?? "", "", "", "", row.note]
            }
            let p = result.pValue.map { NumberFormat.compact($0, digits: 4) } ?? ""
            var note = row.note
            if !result.newCategories.isEmpty { note = "new: " + result.newCategories.joined(separator: ", ") }
            return [marker, row.column, row.kind?.rawValue ?? "", row.method ?? "", NumberFormat.compact(result.statistic, digits: 4),
                    p, NumberFormat.shortest(result.threshold), note]
        }
        renderer.table(
            headers: ["", "column", "kind", "method", "statistic", "p_value", "threshold", "note"], types: nil, rows: rows,
            rightAligned: [false, false, false, false, true, true, true, false],
            footer: summary)
        if let segmented { renderer.text(Self.segmentSummary(segmented)) }
    }

    /// One line per segment (`south: 1 of 4 columns drifted (25%): income`), then the one-sided segments.
    private static func segmentSummary(_ segmented: SegmentedReport) -> String {
        var lines = segmented.segments.map { name, report in
            let percent = NumberFormat.compact(100 * report.shareDrifted, digits: 3)
            let drifted = report.driftedColumns.isEmpty ? "" : ": " + report.driftedColumns.joined(separator: ", ")
            return "  \(name): \(report.driftedCount) of \(counted(report.testedCount, "column")) drifted (\(percent)%)\(drifted)"
        }
        if !segmented.newSegments.isEmpty { lines.append("  new (current only): " + segmented.newSegments.joined(separator: ", ")) }
        if !segmented.vanishedSegments.isEmpty { lines.append("  vanished (reference only): " + segmented.vanishedSegments.joined(separator: ", ")) }
        return "by \(segmented.segmentColumn):\n" + lines.joined(separator: "\n") + "\n"
    }

    /// `2 of 6 columns drifted (33%); dataset drift: no (needs ≥ 50%)`
    var summary: String {
        let percent = NumberFormat.compact(100 * report.shareDrifted, digits: 3)
        let needed = NumberFormat.compact(100 * report.shareThreshold, digits: 3)
        var text = "\(report.driftedCount) of \(counted(report.testedCount, "column")) drifted (\(percent)%); "
        text += "dataset drift: \(report.datasetDrifted ? "yes" : "no") (needs ≥ \(needed)%)"
        let untested = report.rows.count - report.testedCount
        if untested > 0 { text += "; \(untested) not tested" }
        return text
    }
}
