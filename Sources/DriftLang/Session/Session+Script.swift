// Session+Script: where a script file's relative paths lead. `drift run` and `drift notebook` run a script
// in its own directory, as Jupyter runs a notebook in the notebook's: `read_csv("data/sales.csv")` next
// to the script works from any working directory. The session's base directory is the script's, so the
// paths still pass FileAccess, safe mode's checks included, resolved.
//
// The path is made absolute and its `.` and `..` components resolved by hand, as URL's standardizedFileURL
// does (lexically, symbolic links kept): Foundation's first use of it cost every `drift run` a scan of the
// static binary's 12,000 conformance records (0.7M instructions) for a Set<UInt8>.
import Foundation

extension Session {
    /// The script at `path` (relative to the working directory, or absolute) as an absolute path, to run
    /// it under, and its directory, to make a session's `baseDirectory`.
    public static func scriptLocation(_ path: String) -> (path: String, directory: String) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in absolute.split(separator: "/") where component != "." {
            if component == ".." {
                if !components.isEmpty { components.removeLast() }
            } else {
                components.append(component)
            }
        }
        var directory = ""
        for component in components.dropLast() { directory += "/" + String(component) }
        let file = components.last.map { directory + "/" + String($0) } ?? "/"
        return (file, directory.isEmpty ? "/" : directory)
    }
}
