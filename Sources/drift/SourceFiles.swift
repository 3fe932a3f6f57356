// SourceFiles: reading scripts and writing saved sessions. Both move to DriftCore.FileAccess
// (`FileAccess.read(_:)`, `FileAccess.writeAtomically(_:to:)`) once that lands on this branch.
import Foundation

/// A script could not be read or a file could not be written, e.g. "cannot read 'x.drift': no such file".
struct SourceFileError: Error, CustomStringConvertible {
    let description: String

    init(action: String, path: String, reason: String) {
        description = "cannot \(action) '\(path)': \(reason)"
    }

    init(action: String, path: String, error: any Error) {
        let reason = switch (error as? CocoaError)?.code {
        case .fileReadNoSuchFile?, .fileNoSuchFile?: "no such file"
        case .fileReadNoPermission?, .fileWriteNoPermission?: "permission denied"
        case .fileReadInapplicableStringEncoding?: "not UTF-8 text"
        default: error.localizedDescription
        }
        self.init(action: action, path: path, reason: reason)
    }
}

/// The text of the script at `path`. TODO(FileAccess): read through `DriftCore.FileAccess.read(_:)`.
func readSourceFile(_ path: String) throws(SourceFileError) -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw SourceFileError(action: "read", path: path, reason: "is a directory")
    }
    do {
        return try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        throw SourceFileError(action: "read", path: path, error: error)
    }
}

/// Replaces the file at `path` with `text` so that readers never see a partial file: Foundation's
/// atomic write goes to a temporary file in the same directory, then renames it over `path`.
/// TODO(FileAccess): write through `DriftCore.FileAccess.writeAtomically(_:to:)`.
func writeFileAtomically(_ text: String, to path: String) throws(SourceFileError) {
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw SourceFileError(action: "write", path: path, error: error)
    }
}
