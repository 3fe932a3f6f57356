// PseudoTerminal: runs `drift` on a pseudo-terminal as a person would use it: the pty is its controlling
// terminal (so Ctrl-C raises SIGINT), keys are typed into the master side and the screen output is read
// back, always with a timeout.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

final class PseudoTerminal {
    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    let processID: pid_t
    private let master: Int32
    /// Kept open for the terminal's lifetime: if the parent closed it before the child opened its own
    /// copy, the master would read as hung up (EIO) and the test would see no output at all.
    private let slave: Int32
    /// Everything the program has written so far.
    private(set) var output = ""
    /// Where the next `expect` starts looking in `output`, as a UTF-8 offset.
    private var mark = 0
    private var exitStatus: Int32?

    /// Starts `drift arguments` on a new 80x24 terminal; `environment` adds to a minimal environment.
    init(_ arguments: [String] = [], environment: [String: String]) throws {
        // One terminal is set up at a time: between openpty and FD_CLOEXEC a concurrent spawn would
        // inherit this terminal's descriptors.
        PseudoTerminal.setupLock.lock()
        defer { PseudoTerminal.setupLock.unlock() }
        let binary = try DriftBinary.require()
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0, let name = ttyname(slave) else {
            throw Timeout(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        let slavePath = String(cString: name)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(): the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), interrupt = sigset_t()
        sigemptyset(&noSignals)
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &interrupt)
        let setSession: Int32 = 0x80  // glibc's POSIX_SPAWN_SETSID, which Swift does not import
        posix_spawnattr_setflags(&attributes, Int16(setSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let base = ["TERM": "dumb", "INPUTRC": "/dev/null", "HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        let variables = base.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid: pid_t = 0
        let status = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            close(slave)
            throw Timeout(description: "posix_spawn failed: \(String(cString: strerror(status)))")
        }
        processID = pid
        self.master = master
        self.slave = slave
    }

    private static let setupLock = NSLock()

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            waitpid(processID, nil, 0)
        }
        close(master)
        close(slave)
    }

    /// Types `keys` (text, "\r" for Enter, "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D, "\t", "\u{1B}[A" ...).
    func type(_ keys: String) {
        _ = keys.withCString { write(master, $0, strlen($0)) }
    }

    /// Waits until `text` appears after the previous match; returns the output up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let start = output.utf8.index(output.startIndex, offsetBy: mark)
            if let range = output.range(of: text, range: start..<output.endIndex) {
                mark = output.utf8.distance(from: output.startIndex, to: range.upperBound)
                return String(output[start..<range.upperBound])
            }
            guard ContinuousClock.now < deadline, readAvailable(waitingMilliseconds: 50) else {
                throw Timeout(description: "did not see \(text.debugDescription); output so far:\n\(output)")
            }
        }
    }

    /// Waits for the program to exit and returns its exit status (or 128 + signal).
    func waitForExit(timeout: Duration = .seconds(10)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            _ = readAvailable(waitingMilliseconds: 20)
            var status: Int32 = 0
            if waitpid(processID, &status, WNOHANG) == processID {
                let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
                exitStatus = code
                return code
            }
        }
        throw Timeout(description: "drift did not exit; output so far:\n\(output)")
    }

    /// Reads what is there (waiting up to the given time); false once the terminal is closed.
    private func readAvailable(waitingMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitingMilliseconds) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        output += String(decoding: buffer[..<count], as: UTF8.self)
        return true
    }
}
