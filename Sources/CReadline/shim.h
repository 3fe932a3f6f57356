// CReadline shim: GNU readline and history for the drift REPL. Swift 6 refuses to read or write C
// global variables (not concurrency-safe), so each global the REPL needs gets a tiny accessor here.
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <sys/select.h>
#include <readline/readline.h>
#include <readline/history.h>

// Line state.
static inline const char *drift_rl_line_buffer(void) { return rl_line_buffer; }
static inline int drift_rl_point(void) { return rl_point; }
static inline void drift_rl_set_done(int done) { rl_done = done; }

// Configuration.
static inline void drift_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void drift_rl_set_catch_signals(int on) { rl_catch_signals = on; }
static inline void drift_rl_set_getc_function(rl_getc_func_t *function) { rl_getc_function = function; }

// Completion.
static inline void drift_rl_set_attempted_completion_function(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void drift_rl_set_attempted_completion_over(int over) { rl_attempted_completion_over = over; }
// readline keeps the pointer: the copy lives for the rest of the process.
static inline void drift_rl_set_completer_word_break_characters(const char *characters) {
    rl_completer_word_break_characters = strdup(characters);
}
static inline void drift_rl_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

// History file format: a `#<time>` line before each entry, so multi-line entries survive a reload.
static inline void drift_history_set_multiline_entries(int on) {
    history_write_timestamps = on;
    history_multiline_entries = on;
}

// Waits until `descriptor` is readable or a signal arrives; `mask` is the signal mask during the wait,
// so a signal blocked before the call is delivered only while waiting (no lost wake-up).
static inline int drift_wait_readable(int descriptor, const sigset_t *mask) {
    fd_set set;
    FD_ZERO(&set);
    FD_SET(descriptor, &set);
    return pselect(descriptor + 1, &set, NULL, NULL, NULL, mask);
}
