// Exit builtins: `exit(code)` ends the program with an exit status, for scheduled jobs that must fail
// loudly. It unwinds to the Session (Unwind.exit), which records the status; the front end ends the
// process, the REPL or the notebook run with it — the language itself never ends the process.

let exitBuiltins: [Builtin] = [
    Builtin(
        "exit(code)",
        doc: "Ends the program with exit status code, a whole number from 0 (success) to 255: drift run and drift -e exit with it, after everything printed so far. In the REPL it leaves the REPL (as :quit does); in drift notebook the cells after it are not run, the notebook is written, and the command exits with code (with 1 instead of 0 if a cell failed).",
        example: "if nrow(current) == 0 { exit(3) }"
    ) { arguments, _ in
        throw Unwind.exit(Int32(try arguments.integer(0, "code", in: 0...255)))
    },
]
