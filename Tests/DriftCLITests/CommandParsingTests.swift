// CommandParsingTests: which lines are REPL commands, their arguments, suggestions and small text helpers.
import Testing
@testable import drift

@Suite struct CommandParsingTests {
    @Test func parsesCommands() {
        #expect(ReplCommand(parsing: ":help") == .help(nil))
        #expect(ReplCommand(parsing: ":help  mean ") == .help("mean"))
        #expect(ReplCommand(parsing: "?mean") == .help("mean"))
        #expect(ReplCommand(parsing: "?") == .help(nil))
        #expect(ReplCommand(parsing: ":vars") == .variables)
        #expect(ReplCommand(parsing: ":save out file.drift") == .save(path: "out file.drift"))
        #expect(ReplCommand(parsing: ":load x.drift") == .load(path: "x.drift"))
        #expect(ReplCommand(parsing: ":time sum(xs) / 2") == .time(code: "sum(xs) / 2"))
        #expect(ReplCommand(parsing: ":q") == .quit)
        #expect(ReplCommand(parsing: ":quit") == .quit)
        #expect(ReplCommand(parsing: ":nope") == .unknown(name: "nope"))
    }

    @Test func missingArgumentsGiveUsage() throws {
        let save = try #require(CommandInfo.named("save"))
        #expect(ReplCommand(parsing: ":save") == .usage(save))
        #expect(save.synopsis == ":save FILE")
    }

    @Test func codeIsNotACommand() {
        #expect(ReplCommand(parsing: "1 + 2") == nil)
        #expect(ReplCommand(parsing: "x ? 1 : 2") == nil)
    }

    @Test func closestCommand() {
        #expect(CommandInfo.closest(to: "hepl")?.name == "help")
        #expect(CommandInfo.closest(to: "var")?.name == "vars")
        #expect(CommandInfo.closest(to: "qiut")?.name == "quit")
        #expect(CommandInfo.closest(to: "xyzzy") == nil)
    }

    @Test func textHelpers() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(alignedColumns([["name", "kind"], ["df", "frame"], ["threshold", "number"]])
            == "name       kind\ndf         frame\nthreshold  number")
        #expect(formatted(.milliseconds(12.345)) == "12.3 ms")
        #expect(formatted(.microseconds(5)) == "5.0 µs")
        #expect(formatted(.seconds(2)) == "2.0 s")
    }
}
