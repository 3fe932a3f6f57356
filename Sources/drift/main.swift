// Entry point of the `drift` command: hands the arguments to the argument parser.
DriftCommand.main()
