// SourceFiles: reading scripts and writing saved sessions, through DriftCore.FileAccess (the one gate
// for file access) so the command line obeys the same rules as scripts.
import DriftCore
import DriftLang
import Foundation

/// The text of the script at `path`; "cannot read 'x.drift': no such file" and the like when it fails.
func readSourceFile(_ path: String) throws(FileAccessError) -> String {
    let data: Data
    do {
        data = try FileAccess.read(path)
    } catch let error as FileAccessError {
        throw error
    } catch {
        throw FileAccessError("cannot read '\(path)': \(error)")
    }
    let bytes = [UInt8](data)
    if let report = SourceEncoding.invalidUTF8Report(bytes, name: path) { throw FileAccessError(report) }
    return String(decoding: bytes, as: UTF8.self)
}

/// Replaces the file at `path` with `text` atomically: readers see the old file or the new one, never a
/// partial write.
func writeFileAtomically(_ text: String, to path: String) throws(FileAccessError) {
    do {
        try FileAccess.writeAtomically(Data(text.utf8), to: path)
    } catch let error as FileAccessError {
        throw error
    } catch {
        throw FileAccessError("cannot write '\(path)': \(error)")
    }
}
