// ReadlineEditor: the terminal line editor, GNU readline with persistent history, prefix search on the
// arrow keys, Tab completion and Ctrl-C. readline's own signal handling is off: `Interrupts` catches SIGINT,
// and `readKey` (our `rl_getc_function`) turns a pending interrupt into the Ctrl-C key, bound to
// `interruptLine`, which ends `readline()` so that the REPL sees `.interrupted`.
import CReadline
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key `readKey` reports for a Ctrl-C (the terminal turns the real key into SIGINT).
private let interruptKey: Int32 = 3

/// Set by `interruptLine` so that `readLine` knows why `readline()` returned.
private let lineInterrupted = Atomic<Bool>(false)

/// Candidates for Tab. readline calls back on the thread that called `readline()`, the only one that
/// uses the editor, and the provider is set before the first call.
nonisolated(unsafe) private var completionProvider: (String, Int) -> [String] = { _, _ in [] }

final class ReadlineEditor: LineEditor {
    private let history: History?

    init(history: History?) {
        self.history = history
        drift_rl_set_readline_name("drift")
        rl_initialize()
        drift_rl_set_catch_signals(0)
        drift_rl_set_getc_function(readKey)
        rl_variable_bind("enable-bracketed-paste", "off")
        // After rl_initialize, so that these win over ~/.inputrc; in every keymap, for vi users too.
        for name in ["emacs", "vi-insert", "vi-command"] {
            guard let keymap = rl_get_keymap_by_name(name) else { continue }
            rl_bind_key_in_map(interruptKey, interruptLine, keymap)
            for (up, down) in [("\u{1B}[A", "\u{1B}[B"), ("\u{1B}OA", "\u{1B}OB")] {
                rl_bind_keyseq_in_map(up, rl_history_search_backward, keymap)
                rl_bind_keyseq_in_map(down, rl_history_search_forward, keymap)
            }
        }
        drift_rl_set_completer_word_break_characters(Completion.wordBreakCharacters)
        drift_rl_set_attempted_completion_function(complete)
        history?.load()
        Interrupts.install()
    }

    func readLine(prompt: String) -> LineInput {
        Interrupts.discardPending()
        lineInterrupted.store(false, ordering: .relaxed)
        guard let line = readline(prompt) else {
            print()  // Ctrl-D: end the prompt's line before leaving.
            return .endOfInput
        }
        defer { free(line) }
        let text = String(cString: line)
        guard lineInterrupted.load(ordering: .relaxed) else { return .line(text) }
        print("^C")
        return .interrupted(partial: text)
    }

    func remember(_ entry: String) {
        history?.add(entry)
    }

    func setCompletionProvider(_ provider: @escaping (String, Int) -> [String]) {
        completionProvider = provider
    }
}

/// Reads one key from readline's input. Waits with SIGINT blocked except during `pselect`, so a Ctrl-C
/// either is seen by the check before the wait or interrupts the wait; never lost until the next key.
private let readKey: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
    guard let stream else { return EOF }
    let descriptor = fileno(stream)
    var interrupt = sigset_t(), waitMask = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    pthread_sigmask(SIG_BLOCK, &interrupt, &waitMask)
    defer { pthread_sigmask(SIG_SETMASK, &waitMask, nil) }
    sigdelset(&waitMask, SIGINT)
    while true {
        rl_check_signals()  // readline's own (window size changes).
        if Interrupts.takePending() { return interruptKey }
        guard drift_wait_readable(descriptor, &waitMask) > 0 else {
            if errno == EINTR { continue }
            return EOF
        }
        var key: UInt8 = 0
        switch read(descriptor, &key, 1) {
        case 1: return Int32(key)
        case 0: return EOF
        default: if errno != EINTR && errno != EAGAIN { return EOF }
        }
    }
}

/// Bound to `interruptKey`: ends `readline()` and marks the line as interrupted.
private let interruptLine: @convention(c) (Int32, Int32) -> Int32 = { _, _ in
    lineInterrupted.store(true, ordering: .relaxed)
    rl_end_of_line(1, 0)  // so that "^C" follows the whole line
    rl_redisplay()
    drift_rl_set_done(1)
    return 0
}

/// readline's attempted-completion function: asks the provider with the whole line and the cursor and
/// returns readline's match list (the common prefix, then each match, all malloc'ed, then NULL).
private let complete: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, wordStart, _ in
    drift_rl_set_attempted_completion_over(1)
    drift_rl_set_completion_append_character(0)
    guard let buffer = drift_rl_line_buffer() else { return nil }
    let line = String(cString: buffer)
    let cursor = Int(drift_rl_point())
    let matches = Completion.replacements(
        for: completionProvider(line, cursor), line: line, cursor: cursor, wordStart: Int(wordStart))
    guard !matches.isEmpty else { return nil }
    let list = matches.count == 1 ? matches : [Completion.commonPrefix(of: matches)] + matches
    // readline frees the list with free(), so it comes from malloc.
    typealias Entry = UnsafeMutablePointer<CChar>?
    guard let memory = malloc(MemoryLayout<Entry>.stride * (list.count + 1)) else { return nil }
    let result = memory.bindMemory(to: Entry.self, capacity: list.count + 1)
    for (index, match) in list.enumerated() { result[index] = strdup(match) }
    result[list.count] = nil
    return result
}
