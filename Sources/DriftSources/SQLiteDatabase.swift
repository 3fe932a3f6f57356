// SQLiteDatabase: a SQLite file through GRDB (the system's libsqlite3). Reads open the file read-only and
// never create it; writes run in one transaction; no query can attach another file. The path passes
// FileAccess's gate first, and a progress handler lets Ctrl-C interrupt a long query.
import DriftCore
import GRDB
import GRDBSQLite

struct SQLiteDatabase: SQLDatabase {
    let path: String
    var dialect: SQLDialect { .sqlite }

    init(path: String) {
        self.path = path
    }

    func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame {
        try read(sql, parameters, rowLimit: nil)
    }

    /// Reads no row past the limit: SQLite computes rows as they are read, so this stops the query as LIMIT would.
    func query(_ sql: String, parameters: [SQLValue], rowLimit: Int) throws -> DataFrame {
        try read(sql, parameters, rowLimit: rowLimit)
    }

    private func read(_ sql: String, _ parameters: [SQLValue], rowLimit: Int?) throws -> DataFrame {
        try FileAccess.checkRead(path)
        guard FileAccess.fileExists(path) else { throw FileAccessError("cannot read '\(path)': no such file") }
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try open(configuration)
        return try translatingErrors(sql) {
            try queue.read { database in
                allowInterruption(database)
                let statement = try database.makeStatement(sql: sql)
                try statement.setArguments(StatementArguments(parameters.map(\.databaseValue)))
                return try SQLiteResultReader.frame(statement, rowLimit: rowLimit)
            }
        }
    }

    func transaction(_ body: (any SQLStatementRunner) throws -> Void) throws {
        try FileAccess.checkWrite(path)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let queue = try open(configuration)
        try queue.inTransaction { database in
            allowInterruption(database)
            try body(Runner(database: database, owner: self))
            return .commit
        }
    }

    private func open(_ configuration: Configuration) throws -> DatabaseQueue {
        var configuration = configuration
        // A query may open no other file: ATTACH would reach past FileAccess's gate (and its error would
        // tell whether a path exists), so no database may be attached at all. VACUUM INTO cannot run
        // inside the transaction every query runs in, and extensions are never enabled.
        configuration.prepareDatabase { database in
            sqlite3_limit(database.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
        }
        do {
            // SQLite opens the file itself: a relative path is resolved as FileAccess resolves every other.
            return try DatabaseQueue(path: FileAccess.resolved(path), configuration: configuration)
        } catch let error as DatabaseError {
            throw SQLError("cannot open SQLite database '\(path)': \(error.message ?? "\(error.resultCode)")")
        }
    }

    /// SQLite calls the handler every 1000 virtual-machine steps; a non-zero answer interrupts the statement.
    private func allowInterruption(_ database: Database) {
        sqlite3_progress_handler(database.sqliteConnection, 1000, { _ in Cancellation.isRequested ? 1 : 0 }, nil)
    }

    /// GRDB's errors as SQLError (the SQLite message and the query), an interruption as InterruptedError.
    fileprivate func translatingErrors<T>(_ sql: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            if error.resultCode == .SQLITE_INTERRUPT && Cancellation.isRequested { throw InterruptedError() }
            throw SQLError.query("SQLite: \(error.message ?? "\(error.resultCode)")", sql: error.sql ?? sql)
        }
    }

    private struct Runner: SQLStatementRunner {
        let database: Database
        let owner: SQLiteDatabase

        func execute(_ sql: String) throws {
            try owner.translatingErrors(sql) { try database.execute(sql: sql) }
        }

        func run(_ sql: String, rows: some Sequence<[SQLValue]>) throws {
            try owner.translatingErrors(sql) {
                let statement = try database.makeStatement(sql: sql)
                for row in rows {
                    try Cancellation.check()
                    try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                }
            }
        }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .boolean(let value): value.databaseValue
        }
    }
}
