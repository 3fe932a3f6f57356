// A builtin's signature is the one place its parameters are written: these check what Builtin reads
// from it (names, positional parameters, named options, a variadic last parameter, `...` for any option).
@testable import DriftLang
import Testing

private func builtin(_ signature: String) -> Builtin {
    Builtin(signature, doc: "", example: "") { _, _ in .null }
}

@Test func signatureGivesParametersOptionsAndVariadics() {
    let parsed = builtin(#"aggregate(grouped, columns..., method: "linear", k: 3, ...)"#)
    #expect(parsed.name == "aggregate")
    #expect(parsed.parameters == ["grouped", "columns"])
    #expect(parsed.options == ["method", "k"])
    #expect(parsed.isVariadic)
    #expect(parsed.acceptsAnyOption)
}

@Test func signatureWithoutVariadicsOrParentheses() {
    let plain = builtin("quantile(v, q)")
    #expect(plain.parameters == ["v", "q"] && plain.options.isEmpty && !plain.isVariadic && !plain.acceptsAnyOption)
    let empty = builtin("clock()")
    #expect(empty.name == "clock" && empty.parameters.isEmpty && empty.options.isEmpty)
    let bare = builtin("pi")
    #expect(bare.name == "pi" && bare.parameters.isEmpty)
}

@Test func everyStandardSignatureNamesItsBuiltin() {
    for (name, entry) in BuiltinTable.standard.byName {
        #expect(entry.signature.hasPrefix(name + "("), "\(name): \(entry.signature)")
        #expect(!(entry.parameters + entry.options).contains(""), "\(name): \(entry.signature)")
    }
}

@Test func commasInsideDefaultsDoNotSplitParameters() {
    let parsed = builtin(#"read_csv(path, sep: ",", strategies: ["online", "offline"], model: logistic(a, b))"#)
    #expect(parsed.parameters == ["path"])
    #expect(parsed.options == ["sep", "strategies", "model"])
    // read_csv's own signature: one positional parameter, so a second positional argument is refused.
    #expect(BuiltinTable.standard.byName["read_csv"]?.parameters == ["path"])
    guard case .failed(let report) = Session { _ in }.evaluateEntry(#"read_csv("a.csv", ";")"#) else {
        Issue.record("read_csv took a second positional argument")
        return
    }
    #expect(report.contains("takes 1 argument but was given 2"), "\(report)")
}
