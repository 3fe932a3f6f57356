// MonitoredColumn: one column of the reference and the analysis frame in the form the monitoring statistics read —
// numbers (NaN missing), or category codes shared by both frames (-1 missing) for text and boolean columns.

enum MonitoredColumn {
    case numbers(reference: [Double], analysis: [Double])
    case categories(reference: [Int32], analysis: [Int32], labels: [String])

    /// Column `name` of both frames; throws when either lacks it or the two hold different kinds of values.
    init(_ name: String, reference: DataFrame, analysis: DataFrame) throws {
        guard let ref = reference.column(named: name) else { throw DataError("no column '\(name)' in the reference") }
        guard let cur = analysis.column(named: name) else { throw DataError("no column '\(name)' in the analysis data") }
        guard ref.type == cur.type else {
            throw DataError("column '\(name)' holds \(ref.typeName) values in the reference but \(cur.typeName) values in the analysis data")
        }
        if case .numeric(let a) = ref, case .numeric(let b) = cur {
            self = .numbers(reference: a.values, analysis: b.values)
            return
        }
        var labels: [String] = [], ids: [String: Int32] = [:]
        func codes(_ column: Column, _ side: String) throws -> [Int32] {
            func id(_ label: String) -> Int32 {
                if let id = ids[label] { return id }
                ids[label] = Int32(labels.count)
                labels.append(label)
                return Int32(labels.count - 1)
            }
            if case .text(let text) = column {
                let levelIDs = text.levels.map(id)
                return text.codes.map { $0 < 0 ? -1 : levelIDs[Int($0)] }
            }
            if case .boolean(let flags) = column {
                let levelIDs = [id("false"), id("true")]
                return flags.values.map { $0 < 0 ? -1 : levelIDs[Int($0)] }
            }
            throw DataError("column '\(name)' holds \(column.typeName) values in the \(side); monitoring compares numbers, strings and booleans")
        }
        let referenceCodes = try codes(ref, "reference"), analysisCodes = try codes(cur, "analysis data")
        self = .categories(reference: referenceCodes, analysis: analysisCodes, labels: labels)
    }

    var isNumeric: Bool {
        if case .numbers = self { return true }
        return false
    }

    /// "numbers" or "categories", for messages.
    var kindName: String { isNumeric ? "numbers" : "categories" }
}
