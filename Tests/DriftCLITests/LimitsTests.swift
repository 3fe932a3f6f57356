// LimitsTests: --max-memory stops a script with an error (through the watchdog, and up front for one
// allocation too big to make), --max-depth bounds recursion, and on a terminal long native work shows a
// progress bar and stops at Ctrl-C within a fraction of a second, keeping the REPL's variables.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct LimitsTests {
    @Test func maxMemoryStopsAGrowingScriptWithAnError() throws {
        let result = try DriftBinary.run(["--max-memory", "200M", "-e", "let v = [1]; while true { v = concat(v, v) }"])
        #expect(result.status == 1)
        // The doubling concat is refused before it passes the limit (once the watchdog stopped the loop): as
        // more than the whole limit, or more than what is left of it.
        #expect(result.error.contains("<-e>:1:31: error: concat: joining ")
                && (result.error.contains("more than the --max-memory limit of 200 MB allows")
                    || result.error.contains(" of the --max-memory limit of 200 MB is left")), "\(result.error)")
    }

    /// A request within the limit but over what is left of it says how much is left, not only the limit.
    @Test func aRefusalWithinTheLimitSaysWhatIsLeft() throws {
        let result = try DriftBinary.run(["--max-memory", "200M", "-e", "let a = range(1.5e7)\nlet b = range(1.5e7)"])
        #expect(result.status == 1)
        #expect(result.error.contains("<-e>:2:9: error: range: a range of 15000000 numbers needs 114.4 MB; only "), "\(result.error)")
        let left = result.error.split(separator: "; only ").last?.split(separator: " ").first.flatMap { Double($0) } ?? .nan
        #expect(left < 114.4 && result.error.contains(" MB of the --max-memory limit of 200 MB is left"), "\(result.error)")
    }

    @Test func maxMemoryRefusesAnAllocationThatCannotFit() throws {
        let result = try DriftBinary.run(["run", "--max-memory", "100M", try scriptFile("let big = range(5e7)\n")])
        #expect(result.status == 1)
        #expect(result.error.contains("error: range: a range of 50000000 numbers needs 381.5 MB, more than the --max-memory limit of 100 MB allows"))
        let machine = try DriftBinary.run(["-e", "range(1e15)"])
        #expect(machine.error.contains("more than this machine's"))
    }

    /// Closures hold the variables they use, not frames, and local functions reach themselves and
    /// their siblings through their group: every shape that once kept a frame alive for good
    /// (a named local function returned, recursive, mutually recursive, stored in a record, passed on,
    /// or handing out a closure over itself) runs 20,000 times within a limit a leak would pass.
    @Test func closuresKeepNoFramesAlive() throws {
        let code = """
            fn returned(n) { fn helper(x) { x + n }
              helper }
            fn recursive(n) { fn down(k) { if k == 0 { n } else { down(k - 1) } }
              down }
            fn mutual(n) { fn even(k) { if k == 0 { n } else { odd(k - 1) } }
              fn odd(k) { if k == 0 { 0 } else { even(k - 1) } }
              [even, odd] }
            fn stored(n) { let r = {f: fn named(x) { if x > 0 { named(x - 1) } else { n } }}
              r }
            fn passed(n) { fn g(x) { x * n }
              map([1, 2], g) }
            fn nested(n) { fn a() { let h = () => a
                h }
              a }
            fn local_loop(n) { let total = 0
              fn add(x) { total = total + x }
              for x in [n, n] { add(x) }
              total }
            let i = 0
            let total = 0
            while i < 20000 {
              total = total + returned(i)(1) + recursive(i)(3) + mutual(i)[0](4) + stored(i).f(2) + passed(i)[1] + local_loop(i)
              nested(i)()()
              i = i + 1
            }
            print(total)
            """
        let result = try DriftBinary.run(["run", "--max-memory", "80M", try scriptFile(code)])
        #expect(result.error == "")
        #expect(result.output == "1599940000\n")
    }

    /// Issue 20, finding 5: a confusion matrix over 20,000 distinct labels once peaked at 6.3 GB under
    /// a 200 MB limit (and 100,000 met the OOM killer); its k² cells are now reserved before they are made.
    @Test func aConfusionMatrixTooLargeForTheLimitIsRefusedUpFront() throws {
        let limited = try DriftBinary.run(["--max-memory", "200M", "-e", "confusion(range(2e4), range(2e4))"])
        #expect(limited.status == 1)
        #expect(limited.error.contains("confusion: a confusion matrix of 20000 × 20000 labels needs 8.9 GB, more than the --max-memory limit of 200 MB allows"))
        let machine = try DriftBinary.run(["-e", "confusion(range(1e5), range(1e5))"])
        #expect(machine.status == 1)
        #expect(machine.error.contains("more than this machine's"))
    }

    /// Likewise `str` of a long vector (3e7 values once grew to 3.2 GB under a 500 MB limit).
    @Test func strOfAVectorTooLargeForTheLimitIsRefusedUpFront() throws {
        let limited = try DriftBinary.run(["--max-memory", "500M", "-e", "str(range(3e7))"])
        #expect(limited.status == 1)
        #expect(limited.error.contains("str: str of 30000000 values needs 1.8 GB, more than the --max-memory limit of 500 MB allows"))
    }

    @Test func maxMemoryRejectsAMalformedSize() throws {
        let result = try DriftBinary.run(["--max-memory", "lots", "-e", "1"])
        #expect(result.status != 0)
        #expect(result.error.contains("--max-memory takes a size such as 512M or 4G, not 'lots'"))
    }

    @Test func maxDepthBoundsRecursion() throws {
        let code = "fn down(n) { if n == 0 { 0 } else { down(n - 1) } }; print(down(40))"
        #expect(try DriftBinary.run(["-e", code]).output == "0\n")
        let limited = try DriftBinary.run(["--max-depth", "30", "-e", code])
        #expect(limited.status == 1)
        #expect(limited.error.contains("too deep: more than 30 nested calls"))
    }

    /// Issue 20, finding 7: the limit holds through default values (a call inside a default once ran
    /// 50,000 deep under --max-depth 100), and the stack-floor error counts the calls it saw.
    @Test func maxDepthHoldsThroughDefaultValues() throws {
        let code = "fn g(n, d = if n == 0 { 0 } else { g(n - 1) }) { d }\nprint(g(50000))"
        let limited = try DriftBinary.run(["--max-depth", "100", "-e", code])
        #expect(limited.status == 1)
        #expect(limited.error.contains("too deep: more than 100 nested calls"))
        let floor = try DriftBinary.run(["--max-depth", "1000000", "-e", "fn f(n) { 1 + f(n + 1) }\nf(0)"])
        #expect(floor.status == 1)
        let count = floor.error.firstMatch(of: /too deep: (\d+) nested calls fill the stack/).map { Int($0.1) ?? 0 } ?? 0
        #expect(count > 1000, "\(floor.error.prefix(200))")
    }
}

