// ZMQSocket: the few libzmq calls the kernel needs — a context, sockets that bind, multipart send and
// receive, and a poll with a timeout. A socket is used by one thread at a time (ZeroMQ's rule); the
// kernel guards the one that several threads publish on with a lock.
import CZeroMQ
import Foundation

final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init() throws(KernelError) {
        // The first context opens libzmq (CZeroMQ/ZeroMQLoader.c); every other call needs a context.
        if let failure = drift_zmq_load() { throw KernelError(String(cString: failure)) }
        guard let handle = drift_zmq_ctx_new() else { throw KernelError("cannot create a ZeroMQ context: \(ZMQSocket.lastError)") }
        self.handle = handle
    }

    /// Makes blocking calls on the context's sockets (the heartbeat's proxy) return.
    func shutdown() { drift_zmq_ctx_shutdown(handle) }

    deinit { drift_zmq_ctx_term(handle) }
}

/// What one receive produced.
enum ReceivedMessage {
    case frames([Data])
    /// A message past `WireCodec.maximumMessageBytes` or `maximumFrames`, read to its end and thrown away.
    case tooLarge(bytes: Int)
}

final class ZMQSocket: @unchecked Sendable {
    private var handle: UnsafeMutableRawPointer?
    /// Keeps the context alive while the socket is open.
    private let context: ZMQContext

    init(_ context: ZMQContext, type: Int32) throws(KernelError) {
        guard let handle = drift_zmq_socket(context.handle, type) else { throw KernelError("cannot create a ZeroMQ socket: \(Self.lastError)") }
        self.handle = handle
        self.context = context
        // Pending messages get a second to leave when the socket closes, so a last reply is not lost.
        setOption(ZMQ_LINGER, 1000 as Int32)
    }

    deinit { close() }

    func close() {
        guard let handle else { return }
        drift_zmq_close(handle)
        self.handle = nil
    }

    func bind(_ endpoint: String) throws(KernelError) {
        guard drift_zmq_bind(handle, endpoint) == 0 else { throw KernelError("cannot bind \(endpoint): \(Self.lastError)") }
    }

    func setOption<Value: FixedWidthInteger>(_ option: Int32, _ value: Value) {
        _ = withUnsafeBytes(of: value) { drift_zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
    }

    /// Peers that send a frame larger than this are disconnected by libzmq before it is read.
    func refuseFrames(largerThan bytes: Int) {
        setOption(ZMQ_MAXMSGSIZE, Int64(bytes))
    }

    /// Waits up to `timeout` milliseconds for a message on `socket`; true when one can be read.
    static func waitReadable(_ socket: ZMQSocket, timeout: Int) -> Bool {
        var item = zmq_pollitem_t(socket: socket.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        return drift_zmq_poll(&item, 1, timeout) > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
    }

    /// The next whole multipart message, or nil when none is waiting (or the wait was interrupted).
    func receive() -> ReceivedMessage? {
        var frames: [Data] = []
        var bytes = 0, count = 0, more = true
        while more {
            var message = zmq_msg_t()
            drift_zmq_msg_init(&message)
            defer { drift_zmq_msg_close(&message) }
            // Later parts of a multipart message are already here: only the first may be missing.
            guard drift_zmq_msg_recv(&message, handle, count == 0 ? ZMQ_DONTWAIT : 0) >= 0 else {
                if count == 0 { return nil }
                if errno == EINTR { continue }
                return .tooLarge(bytes: bytes)
            }
            let size = drift_zmq_msg_size(&message)
            bytes += size
            count += 1
            if bytes <= WireCodec.maximumMessageBytes && count <= WireCodec.maximumFrames {
                frames.append(drift_zmq_msg_data(&message).map { Data(bytes: $0, count: size) } ?? Data())
            }
            more = drift_zmq_msg_more(&message) != 0
        }
        return bytes <= WireCodec.maximumMessageBytes && count <= WireCodec.maximumFrames ? .frames(frames) : .tooLarge(bytes: bytes)
    }

    /// Sends the frames as one multipart message.
    func send(_ frames: [Data]) {
        for (index, frame) in frames.enumerated() {
            let flags = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            _ = frame.withUnsafeBytes { drift_zmq_send(handle, $0.baseAddress, $0.count, flags) }
        }
    }

    /// Answers every message with itself until the context ends: the heartbeat.
    func echoForever() {
        drift_zmq_proxy(handle, handle, nil)
    }

    static var lastError: String { String(cString: drift_zmq_strerror(drift_zmq_errno())) }
}
