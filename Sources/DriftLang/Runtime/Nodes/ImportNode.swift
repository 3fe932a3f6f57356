// ImportNode: an `import` as it runs. The module's file runs the first time (once per session); then its
// names' current values are copied into the importing program's globals, or gathered in a record for
// the `as` name. A later import of the same module copies them again without running it.

final class ImportNode: EffectNode {
    let plan: ImportPlan

    init(_ plan: ImportPlan, at location: SourceLocation) {
        self.plan = plan
        super.init(at: location)
    }

    override func execute(_ frame: Frame, _ interpreter: Interpreter) throws(Unwind) {
        try plan.module.runOnce(interpreter, at: location)
        for (from, to) in plan.bindings { interpreter.globals[to] = interpreter.globals[from] }
        if let alias = plan.alias { interpreter.globals[alias] = plan.module.record(interpreter) }
    }
}
