// Kernel: a Jupyter kernel over one `Session`. It binds the connection file's sockets, echoes
// heartbeats on one thread, serves the control channel on another (so an interrupt reaches a running
// cell), and serves the shell channel on the calling thread, where cells run one at a time, until a
// shutdown request. Every message is checked by `WireCodec` first: one that is unsigned, wrongly
// signed, malformed or too large is logged and dropped, and the kernel goes on.
import DriftLang
import Foundation

public enum Kernel {
    /// How long a loop waits for a message before it looks again whether to stop, in milliseconds.
    static let pollInterval = 100

    /// Serves `connection` with `session` until a `shutdown_request`.
    public static func run(_ connection: ConnectionInfo, session: Session) throws(KernelError) {
        let codec = WireCodec(key: connection.key)
        let context = try ZMQContext()
        let sockets = try KernelSockets(connection, context: context, codec: codec)
        let shell = ShellHandler(session: session, codec: codec, outlet: sockets)
        let control = ControlHandler(codec: codec, outlet: sockets)
        let heartbeat = Thread { sockets.heartbeat.echoForever(); sockets.heartbeat.close() }
        heartbeat.start()
        let controlStopped = DispatchSemaphore(value: 0)
        let controlThread = Thread {
            serve(sockets.control, codec: codec, until: { control.shutdownRequested.load(ordering: .relaxed) }, handle: control.handle)
            controlStopped.signal()
        }
        controlThread.start()
        shell.handleQueuedRequests = { [unowned shell] in handleWaiting(on: sockets.shell, codec: codec, handle: shell.handle) }
        serve(sockets.shell, codec: codec, until: { shell.shutdownRequested || control.shutdownRequested.load(ordering: .relaxed) },
              handle: shell.handle)
        control.shutdownRequested.store(true, ordering: .relaxed)
        controlStopped.wait()
        sockets.close()
    }

    /// Reads, checks and handles the messages of `socket` until `stop` says so.
    private static func serve(_ socket: ZMQSocket, codec: WireCodec, until stop: () -> Bool, handle: (IncomingMessage) -> Void) {
        while !stop() {
            if ZMQSocket.waitReadable(socket, timeout: pollInterval) { handleWaiting(on: socket, codec: codec, handle: handle) }
        }
    }

    /// Checks and handles every message already waiting on `socket`, without waiting for more.
    private static func handleWaiting(on socket: ZMQSocket, codec: WireCodec, handle: (IncomingMessage) -> Void) {
        while let received = socket.receive() {
            switch received {
            case .tooLarge(let bytes):
                KernelLog.write("dropped a message: \(WireError.tooLarge(bytes: bytes))")
            case .frames(let frames):
                do {
                    handle(try codec.decode(frames))
                } catch {
                    KernelLog.write("dropped a message: \(error)")
                }
            }
        }
    }
}
