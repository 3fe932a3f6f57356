// KernelSpec: what `drift kernel install` writes into a Jupyter kernels directory — `kernel.json` (the
// command that starts the kernel, with this binary's absolute path, `interrupt_mode: signal`, the
// language) and the logo — and where those directories are: the user's, a prefix's, the active
// environment's (`--sys-prefix`) or the system's.
import DriftLang
import Foundation

public struct KernelSpec: Equatable, Sendable {
    public var name: String
    public var displayName: String
    /// The command Jupyter runs, `{connection_file}` standing for the file it writes.
    public var argv: [String]

    public init(name: String = JupyterLanguage.kernelName, displayName: String = JupyterLanguage.displayName,
                executable: String, options: [String] = []) {
        self.name = name
        self.displayName = displayName
        argv = [executable, "kernel"] + options + ["--connection-file", "{connection_file}"]
    }

    /// Names Jupyter accepts for a kernel spec: letters, digits, `.`, `-` and `_`.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || ".-_".unicodeScalars.contains($0)) }
    }

    public var json: Data {
        let spec: [String: Any] = [
            "argv": argv, "display_name": displayName, "language": "drift",
            "interrupt_mode": "signal", "metadata": ["debugger": false],
        ]
        return (try? JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// Writes `kernel.json` and the logos into `directory/name`, replacing an earlier install; returns that directory.
    @discardableResult
    public func install(inKernelsDirectory directory: String) throws -> String {
        let target = URL(fileURLWithPath: directory).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try json.write(to: target.appendingPathComponent("kernel.json"), options: .atomic)
        for (file, contents) in KernelLogo.files {
            try contents.write(to: target.appendingPathComponent(file), options: .atomic)
        }
        return target.path
    }
}

/// Where kernel specs live, as `jupyter kernelspec` knows them.
public enum KernelSpecLocation: Equatable, Sendable {
    /// `$JUPYTER_DATA_DIR/kernels`, else the user's Jupyter data directory.
    case user
    /// `PREFIX/share/jupyter/kernels`.
    case prefix(String)
    /// The active virtual or conda environment's prefix.
    case environment
    /// `/usr/local/share/jupyter/kernels`.
    case system

    public func kernelsDirectory(environment variables: [String: String] = ProcessInfo.processInfo.environment) throws(KernelError) -> String {
        switch self {
        case .user:
            if let data = variables["JUPYTER_DATA_DIR"], !data.isEmpty { return data + "/kernels" }
            guard let home = variables["HOME"], !home.isEmpty else { throw KernelError("HOME is not set: use --prefix DIR") }
            #if os(macOS)
            return home + "/Library/Jupyter/kernels"
            #else
            let data = variables["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
            return data + "/jupyter/kernels"
            #endif
        case .prefix(let prefix):
            return URL(fileURLWithPath: prefix).appendingPathComponent("share/jupyter/kernels").path
        case .environment:
            guard let prefix = variables["VIRTUAL_ENV"] ?? variables["CONDA_PREFIX"], !prefix.isEmpty else {
                throw KernelError("--sys-prefix needs an active virtual or conda environment (VIRTUAL_ENV or CONDA_PREFIX); use --prefix DIR")
            }
            return try KernelSpecLocation.prefix(prefix).kernelsDirectory(environment: variables)
        case .system:
            return "/usr/local/share/jupyter/kernels"
        }
    }
}
