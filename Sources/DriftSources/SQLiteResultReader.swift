// SQLiteResultReader: turns the rows of a SQLite statement into typed columns. A column's declared type
// picks its kind (SQLite's affinity rules, plus BOOLEAN for booleans); an expression with no declared type
// takes the kind of its values. Values that do not fit widen the column (see ColumnCollector).
import DriftCore
import GRDB
import GRDBSQLite

enum SQLiteResultReader {
    /// The statement's rows (at most `rowLimit` of them).
    static func frame(_ statement: Statement, rowLimit: Int? = nil) throws -> DataFrame {
        let names = statement.columnNames
        var collectors = names.indices.map { index in
            ColumnCollector(kind: declaredKind(sqlite3_column_decltype(statement.sqliteStatement, Int32(index))))
        }
        let rows = try Row.fetchCursor(statement)
        var rowCount = 0
        while rowCount < rowLimit ?? .max, let row = try rows.next() {
            rowCount += 1
            if rowCount & 1023 == 0 { try Cancellation.check() }
            for index in names.indices {
                let value: DatabaseValue = row[index]
                switch value.storage {
                case .null: collectors[index].appendMissing()
                case .int64(let number):
                    if collectors[index].kind == .boolean && (number == 0 || number == 1) {
                        collectors[index].append(number == 1)
                    } else {
                        collectors[index].append(Double(number))
                    }
                case .double(let number): collectors[index].append(number)
                case .string(let text): collectors[index].append(text)
                case .blob:
                    throw SQLError("column '\(names[index])' holds a BLOB, which Drift cannot read; select hex(\(names[index])) or leave it out")
                }
            }
        }
        return try DataFrame(zip(names, collectors).map { ($0, $1.column()) })
    }

    /// The kind a declared column type implies, following SQLite's affinity rules: DATE columns are date
    /// columns and DATETIME or TIMESTAMP columns datetime columns while their values are ISO 8601 text (any
    /// other value makes the column text, see `ColumnCollector`); undetermined (decided by the values) for
    /// expressions, BLOB and TIME columns.
    static func declaredKind(_ declared: UnsafePointer<CChar>?) -> ColumnCollector.Kind {
        guard let declared else { return .undetermined }
        let type = String(cString: declared).uppercased()
        if type.contains("BOOL") { return .boolean }
        if type.contains("INT") { return .numeric }
        if type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT") { return .text }
        if type.contains("DATETIME") || type.contains("TIMESTAMP") { return .time(.datetime) }
        if type.contains("DATE") { return .time(.date) }
        if type.contains("TIME") || type.contains("BLOB") || type.isEmpty { return .undetermined }
        return .numeric  // REAL, FLOAT, DOUBLE, NUMERIC, DECIMAL, and SQLite's default NUMERIC affinity
    }
}
