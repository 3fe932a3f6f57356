// SparkConnectService: the three methods of `spark.connect.SparkConnectService` Drift calls, as hand-written
// gRPC method descriptors used with GRPCCore's generic `GRPCClient.serverStreaming` / `unary` and GRPCProtobuf's
// serializers. Chosen over generating stubs with grpc-swift-protobuf's plugin: two descriptors are a few
// lines, where the generated service would add a client for every method of the service (artifacts,
// reattach, config, …) that Drift never calls, and a second code generator to build and keep in step.
import GRPCCore
import GRPCProtobuf

enum SparkConnectService {
    static let name = "spark.connect.SparkConnectService"
    /// Runs a plan and streams its results (Arrow batches) back.
    static let executePlan = MethodDescriptor(fullyQualifiedService: name, method: "ExecutePlan", type: .serverStreaming)
    /// Interrupts running operations of a session.
    static let interrupt = MethodDescriptor(fullyQualifiedService: name, method: "Interrupt", type: .unary)
    /// Ends a session on the server (its state and cached plans), so it need not wait for the idle timeout.
    static let releaseSession = MethodDescriptor(fullyQualifiedService: name, method: "ReleaseSession", type: .unary)
}
