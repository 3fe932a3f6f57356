// Entry point of the `drift` command: hands the arguments to the argument parser, except a plain
// `drift run FILE ARGS…`, which means the same without it (RunSubcommand.runWithoutParsing).
_ = RunSubcommand.runWithoutParsing(CommandLine.arguments)
DriftCommand.main()
