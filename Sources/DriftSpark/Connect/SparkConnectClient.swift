// SparkConnectClient: one Spark Connect session over gRPC (HTTP/2, plaintext or TLS), opened through
// FileAccess's network gate and used synchronously through AsyncBridge. A query is an ExecutePlan whose plan is
// a SQL relation, its parameters bound as Spark's typed literals (named arguments), its results the Arrow IPC
// streams of the ArrowBatch responses, decoded into one frame. Ctrl-C (DriftCore's Cancellation) cancels the
// waiting task, which sends an Interrupt for the running operation before the call ends, so Spark stops the
// job too. Errors come back in Spark's words (the error class and message, without the JVM stack trace).
// A client that has run a query and then finds its connection or its server session gone (the server restarted,
// the session timed out or was released, the client was shut down) throws SparkConnectionLost, on which
// SparkDatabase opens a new client and runs the query again. `close` releases the session on the server.
import DriftCore
import DriftSources
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import GRPCProtobuf
import Synchronization

final class SparkConnectClient: Sendable {
    let url: SparkURL
    private let client: GRPCClient<HTTP2ClientTransport.Posix>
    private let connections: Task<Void, Never>
    private let sessionID = UUID().uuidString.lowercased()
    private let userContext: Spark_Connect_UserContext
    private let metadata: Metadata
    private let interrupted = Mutex<[String]>([])
    /// Whether a query has succeeded: the server knows the session, and a failure to reach it is a lost connection.
    private let connected = Atomic<Bool>(false)

    /// Arrow batches are at most a few MB by default; a server configured for more is still read.
    private static let callOptions: CallOptions = {
        var options = CallOptions.defaults
        options.maxResponseMessageBytes = 256 << 20
        return options
    }()

    init(_ url: SparkURL) throws {
        self.url = url
        try FileAccess.checkNetwork(host: url.host, port: url.port)
        let transport = try HTTP2ClientTransport.Posix(
            target: .dns(host: url.host, port: url.port), transportSecurity: try Self.transportSecurity(url))
        let client = GRPCClient(transport: transport)
        self.client = client
        connections = Task(executorPreference: ThreadTaskExecutor.shared) { try? await client.runConnections() }
        var context = Spark_Connect_UserContext()
        context.userID = url.user ?? FileAccess.environment("USER") ?? "drift"
        context.userName = context.userID
        userContext = context
        var metadata: Metadata = [:]
        if let token = url.token { metadata.addString("Bearer \(token)", forKey: "authorization") }
        self.metadata = metadata
    }

    /// Plaintext, or TLS trusting the system's certificate authorities, or those in the PEM file SSL_CERT_FILE
    /// names when it is set (as OpenSSL's tools read it: a cluster whose certificate a private CA signed).
    private static func transportSecurity(_ url: SparkURL) throws -> HTTP2ClientTransport.Posix.TransportSecurity {
        guard url.useTLS else { return .plaintext }
        guard let file = FileAccess.environment("SSL_CERT_FILE"), !file.isEmpty else { return .tls }
        let certificates = try FileAccess.read(file)
        return .tls { $0.trustRoots = .certificates([.bytes(Array(certificates), format: .pem)]) }
    }

    /// Releases the session on the server (best effort, for at most two seconds) and shuts the connection down.
    func close() {
        if connected.load(ordering: .acquiring) { _ = try? AsyncBridge.wait { [self] in try await releaseSession() } }
        client.beginGracefulShutdown()
        let connections = self.connections
        _ = try? AsyncBridge.wait { await connections.value }
    }

    /// Runs `sql` with its `:p1 …` parameters and returns the rows.
    func query(_ sql: String, parameters: [SQLValue]) throws -> DataFrame {
        let request = executeRequest(sql, parameters: parameters)
        do {
            let frame = try AsyncBridge.wait { [self] in try await execute(request) }
            connected.store(true, ordering: .releasing)
            return frame
        } catch {
            if Cancellation.isRequested { throw InterruptedError() }
            if connected.load(ordering: .acquiring), Self.isLostConnection(error) { throw SparkConnectionLost(failure(error, sql: sql)) }
            throw failure(error, sql: sql)
        }
    }

    /// Whether `error` says the connection or the server's session is gone, rather than that the query failed.
    private static func isLostConnection(_ error: any Error) -> Bool {
        if let runtime = error as? RuntimeError { return runtime.code == .clientIsStopped }
        guard let rpc = error as? RPCError else { return false }
        return rpc.code == .unavailable || rpc.message.contains("INVALID_HANDLE.SESSION_")
    }

    /// Ends the session on the server (a ReleaseSession call).
    func releaseSession() async throws {
        var request = Spark_Connect_ReleaseSessionRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = "drift"
        var options = CallOptions.defaults
        options.timeout = .seconds(2)
        _ = try await client.unary(
            request: ClientRequest(message: request, metadata: metadata), descriptor: SparkConnectService.releaseSession,
            serializer: ProtobufSerializer(), deserializer: ProtobufDeserializer<Spark_Connect_ReleaseSessionResponse>(),
            options: options
        ) { try $0.message }
    }

