// KernelSockets: the five sockets of a kernel, bound to the connection file's ports — shell and control
// (ROUTER: requests in, replies out), IOPub (PUB: broadcasts), stdin (ROUTER, bound for clients that
// connect to it; the kernel asks for no input) and the heartbeat (ROUTER, echoed by libzmq's proxy).
// Sending is serialised by one lock: IOPub is written from the shell thread, the thread that runs a
// cell, the stream flusher and the control thread.
import CZeroMQ
import Foundation

final class KernelSockets: MessageOutlet, @unchecked Sendable {
    let shell: ZMQSocket
    let control: ZMQSocket
    let iopub: ZMQSocket
    let stdin: ZMQSocket
    let heartbeat: ZMQSocket
    private let context: ZMQContext
    private let codec: WireCodec
    private let sending = NSLock()

    init(_ connection: ConnectionInfo, context: ZMQContext, codec: WireCodec) throws(KernelError) {
        self.context = context
        self.codec = codec
        shell = try ZMQSocket(context, type: ZMQ_ROUTER)
        control = try ZMQSocket(context, type: ZMQ_ROUTER)
        iopub = try ZMQSocket(context, type: ZMQ_PUB)
        stdin = try ZMQSocket(context, type: ZMQ_ROUTER)
        heartbeat = try ZMQSocket(context, type: ZMQ_ROUTER)
        for socket in [shell, control, stdin] { socket.refuseFrames(largerThan: WireCodec.maximumMessageBytes) }
        // The heartbeat echoes small pings only.
        heartbeat.refuseFrames(largerThan: 1 << 16)
        try shell.bind(connection.endpoint(port: connection.shellPort))
        try control.bind(connection.endpoint(port: connection.controlPort))
        try iopub.bind(connection.endpoint(port: connection.iopubPort))
        try stdin.bind(connection.endpoint(port: connection.stdinPort))
        try heartbeat.bind(connection.endpoint(port: connection.hbPort))
    }

    func send(_ message: OutgoingMessage, on channel: Channel) {
        let frames = codec.encode(message)
        sending.withLock {
            switch channel {
            case .shell: shell.send(frames)
            case .control: control.send(frames)
            case .iopub: iopub.send(frames)
            }
        }
    }

    /// Closes the sockets (pending replies still leave, see `ZMQSocket`) and stops the heartbeat.
    func close() {
        sending.withLock {
            for socket in [shell, control, iopub, stdin] { socket.close() }
        }
        context.shutdown()
    }
}
