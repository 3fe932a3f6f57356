// KernelLog: the kernel's own messages (what it dropped and why) on standard error, which Jupyter
// shows in its server log; a cell's output never goes there.
import Foundation

enum KernelLog {
    static func write(_ message: String) {
        FileHandle.standardError.write(Data("drift kernel: \(message)\n".utf8))
    }
}
