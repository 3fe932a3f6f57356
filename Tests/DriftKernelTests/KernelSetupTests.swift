// KernelSetupTests: what the kernel reads and writes around its sessions — the connection file, the
// kernel spec `drift kernel install` writes and where, and the control channel's answers.
import DriftLang
import Foundation
import Testing
@testable import DriftKernel

@Suite struct KernelSetupTests {
    @Test func readsAConnectionFile() throws {
        let file = """
            {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
             "ip": "127.0.0.1", "key": "a0b1", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "drift"}
            """
        let connection = try ConnectionInfo(json: Data(file.utf8))
        #expect(connection.endpoint(port: connection.shellPort) == "tcp://127.0.0.1:5001")
        #expect(connection.key == "a0b1")
        var ipc = connection
        ipc.transport = "ipc"
        ipc.ip = "/tmp/kernel"
        #expect(ipc.endpoint(port: 5002) == "ipc:///tmp/kernel-5002")
        let minimal = try ConnectionInfo(json: Data(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": ""}"#.utf8))
        #expect(minimal.transport == "tcp" && minimal.ip == "127.0.0.1" && minimal.signatureScheme == "hmac-sha256")
    }

    @Test func refusesConnectionFilesItCannotHonour() {
        let md5 = #"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}"#
        #expect(throws: KernelError.self) { try ConnectionInfo(json: Data(md5.utf8)) }
        #expect(throws: KernelError.self) { try ConnectionInfo(json: Data("{\"shell_port\": \"x\"}".utf8)) }
        #expect(throws: KernelError.self) { try ConnectionInfo(json: Data("not json".utf8)) }
    }

    @Test func kernelSpecStartsThisBinaryWithSignalInterrupts() throws {
        let spec = KernelSpec(executable: "/opt/drift/bin/drift", options: ["--safe", "--allow-read", "/data"])
        let json = try #require(try JSONSerialization.jsonObject(with: spec.json) as? [String: Any])
        #expect(json["argv"] as? [String] == ["/opt/drift/bin/drift", "kernel", "--safe", "--allow-read", "/data", "--connection-file", "{connection_file}"])
        #expect(json["interrupt_mode"] as? String == "signal")
        #expect(json["language"] as? String == "drift")
        #expect(json["display_name"] as? String == JupyterLanguage.displayName)
        // The name matches what `drift notebook -o x.ipynb` writes as the notebook's kernelspec.
        #expect(spec.name == JupyterLanguage.kernelSpec["name"])
    }

    @Test func installsKernelJSONAndLogos() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-kernels-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let installed = try KernelSpec(name: "drift-test", executable: "/bin/drift").install(inKernelsDirectory: directory)
        #expect(installed == directory + "/drift-test")
        let files = try FileManager.default.contentsOfDirectory(atPath: installed).sorted()
        #expect(files == ["kernel.json", "logo-32x32.png", "logo-64x64.png", "logo-svg.svg"])
        let png = try Data(contentsOf: URL(fileURLWithPath: installed + "/logo-64x64.png"))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func kernelSpecNamesAndLocations() throws {
        #expect(KernelSpec.isValidName("drift-2.0_test"))
        #expect(!KernelSpec.isValidName("../drift") && !KernelSpec.isValidName("") && !KernelSpec.isValidName("dr ift"))
        let home = ["HOME": "/home/ann"]
        #if os(Linux)
        #expect(try KernelSpecLocation.user.kernelsDirectory(environment: home) == "/home/ann/.local/share/jupyter/kernels")
        #endif
        #expect(try KernelSpecLocation.user.kernelsDirectory(environment: home.merging(["JUPYTER_DATA_DIR": "/j"]) { $1 }) == "/j/kernels")
        #expect(try KernelSpecLocation.prefix("/opt/env").kernelsDirectory(environment: home) == "/opt/env/share/jupyter/kernels")
        #expect(try KernelSpecLocation.environment.kernelsDirectory(environment: ["VIRTUAL_ENV": "/v"]) == "/v/share/jupyter/kernels")
        #expect(throws: KernelError.self) { try KernelSpecLocation.environment.kernelsDirectory(environment: home) }
        #expect(try KernelSpecLocation.system.kernelsDirectory(environment: [:]) == "/usr/local/share/jupyter/kernels")
    }

    /// Interrupt and shutdown set the process-wide cancellation flag, which would stop other suites'
    /// code: tools/check_kernel.py tests them against a kernel process.
    @Test func controlAnswersKernelInfo() {
        let outlet = RecordingOutlet()
        let control = ControlHandler(codec: WireCodec(key: ""), outlet: outlet)
        control.handle(request("kernel_info_request"))
        #expect(outlet.replies.first?.channel == .control)
        #expect(outlet.replies.first?.type == "kernel_info_reply")
        let stopping = control.shutdownRequested.load(ordering: .relaxed)
        #expect(!stopping)
    }
}
