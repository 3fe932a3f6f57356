// Console: where the command line writes results and messages; the REPL takes one so tests can capture it.
import Foundation

struct Console {
    /// Writes to standard output (results, displayed values).
    var write: (String) -> Void
    /// Writes to standard error (diagnostics, messages).
    var writeError: (String) -> Void

    /// The process's standard output and error. Standard output is flushed before anything goes to
    /// standard error so the two stay in order on a terminal.
    static var standard: Console {
        Console(
            write: { text in
                ProgressBar.clear()
                print(text, terminator: "")
                fflush(nil)
            },
            writeError: { text in
                ProgressBar.clear()
                fflush(nil)
                FileHandle.standardError.write(Data(text.utf8))
            }
        )
    }

    /// Columns of the terminal on standard output, or 80 when it is not a terminal.
    static var terminalWidth: Int {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Writes `text` to standard output, ending it with a newline if it has none.
    func line(_ text: String) { write(text.hasSuffix("\n") ? text : text + "\n") }

    /// Writes `text` to standard error, ending it with a newline if it has none.
    func errorLine(_ text: String) { writeError(text.hasSuffix("\n") ? text : text + "\n") }
}