    /// An ExecutePlan request of this session for a SQL relation, with a fresh operation id.
    func executeRequest(_ sql: String, parameters: [SQLValue]) -> Spark_Connect_ExecutePlanRequest {
        var request = Spark_Connect_ExecutePlanRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = "drift"
        request.operationID = UUID().uuidString.lowercased()
        request.plan.root.sql.query = sql
        request.plan.root.sql.namedArguments = SparkLiteral.arguments(parameters)
        return request
    }

    /// Runs a request and decodes its Arrow batches. If the task is cancelled, the operation is interrupted on
    /// the server, and that request has finished before this returns.
    func execute(_ request: Spark_Connect_ExecutePlanRequest) async throws -> DataFrame {
        let pending = PendingInterrupt()
        do {
            return try await withTaskCancellationHandler {
                try await client.serverStreaming(
                    request: ClientRequest(message: request, metadata: metadata), descriptor: SparkConnectService.executePlan,
                    serializer: ProtobufSerializer(), deserializer: ProtobufDeserializer<Spark_Connect_ExecutePlanResponse>(),
                    options: Self.callOptions
                ) { response in
                    var decoder = ArrowStreamDecoder()
                    for try await message in response.messages {
                        guard case .arrowBatch(let batch)? = message.responseType else { continue }
                        // --max-memory: a result too big to hold stops here (and the call's end stops Spark's job).
                        try MemoryLimit.reserve(Double(batch.data.count) * 2, for: "a Spark result batch of \(batch.rowCount) rows")
                        try decoder.decode([UInt8](batch.data))
                    }
                    return try decoder.frame()
                }
            } onCancel: {
                pending.start { await self.interrupt(request.operationID) }
            }
        } catch {
            await pending.finish()
            throw error
        }
    }

    /// The operations the server said it interrupted at this client's request.
    var interruptedOperations: [String] { interrupted.withLock { $0 } }

    /// Asks the server to interrupt operation `operationID` of this session (best effort: a failure is ignored,
    /// the call's own cancellation still ends the wait). A server that has not registered the operation yet (Ctrl-C
    /// right after the query was sent, or a busy server) interrupts nothing: ask again, for up to two seconds.
    private func interrupt(_ operationID: String) async {
        for attempt in 0..<8 {
            if attempt > 0 { try? await Task.sleep(for: .milliseconds(250)) }
            guard let interrupted = await interruptOnce(operationID) else { return }
            if interrupted.contains(operationID) { return }
        }
    }

    /// One Interrupt request: the operations the server interrupted, nil when the request failed.
    private func interruptOnce(_ operationID: String) async -> [String]? {
        var request = Spark_Connect_InterruptRequest()
        request.sessionID = sessionID
        request.userContext = userContext
        request.clientType = "drift"
        request.interruptType = .operationID
        request.operationID = operationID
        let response = try? await client.unary(
            request: ClientRequest(message: request, metadata: metadata), descriptor: SparkConnectService.interrupt,
            serializer: ProtobufSerializer(), deserializer: ProtobufDeserializer<Spark_Connect_InterruptResponse>(),
            options: .defaults
        ) { try $0.message }
        guard let ids = response?.interruptedIds else { return nil }
        interrupted.withLock { $0 += ids }
        return ids
    }

    /// An error as a SQLError in Spark's words: an unreachable server, or the server's message with the query.
    private func failure(_ error: any Error, sql: String) -> any Error {
        guard let rpc = error as? RPCError else {
            return error is ArrowError || error is DataError || error is MemoryLimitError ? error : SQLError.query("Spark Connect: \(error)", sql: sql)
        }
        switch rpc.code {
        case .unavailable, .deadlineExceeded:
            // A TLS handshake that fails (an untrusted certificate, a server without TLS) shows only as a lost connection.
            let tls = url.useTLS ? " (over TLS: is the server's certificate signed by a trusted authority? SSL_CERT_FILE names a PEM file of others to trust)" : ""
            return SQLError("cannot reach the Spark Connect server at \(DatabaseURL.spark(url).displayName): \(rpc.message)\(tls)")
        case .unauthenticated, .permissionDenied:
            return SQLError("the Spark Connect server at \(DatabaseURL.spark(url).displayName) refused the credentials: \(rpc.message)")
        default:
            return SQLError.query("Spark: \(Self.serverMessage(rpc.message))", sql: sql)
        }
    }

    /// Spark's message without the JVM stack trace and the query it repeats.
    static func serverMessage(_ message: String) -> String {
        var text = Substring(message)
        for marker in ["\nJVM stacktrace:", "\n== SQL"] {
            if let range = text.range(of: marker) { text = text[..<range.lowerBound] }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// The Interrupt request started when a query's task is cancelled, awaited before the query's call returns
/// (so the client is not shut down under it).
private final class PendingInterrupt: Sendable {
    private let task = Mutex<Task<Void, Never>?>(nil)

    func start(_ operation: @escaping @Sendable () async -> Void) {
        task.withLock { $0 = Task(executorPreference: ThreadTaskExecutor.shared) { await operation() } }
    }

    func finish() async {
        await task.withLock { $0 }?.value
    }
}

/// A query failed because the client's connection or its server session was lost (the error says how).
struct SparkConnectionLost: Error {
    let error: any Error

    init(_ error: any Error) { self.error = error }
}
