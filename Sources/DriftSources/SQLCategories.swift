// SQLCategories: a text or boolean column's per-value counts from a pushed-down GROUP BY, with the values'
// column given the column's type: SQLite returns an expression's booleans as the numbers 0 and 1 (and its
// numbers in a text column as numbers), which read_sql would have read as booleans (or text).
import DriftCore

enum SQLCategories {
    /// The counts of `groups` (values and counts; nil: none present) for a column of type `type`.
    static func counts(_ groups: (values: Column, counts: [Int])?, type: ColumnType) -> CategoryCounts {
        guard let groups else { return CategoryCounts(type: type) }
        return CategoryCounts(values: conformed(groups.values, to: type), counts: groups.counts)
    }

    private static func conformed(_ values: Column, to type: ColumnType) -> Column {
        guard case .numeric(let numbers) = values else { return values }
        switch type {
        case .boolean: return .boolean(BoolColumn(numbers.values.map { $0.isNaN ? nil : $0 != 0 }))
        case .text: return .text(TextColumn(numbers.values.map { $0.isNaN ? nil : CSVWriter.formatted($0) }))
        default: return values
        }
    }
}
