// Entry point of the `drift` command: hands the arguments to the argument parser, except a plain
// `drift run FILE ARGS…`, which means the same without it (RunSubcommand.plainRun).
if let plain = RunSubcommand.plainRun(CommandLine.arguments) {
    RunSubcommand.runWithoutParsing(plain.file, arguments: plain.arguments)
}
DriftCommand.main()
