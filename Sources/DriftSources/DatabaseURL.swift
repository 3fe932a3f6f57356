// DatabaseURL: where a database is, parsed from the URL a script gives: `sqlite:path/to/file.db` or
// `postgres://user:password@host:port/database?sslmode=…` (also `postgresql://`; every part optional) or
// `spark://host:port` (a Spark Connect server; see SparkURL).

public enum DatabaseURL: Sendable, Equatable {
    /// A SQLite file. `sqlite:data.db` and `sqlite://data.db` are relative, `sqlite:///tmp/data.db` is absolute.
    case sqlite(path: String)
    case postgres(PostgresURL)
    case spark(SparkURL)

    public init(_ text: String) throws(SQLError) {
        if text.hasPrefix("sqlite:") {
            var path = Substring(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = path.dropFirst(2) }
            guard !path.isEmpty else { throw SQLError("the SQLite URL '\(text)' names no file; write sqlite:path/to/file.db") }
            self = .sqlite(path: String(path))
        } else if let rest = Self.dropScheme(text, schemes: ["postgres://", "postgresql://"]) {
            self = .postgres(try PostgresURL(parsing: rest, url: text))
        } else if let rest = Self.dropScheme(text, schemes: ["spark://", "sc://"]) {
            self = .spark(try SparkURL(parsing: rest, url: text))
        } else {
            throw SQLError("unsupported database URL '\(Self.redacted(text))'; use sqlite:path/to/file.db, postgres://user@host:port/database or spark://host:port")
        }
    }

    private static func dropScheme(_ text: String, schemes: [String]) -> Substring? {
        for scheme in schemes where text.hasPrefix(scheme) { return text.dropFirst(scheme.count) }
        return nil
    }

    /// The URL with any password (or Spark token) replaced by `***`, for messages.
    static func redacted(_ text: String) -> String {
        if let token = text.range(of: ";token="), !text[token.upperBound...].hasPrefix("***") {
            let end = text[token.upperBound...].firstIndex(of: ";") ?? text.endIndex
            return redacted(String(text[..<token.upperBound]) + "***" + String(text[end...]))
        }
        guard let schemeEnd = text.range(of: "://"), let at = text[schemeEnd.upperBound...].lastIndex(of: "@"),
              let colon = text[schemeEnd.upperBound..<at].firstIndex(of: ":") else { return text }
        return String(text[..<text.index(after: colon)]) + "***" + String(text[at...])
    }
}

/// The parts a PostgreSQL URL spells out; missing ones come from the PG* environment variables later.
public struct PostgresURL: Sendable, Equatable {
    public var user: String?
    public var password: String?
    /// A host name, an IP address, or (starting with "/") the directory of the server's Unix socket.
    public var host: String?
    public var port: Int?
    public var database: String?
    public var sslMode: String?

    public init(user: String? = nil, password: String? = nil, host: String? = nil, port: Int? = nil,
                database: String? = nil, sslMode: String? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.sslMode = sslMode
    }

    /// Parses what follows `postgres://`: `[user[:password]@][host][:port][/database][?sslmode=…]`.
    init(parsing text: Substring, url: String) throws(SQLError) {
        let shown = DatabaseURL.redacted(url)
        var rest = text
        var parameters: Substring = ""
        if let question = rest.firstIndex(of: "?") {
            parameters = rest[rest.index(after: question)...]
            rest = rest[..<question]
        }
        if let slash = rest.firstIndex(of: "/") {
            let name = rest[rest.index(after: slash)...]
            if !name.isEmpty { database = try Self.decoded(name, url: shown) }
            rest = rest[..<slash]
        }
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            if let colon = credentials.firstIndex(of: ":") {
                user = try Self.decoded(credentials[..<colon], url: shown)
                password = try Self.decoded(credentials[credentials.index(after: colon)...], url: shown)
            } else if !credentials.isEmpty {
                user = try Self.decoded(credentials, url: shown)
            }
            rest = rest[rest.index(after: at)...]
        }
        try parseHostAndPort(rest, url: shown)
        for parameter in parameters.split(separator: "&") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == "sslmode" else {
                throw SQLError("unsupported parameter '\(parameter)' in '\(shown)'; only sslmode is understood")
            }
            sslMode = String(pair[1])
        }
    }

    /// `host`, `host:port`, `[::1]:port` or `:port`; a host may be a percent-encoded socket directory.
    private mutating func parseHostAndPort(_ text: Substring, url: String) throws(SQLError) {
        var hostPart = text
        var portPart: Substring?
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            hostPart = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if after.hasPrefix(":") { portPart = after.dropFirst() }
        } else if let colon = text.lastIndex(of: ":") {
            hostPart = text[..<colon]
            portPart = text[text.index(after: colon)...]
        }
        if !hostPart.isEmpty { host = try Self.decoded(hostPart, url: url) }
        if let portPart {
            guard let number = Int(portPart), (1...65535).contains(number) else {
                throw SQLError("invalid port '\(portPart)' in '\(url)'")
            }
            port = number
        }
    }

    /// Percent-decoding (`%40` is `@`), so user names, passwords and socket paths can hold any character.
    static func decoded(_ text: Substring, url: String) throws(SQLError) -> String {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw SQLError("invalid percent-encoding in '\(url)'")
            }
            bytes.append(high << 4 | low)
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw SQLError("invalid percent-encoding in '\(url)'")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension DatabaseURL {
    /// The URL without credentials, to name a source in messages.
    public var displayName: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let parts): "postgres://\(parts.host ?? "")\(parts.port.map { ":\($0)" } ?? "")/\(parts.database ?? "")"
        case .spark(let parts): "spark://\(parts.host.contains(":") ? "[\(parts.host)]" : parts.host):\(parts.port)"
        }
    }
}
