// ExamplePrelude: the data every builtin's example may assume, kept in one place for `help` and the tests.

extension Builtin {
    /// Drift code that runs before any builtin's (or documented stdlib function's) example: examples may use
    /// the names it defines without defining them. Paths are relative to the package root, where the data
    /// ships; files an example writes land in the working directory (the tests give each example a fresh
    /// temporary one, with the package's examples/ directory linked into it). BuiltinExampleTests runs every
    /// example after this prelude.
    static let examplePrelude = """
        let reference = read_csv("examples/data/credit_reference.csv")              # loan applications, last year
        let current = read_csv("examples/data/credit_current.csv")                  # the same columns, this year
        let df = current
        let v = current.income
        let m = train(reference, target: "approved")                                # a logistic model of the approvals
        let errors = predict(m, current) != current.approved                        # true where the model is wrong
        let lm = train(reference, target: "debt_ratio", model: "linear")            # a regression of the debt ratio
        let stream = concat(sea(2000, variant: 0), sea(2000, variant: 2, seed: 2))  # a concept change at row 2000
        """
}
