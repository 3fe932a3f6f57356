// DatabaseURLTests: the URL forms read_sql accepts, the PG* environment fallbacks, and password redaction.
import DriftSources
import Testing

@Suite struct DatabaseURLTests {
    @Test func sqliteURLs() throws {
        #expect(try DatabaseURL("sqlite:data/p.db") == .sqlite(path: "data/p.db"))
        #expect(try DatabaseURL("sqlite://data/p.db") == .sqlite(path: "data/p.db"))
        #expect(try DatabaseURL("sqlite:///tmp/p.db") == .sqlite(path: "/tmp/p.db"))
        #expect(errorMessage { _ = try DatabaseURL("sqlite:") } == "the SQLite URL 'sqlite:' names no file; write sqlite:path/to/file.db")
    }

    @Test func postgresURLsSpellOutAnyPart() throws {
        #expect(try DatabaseURL("postgres://ann:p%40ss%3Aword@db.example:6543/sales?sslmode=require")
            == .postgres(PostgresURL(user: "ann", password: "p@ss:word", host: "db.example", port: 6543, database: "sales", sslMode: "require")))
        #expect(try DatabaseURL("postgresql://[::1]:5433/x") == .postgres(PostgresURL(host: "::1", port: 5433, database: "x")))
        #expect(try DatabaseURL("postgres://bob@/x") == .postgres(PostgresURL(user: "bob", database: "x")))
        #expect(try DatabaseURL("postgres://%2Fvar%2Frun%2Fpostgresql/x") == .postgres(PostgresURL(host: "/var/run/postgresql", database: "x")))
        #expect(try DatabaseURL("postgres://") == .postgres(PostgresURL()))
    }

    @Test func badURLsAreExplainedWithoutThePassword() {
        #expect(errorMessage { _ = try DatabaseURL("mysql://root:secret@h/db") }
            == "unsupported database URL 'mysql://root:***@h/db'; use sqlite:path/to/file.db or postgres://user@host:port/database")
        #expect(errorMessage { _ = try DatabaseURL("postgres://u:secret@h:99999/db") } == "invalid port '99999' in 'postgres://u:***@h:99999/db'")
        #expect(errorMessage { _ = try DatabaseURL("postgres://h/db?timeout=3") } == "unsupported parameter 'timeout=3' in 'postgres://h/db?timeout=3'; only sslmode is understood")
        #expect(errorMessage { _ = try DatabaseURL("postgres://u:%zz@h/db") } == "invalid percent-encoding in 'postgres://u:***@h/db'")
    }

    @Test func missingPartsComeFromTheEnvironment() throws {
        let environment = ["PGHOST": "pg.internal", "PGPORT": "6000", "PGUSER": "env_user", "PGPASSWORD": "env_secret",
                           "PGDATABASE": "env_db", "PGSSLMODE": "disable"]
        let fromEnvironment = try PostgresEndpoint(PostgresURL(), environment: { environment[$0] })
        #expect(fromEnvironment.host == "pg.internal" && fromEnvironment.port == 6000 && fromEnvironment.user == "env_user")
        #expect(fromEnvironment.password == "env_secret" && fromEnvironment.database == "env_db" && fromEnvironment.sslMode == .disable)
        let urlWins = try PostgresEndpoint(PostgresURL(user: "u", host: "h", port: 7, database: "d"), environment: { environment[$0] })
        #expect(urlWins.description == "u@h:7/d" && urlWins.password == "env_secret")
        let defaults = try PostgresEndpoint(PostgresURL(user: "u"), environment: { _ in nil })
        #expect(defaults.host == "localhost" && defaults.port == 5432 && defaults.database == "u" && defaults.sslMode == .prefer)
        #expect(errorMessage { _ = try PostgresEndpoint(PostgresURL(user: "u"), environment: { $0 == "PGPORT" ? "x" : nil }) }
            == "PGPORT 'x' is not a port number")
        #expect(errorMessage { _ = try PostgresEndpoint(PostgresURL(user: "u", sslMode: "maybe"), environment: { _ in nil }) }
            == "unknown sslmode 'maybe'; use one of disable, allow, prefer, require, verify-ca, verify-full")
    }
}
