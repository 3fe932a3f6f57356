// ProgressBar: while Drift code runs, a thread watches the clock and, once the work has taken more than
// a second and standard error is a terminal, draws one line on standard error: the native task and its
// share done (DriftCore.Progress), or just the time so far. Anything written to standard output first
// clears that line, so results and the bar never mix.
import DriftCore
import Foundation
import Synchronization

enum ProgressBar {
    /// Whether the bar is on screen; guarded so drawing and clearing never interleave.
    private static let shown = Mutex<Bool>(false)
    static let delay: Duration = .seconds(1)
    static let width = 24

    /// Runs `work`, showing the bar while it lasts longer than `delay` (only on a terminal).
    static func during<Result>(_ work: () -> Result) -> Result {
        guard isatty(STDERR_FILENO) == 1 else { return work() }
        let done = Atomic<Bool>(false)
        let stopped = DispatchSemaphore(value: 0)
        let thread = Thread {
            let start = ContinuousClock.now
            while !done.load(ordering: .relaxed) {
                usleep(100_000)
                let elapsed = ContinuousClock.now - start
                if elapsed >= delay && !done.load(ordering: .relaxed) { draw(line(elapsed: elapsed)) }
            }
            stopped.signal()
        }
        thread.start()
        defer {
            done.store(true, ordering: .relaxed)
            stopped.wait()
            clear()
        }
        return work()
    }

    /// "⠿ replay [██████░░░░░░] 45%  3.2 s  (Ctrl-C stops)", or without a task "running… 3.2 s".
    static func line(elapsed: Duration, task: (name: String, fraction: Double)? = Progress.current) -> String {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let time = String(format: "%.1f s", seconds)
        guard let task else { return "running… \(time)  (Ctrl-C stops)" }
        let filled = Int((task.fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "\(task.name) \(bar) \(Int(task.fraction * 100))%  \(time)  (Ctrl-C stops)"
    }

    private static func draw(_ text: String) {
        shown.withLock { isShown in
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
            isShown = true
        }
    }

    /// Erases the bar's line if it is shown; called before any output.
    static func clear() {
        shown.withLock { isShown in
            guard isShown else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            isShown = false
        }
    }
}