@Suite(.serialized, .temporaryFiles) struct LongWorkOnATerminalTests {
    @Test(.tags(.needsLanguage)) func replayShowsAProgressBarAndStopsAtCtrlC() throws {
        let terminal = try PseudoTerminal(environment: ["DRIFT_HISTORY": try temporaryDirectory().appendingPathComponent("h").path])
        try terminal.expect("drift> ")
        terminal.type("let stream = sea(400000)\r")
        try terminal.expect("drift> ", timeout: .seconds(30))
        terminal.type("replay(stream, batch: 10)\r")
        try terminal.expect("replay ", timeout: .seconds(5))
        try terminal.expect("% ")
        try terminal.expect("(Ctrl-C stops)")
        let interrupted = ContinuousClock.now
        terminal.type("\u{3}")
        try terminal.expect("interrupted")
        #expect(ContinuousClock.now - interrupted < .milliseconds(500))
        try terminal.expect("drift> ")
        terminal.type("nrow(stream)\r")
        try terminal.expect("400000")
    }

    /// Issue 20, finding 6: a stream that never ends (`/dev/zero`) stops at Ctrl-C within half a second,
    /// and under --max-memory it ends with the memory error before passing the limit.
    @Test func readingADeviceThatNeverEndsStopsAtCtrlCAndAtTheLimit() throws {
        let terminal = try PseudoTerminal(environment: ["DRIFT_HISTORY": try temporaryDirectory().appendingPathComponent("h").path])
        try terminal.expect("drift> ")
        terminal.type("read_csv(\"/dev/zero\")\r")
        try terminal.expect("(Ctrl-C stops)", timeout: .seconds(10))
        let interrupted = ContinuousClock.now
        terminal.type("\u{3}")
        try terminal.expect("interrupted")
        #expect(ContinuousClock.now - interrupted < .milliseconds(500))
        try terminal.expect("drift> ")
        let limited = try DriftBinary.run(["--max-memory", "300M", "-e", "read_csv(\"/dev/zero\")"])
        #expect(limited.status == 1)
        #expect(limited.error.contains("read_csv: reading '/dev/zero' ("))
        #expect(limited.error.contains("more than the --max-memory limit of 300 MB allows")
                || limited.error.contains(" of the --max-memory limit of 300 MB is left"), "\(limited.error)")
    }
}
