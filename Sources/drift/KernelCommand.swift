// KernelCommand: `drift kernel --connection-file FILE` runs Drift as a Jupyter kernel (started by
// Jupyter from the installed kernel spec); `drift kernel install` and `drift kernel uninstall` manage
// that spec. The kernel takes the options of `drift run` (--safe, --allow-read, --allow-write,
// --max-memory, --max-depth); `install` writes the ones it is given into the spec's command.
import ArgumentParser
import DriftCore
import DriftKernel
import DriftLang
import Foundation

struct KernelSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run as a Jupyter kernel (Jupyter starts it), or install or uninstall its kernel spec.",
        subcommands: [KernelStartSubcommand.self, KernelInstallSubcommand.self, KernelUninstallSubcommand.self],
        defaultSubcommand: KernelStartSubcommand.self
    )
}

/// `drift kernel --connection-file FILE`, the command a kernel spec runs (also `drift kernel start`).
struct KernelStartSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Serve Jupyter's messaging protocol on the sockets a connection file names."
    )

    @OptionGroup var options: ExecutionOptions

    @Option(name: .customLong("connection-file"), help: ArgumentHelp(
        "The connection file Jupyter wrote: ports, address and signing key.", valueName: "FILE"))
    var connectionFile: String

    func run() throws {
        let console = Console.standard
        do {
            // Read before safe mode starts, as a script is.
            let connection = try ConnectionInfo(json: FileAccess.read(connectionFile))
            try options.apply(defaultDirectory: ".")
            Interrupts.install()
            try Kernel.run(connection, session: Session(maximumCallDepth: options.maximumCallDepth, output: console.writeError))
        } catch {
            console.errorLine("drift: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Where a kernel spec goes: one of --user, --prefix and --sys-prefix, else the system's directory.
struct KernelLocationOptions: ParsableArguments {
    @Flag(help: "The user's Jupyter data directory (~/.local/share/jupyter/kernels, or $JUPYTER_DATA_DIR/kernels).")
    var user = false

    @Option(help: ArgumentHelp("PREFIX/share/jupyter/kernels, e.g. a Python environment's prefix.", valueName: "DIR"))
    var prefix: String?

    @Flag(name: .customLong("sys-prefix"), help: "The active virtual or conda environment ($VIRTUAL_ENV or $CONDA_PREFIX).")
    var environment = false

    @Option(help: ArgumentHelp("The kernel spec's name.", valueName: "NAME"))
    var name = JupyterLanguage.kernelName

    func validate() throws {
        if [user, prefix != nil, environment].filter({ $0 }).count > 1 {
            throw ValidationError("give at most one of --user, --prefix and --sys-prefix")
        }
        guard KernelSpec.isValidName(name) else {
            throw ValidationError("a kernel name has only letters, digits, '.', '-' and '_': '\(name)'")
        }
    }

    /// The location asked for; nil when none was.
    var chosen: KernelSpecLocation? {
        if user { return .user }
        if let prefix { return .prefix(prefix) }
        return environment ? .environment : nil
    }
}

struct KernelInstallSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Drift kernel spec (kernel.json and a logo) for Jupyter.",
        discussion: "Without --user, --prefix or --sys-prefix it goes to /usr/local/share/jupyter/kernels."
    )

    @OptionGroup var location: KernelLocationOptions

    @Option(name: .customLong("display-name"), help: ArgumentHelp("The name Jupyter shows.", valueName: "TEXT"))
    var displayName = JupyterLanguage.displayName

    @OptionGroup var options: ExecutionOptions

    func run() throws {
        let console = Console.standard
        do {
            let spec = KernelSpec(name: location.name, displayName: displayName,
                                  executable: try runningExecutable(), options: options.arguments)
            let directory = try spec.install(inKernelsDirectory: (location.chosen ?? .system).kernelsDirectory())
            console.line("installed the kernel spec '\(spec.name)' in \(directory)")
        } catch {
            console.errorLine("drift: cannot install the kernel spec: \(error)")
            throw ExitCode.failure
        }
    }
}

/// The absolute path of the running `drift` binary, which the kernel spec starts.
private func runningExecutable() throws(KernelError) -> String {
    guard let url = Bundle.main.executableURL?.resolvingSymlinksInPath() else {
        throw KernelError("cannot tell where the running drift binary is")
    }
    return url.path
}

struct KernelUninstallSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove the Drift kernel spec: from the location given, else from every one it is in."
    )

    @OptionGroup var location: KernelLocationOptions

    func run() throws {
        let console = Console.standard
        let candidates = location.chosen.map { [$0] } ?? [.user, .environment, .system]
        let directories = candidates.compactMap { try? $0.kernelsDirectory() }.map { $0 + "/" + location.name }
        let installed = directories.filter { FileManager.default.fileExists(atPath: $0 + "/kernel.json") }
        guard !installed.isEmpty else {
            console.errorLine("drift: no kernel spec '\(location.name)' in \(directories.joined(separator: ", "))")
            throw ExitCode.failure
        }
        for directory in installed {
            do {
                try FileManager.default.removeItem(atPath: directory)
                console.line("removed \(directory)")
            } catch {
                console.errorLine("drift: cannot remove \(directory): \(error)")
                throw ExitCode.failure
            }
        }
    }
}
