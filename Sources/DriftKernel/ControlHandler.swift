// ControlHandler: the control channel, served on its own thread so it answers while a cell runs:
// `interrupt_request` asks running work to stop (the flag every long loop polls), `shutdown_request`
// ends the kernel (the front end restarts it when asked to), `kernel_info_request` as on the shell.
import DriftCore
import Synchronization

final class ControlHandler: Sendable {
    let codec: WireCodec
    let outlet: any MessageOutlet
    /// Set by a `shutdown_request`; the kernel's loops end when they see it.
    let shutdownRequested = Atomic<Bool>(false)

    init(codec: WireCodec, outlet: any MessageOutlet) {
        self.codec = codec
        self.outlet = outlet
    }

    func handle(_ request: IncomingMessage) {
        let exchange = Exchange(request: request, channel: .control, codec: codec, outlet: outlet)
        switch exchange.type {
        case "interrupt_request":
            Cancellation.request()
            exchange.reply("interrupt_reply", StatusReply())
        case "shutdown_request":
            let restart = (try? request.content(as: ShutdownRequest.self))?.restart ?? false
            exchange.reply("shutdown_reply", ShutdownReply(restart: restart))
            shutdownRequested.store(true, ordering: .relaxed)
            Cancellation.request()
        case "kernel_info_request":
            exchange.reply("kernel_info_reply", KernelInfoReply.drift)
        default:
            KernelLog.write("ignored \(exchange.type) on the control channel")
        }
    }
}
