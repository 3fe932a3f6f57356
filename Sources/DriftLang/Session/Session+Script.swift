// Session+Script: where a script file's relative paths lead. `drift run` and `drift notebook` run a script
// in its own directory, as Jupyter runs a notebook in the notebook's: `read_csv("data/sales.csv")` next
// to the script works from any working directory. The session's base directory is the script's, so the
// paths still pass FileAccess, safe mode's checks included, resolved.
import Foundation

extension Session {
    /// The script at `path` (relative to the working directory, or absolute) as an absolute path, to run
    /// it under, and its directory, to make a session's `baseDirectory`.
    public static func scriptLocation(_ path: String) -> (path: String, directory: String) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return (url.path, url.deletingLastPathComponent().path)
    }
}
