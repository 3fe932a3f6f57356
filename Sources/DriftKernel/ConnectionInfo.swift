// ConnectionInfo: the connection file Jupyter hands a kernel (`--connection-file FILE`): the transport,
// address and five ports of its sockets, and the key and scheme that sign every message.
import Foundation

public struct ConnectionInfo: Codable, Equatable, Sendable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var hbPort: Int
    public var key: String
    public var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port", iopubPort = "iopub_port", stdinPort = "stdin_port"
        case controlPort = "control_port", hbPort = "hb_port", signatureScheme = "signature_scheme"
    }

    public init(transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, iopubPort: Int, stdinPort: Int,
                controlPort: Int, hbPort: Int, key: String, signatureScheme: String = ConnectionInfo.supportedScheme) {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.hbPort = hbPort
        self.key = key
        self.signatureScheme = signatureScheme
    }

    /// `transport`, `ip` and `signature_scheme` may be left out (tcp, 127.0.0.1, hmac-sha256).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transport: try container.decodeIfPresent(String.self, forKey: .transport) ?? "tcp",
            ip: try container.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1",
            shellPort: try container.decode(Int.self, forKey: .shellPort),
            iopubPort: try container.decode(Int.self, forKey: .iopubPort),
            stdinPort: try container.decode(Int.self, forKey: .stdinPort),
            controlPort: try container.decode(Int.self, forKey: .controlPort),
            hbPort: try container.decode(Int.self, forKey: .hbPort),
            key: try container.decode(String.self, forKey: .key),
            signatureScheme: try container.decodeIfPresent(String.self, forKey: .signatureScheme) ?? Self.supportedScheme)
    }

    /// The only signature scheme this kernel speaks.
    public static let supportedScheme = "hmac-sha256"

    /// Reads a connection file's JSON; says what is wrong with it otherwise.
    public init(json: Data) throws(KernelError) {
        do {
            self = try JSONDecoder().decode(ConnectionInfo.self, from: json)
        } catch {
            throw KernelError("the connection file is not valid: \(error)")
        }
        guard signatureScheme == Self.supportedScheme else {
            throw KernelError("the connection file asks for signature scheme '\(signatureScheme)'; only \(Self.supportedScheme) is supported")
        }
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError("the connection file asks for transport '\(transport)'; only tcp and ipc are supported")
        }
    }

    /// The ZeroMQ endpoint of a port: `tcp://127.0.0.1:5555`, or `ipc://path-5555` for the ipc transport.
    public func endpoint(port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}

/// Why the kernel cannot start or go on; the command line prints the description.
public struct KernelError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
