// Build-tool plugin: embeds the Drift standard library (stdlib/*.drift at the package root) into the
// DriftLang module as string literals, so the `drift` binary finds its prelude from any working
// directory without resources or environment variables. Load order: prelude.drift first (the others
// may use it), then the rest by name. SwiftPM lists the files when it plans the build, so after adding
// a new stdlib file run `touch Package.swift` once (edits to existing files are picked up as usual).
import Foundation
import PackagePlugin

@main
struct EmbedStdlib: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let stdlib = context.package.directoryURL.appending(path: "stdlib")
        let sources = try FileManager.default
            .contentsOfDirectory(at: stdlib, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "drift" }
            .sorted { loadRank($0) < loadRank($1) }
        func loadRank(_ file: URL) -> (Int, String) {
            (file.lastPathComponent == "prelude.drift" ? 0 : 1, file.lastPathComponent)
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStdlib.swift")
        return [
            .buildCommand(
                displayName: "Embedding the Drift standard library",
                executable: try context.tool(named: "EmbedStdlibTool").url,
                arguments: [output.path] + sources.map(\.path),
                inputFiles: sources,
                outputFiles: [output]
            )
        ]
    }
}
