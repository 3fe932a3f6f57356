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

    @Test func sparkURLsNameAServerAndSparksParameters() throws {
        guard case .spark(let plain) = try DatabaseURL("spark://localhost"),
              case .spark(let full) = try DatabaseURL("sc://[::1]:443/;user_id=ana%20b;token=s3cret;use_ssl=true")
        else {
            Issue.record("not Spark URLs")
            return
        }
        #expect(plain.host == "localhost" && plain.port == 15002 && plain.user == nil && plain.token == nil && !plain.useTLS)
        #expect(full.host == "::1" && full.port == 443 && full.user == "ana b" && full.token == "s3cret" && full.useTLS)
        // A token turns TLS on, except to a loopback address (PySpark's local connection); use_ssl=true always does.
        for (text, tls) in [("spark://db.example/;token=t", true), ("spark://db.example/;token=t;use_ssl=false", true),
                            ("spark://localhost/;token=t", false), ("spark://127.0.0.1:1/;token=t", false),
                            ("spark://[::1]/;token=t", false), ("spark://127.0.0.1/;token=t;use_ssl=true", true),
                            ("spark://db.example/;use_ssl=TRUE", true), ("spark://db.example", false)] {
            guard case .spark(let url) = try DatabaseURL(text) else { throw SQLError("\(text) is not a Spark URL") }
            #expect(url.useTLS == tls, "\(text)")
        }
        #expect(try DatabaseURL("spark://h:1/").displayName == "spark://h:1")
        #expect(errorMessage { _ = try DatabaseURL("spark://h:15002/;token=s3cret;colour=blue") }
            == "unsupported parameter 'colour' in 'spark://h:15002/;token=***;colour=blue'; Drift understands user_id, token and use_ssl")
        #expect(errorMessage { _ = try DatabaseURL("spark://h:0") } == "invalid port '0' in 'spark://h:0'")
        #expect(errorMessage { _ = try DatabaseURL("spark://") }
            == "invalid Spark URL 'spark://'; write spark://host:port (parameters after /;, e.g. spark://host:15002/;user_id=me)")
    }

    @Test func badURLsAreExplainedWithoutThePassword() {
        #expect(errorMessage { _ = try DatabaseURL("mysql://root:secret@h/db") }
            == "unsupported database URL 'mysql://root:***@h/db'; use sqlite:path/to/file.db, postgres://user@host:port/database or spark://host:port")
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
