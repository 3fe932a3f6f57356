// History: the REPL's persistent history, `$DRIFT_HISTORY` or `~/.drift_history`. Loaded into readline at
// start; each entry is appended to the file as soon as it is entered, with one O_APPEND write, so two REPLs
// at once interleave whole entries instead of corrupting the file. Every entry is preceded by a `#<time>`
// line (readline's timestamp format), which lets a multi-line entry come back as one item.
import CReadline
import Foundation

struct History {
    /// The file is cut to about this many lines when the REPL starts.
    static let capacity: Int32 = 10_000

    let path: String

    /// `$DRIFT_HISTORY`, else `~/.drift_history`; nil when neither can be determined.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["DRIFT_HISTORY"], !path.isEmpty { return path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".drift_history")
    }

    /// Caps the file, then loads it into readline's in-memory history.
    func load() {
        drift_history_set_multiline_entries(1)
        stifle_history(Self.capacity)
        history_truncate_file(path, Self.capacity)
        read_history(path)
    }

    /// Adds `entry` to readline's history and appends it to the file.
    func add(_ entry: String) {
        add_history(entry)
        append(entry, at: Date())
    }

    /// Appends `entry` to the file in readline's format, in one write. History is a convenience: a file
    /// that cannot be written is silently skipped.
    func append(_ entry: String, at time: Date) {
        let record = "#\(Int(time.timeIntervalSince1970))\n\(entry)\n"
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = record.withCString { write(descriptor, $0, strlen($0)) }
    }
}
