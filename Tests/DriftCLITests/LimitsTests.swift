// LimitsTests: --max-memory stops a script with an error (through the watchdog, and up front for one
// allocation too big to make), --max-depth bounds recursion, and on a terminal long native work shows a
// progress bar and stops at Ctrl-C within a fraction of a second, keeping the REPL's variables.
import Foundation
import Testing

@Suite struct LimitsTests {
    @Test func maxMemoryStopsAGrowingScriptWithAnError() throws {
        let result = try DriftBinary.run(["--max-memory", "200M", "-e", "let v = [1]; while true { v = concat(v, v) }"])
        #expect(result.status == 1)
        #expect(result.error.contains("<-e>:1:14: error: out of memory: Drift's memory use passed the limit of 200 MB set with --max-memory"))
    }

    @Test func maxMemoryRefusesAnAllocationThatCannotFit() throws {
        let result = try DriftBinary.run(["run", "--max-memory", "100M", try scriptFile("let big = range(5e7)\n")])
        #expect(result.status == 1)
        #expect(result.error.contains("error: range: a range of 50000000 numbers needs 381.5 MB, more than the --max-memory limit of 100 MB allows"))
        let machine = try DriftBinary.run(["-e", "range(1e15)"])
        #expect(machine.error.contains("more than this machine's"))
    }

    /// A local function captures the frame whose slot holds it; the call clears that frame on the way
    /// out, so 200,000 calls stay within a limit they would pass many times over if every frame leaked.
    @Test func localFunctionsDoNotKeepTheirFramesAlive() throws {
        let code = """
            fn f(n) {
              fn helper(x) { x + n }
              let twice = x => helper(helper(x))
              twice(n)
            }
            let i = 0
            let total = 0
            while i < 200000 {
              total = total + f(i)
              i = i + 1
            }
            print(total)
            """
        let result = try DriftBinary.run(["run", "--max-memory", "80M", try scriptFile(code)])
        #expect(result.error == "")
        #expect(result.output == "59999700000\n")
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
}

@Suite(.serialized) struct LongWorkOnATerminalTests {
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
}
