// FrameDisplay: a dataframe as an aligned table with column names, types and the row count, cut to
// the renderer's width and to the first and last rows of long frames.
import DriftCore

enum FrameDisplay {
    static let headRows = 10
    static let tailRows = 5

    static func render(_ frame: DataFrame, to renderer: inout Renderer) {
        let rows: [Int]
        let elided = frame.rowCount > headRows + tailRows + 1
        if elided {
            rows = Array(0..<headRows) + Array(frame.rowCount - tailRows..<frame.rowCount)
        } else {
            rows = Array(0..<frame.rowCount)
        }
        var headers = [""], types = [""], alignments = [true]
        var cells = rows.map { [String($0)] }
        var used = String(frame.rowCount).count
        var shownColumns = 0
        for (name, column) in zip(frame.names, frame.columns) {
            let columnCells = rows.map { cell(column, $0) }
            let columnWidth = max(tableText(name).count, column.typeName.count, columnCells.map(\.count).max() ?? 0)
            if shownColumns > 0, used + 2 + columnWidth > renderer.width - 5 { break }
            used += 2 + columnWidth
            shownColumns += 1
            headers.append(tableText(name))
            types.append(column.typeName)
            if case .numeric = column { alignments.append(true) } else { alignments.append(false) }
            for index in cells.indices { cells[index].append(columnCells[index]) }
        }
        let hidden = frame.columnCount - shownColumns
        if hidden > 0 {
            headers.append("...")
            types.append("")
            alignments.append(false)
            for index in cells.indices { cells[index].append("...") }
        }
        if elided {
            cells.insert([String](repeating: "...", count: headers.count), at: headRows)
        }
        var footer = "[\(frame.rowCount) row\(frame.rowCount == 1 ? "" : "s") x \(frame.columnCount) column\(frame.columnCount == 1 ? "" : "s")]"
        if hidden > 0 { footer += " (\(hidden) not shown: \(frame.names.suffix(hidden).joined(separator: ", ")))" }
        renderer.table(headers: headers, types: types, rows: cells, rightAligned: alignments, footer: footer)
    }

    private static func cell(_ column: Column, _ row: Int) -> String {
        switch column.element(at: row) {
        case .null: return "null"
        case .number(let number): return NumberFormat.compact(number)
        case .string(let text): return tableText(text)
        case let other: return Renderer.inline(other, quoted: false)
        }
    }

    /// A string as a table cell or column name: as it is, unless it could pass for a missing value or
    /// would break the row ("null", "", blanks at an end, line breaks or other control characters):
    /// then quoted with escapes, as a literal. Long text is cut.
    static func tableText(_ text: String) -> String {
        let isAmbiguous = text.isEmpty || text == "null" || text.first?.isWhitespace == true || text.last?.isWhitespace == true
            || text.unicodeScalars.contains { $0.properties.generalCategory == .control }
        let shown = isAmbiguous ? Renderer.quote(text) : text
        return shown.count > 30 ? String(shown.prefix(29)) + "…" : shown
    }
}
