// SparkURL: where a Spark Connect server is, parsed from `spark://host:port` (also Spark's own `sc://`), with
// Spark's optional connection parameters after the path: `spark://host:15002/;user_id=ana;token=…;use_ssl=true`.
// Only the address and the parameters live here; the client that speaks to the server is the DriftSpark target.

public struct SparkURL: Sendable, Hashable {
    public var host: String
    public var port: Int
    /// The user the session runs as (Spark's user_id); nil: the local user name.
    public var user: String?
    /// A bearer token sent with every call (it implies TLS, as in Spark's clients, except to this machine's own
    /// loopback address, where PySpark sends it over a local connection: Spark's local server takes one there).
    public var token: String?
    public var useTLS: Bool

    /// Spark Connect's default port.
    public static let defaultPort = 15002

    /// Parses what follows `spark://`: `host[:port][/][;key=value]…`.
    init(parsing text: Substring, url: String) throws(SQLError) {
        let shown = DatabaseURL.redacted(url)
        let pieces = text.split(separator: ";", omittingEmptySubsequences: false)
        var address = pieces[0]
        if address.hasSuffix("/") { address = address.dropLast() }
        guard !address.isEmpty, !address.contains("/"), !address.contains("@") else {
            throw SQLError("invalid Spark URL '\(shown)'; write spark://host:port (parameters after /;, e.g. spark://host:15002/;user_id=me)")
        }
        host = String(address)
        port = Self.defaultPort
        var sslAsked = false
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            host = String(address[address.index(after: address.startIndex)..<close])
            let after = address[address.index(after: close)...]
            if after.hasPrefix(":") { port = try Self.port(after.dropFirst(), url: shown) }
        } else if let colon = address.lastIndex(of: ":") {
            host = String(address[..<colon])
            port = try Self.port(address[address.index(after: colon)...], url: shown)
        }
        for parameter in pieces.dropFirst() where !parameter.isEmpty {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw SQLError("invalid parameter '\(parameter)' in '\(shown)'; write key=value") }
            let value = try PostgresURL.decoded(pair[1], url: shown)
            switch pair[0] {
            case "user_id": user = value
            case "token": token = value
            case "use_ssl": sslAsked = value.lowercased() == "true"
            default: throw SQLError("unsupported parameter '\(pair[0])' in '\(shown)'; Drift understands user_id, token and use_ssl")
            }
        }
        useTLS = sslAsked || (token != nil && !Self.loopbackHosts.contains(host.lowercased()))
    }

    /// The names of this machine's loopback address.
    private static let loopbackHosts: Set<String> = ["localhost", "127.0.0.1", "::1"]

    private static func port(_ text: Substring, url: String) throws(SQLError) -> Int {
        guard let number = Int(text), (1...65535).contains(number) else { throw SQLError("invalid port '\(text)' in '\(url)'") }
        return number
    }
}
