// Unseen categories in the language: the warning `predict` and `score` give when data holds categories a
// model never saw in training, the `unseen_categories` list `score` returns, and what `explain(model,
// data)` says of them. The finding itself is DriftCore's (`Model.unseenCategories`).
import DriftCore

extension UnseenCategories {
    /// `{column: "medication", values: ["semaglutide"], rows: 130}`
    var value: Value {
        .record(Record([
            ("column", .string(column)), ("values", .vector(.text(TextColumn(values)))), ("rows", .number(Double(rows))),
        ]))
    }

    /// `medication: semaglutide, nirmatrelvir (260 rows)`; past five values, `…, (12 values, 300 rows)`.
    var summary: String {
        let shown = values.count > 5
            ? values.prefix(5).joined(separator: ", ") + ", … (\(values.count) values, "
            : values.joined(separator: ", ") + " ("
        return "\(column): \(shown)\(counted(rows, "row")))"
    }
}

extension [UnseenCategories] {
    /// `medication: semaglutide, nirmatrelvir (260 rows); category: antiviral (130 rows), of 1170 rows`
    func summary(outOf total: Int) -> String {
        map(\.summary).joined(separator: "; ") + ", of \(counted(total, "row"))"
    }
}

/// The categories of `frame` that `model` never saw, warned about (in one line) as `function` (`predict`,
/// `score`) meeting them; returned for the caller's result.
func warnUnseenCategories(_ function: String, model: Model, frame: DataFrame, interpreter: Interpreter) throws -> [UnseenCategories] {
    let unseen = try model.unseenCategories(in: frame)
    if !unseen.isEmpty {
        let treatment = model.kind == .naiveBayes ? "Naive Bayes leaves them out" : "The \(model.kind.rawValue) model encodes them as all zeros"
        interpreter.warn("\(function): values the model never saw in training: \(unseen.summary(outOf: frame.rowCount)). \(treatment), so those rows' predictions are extrapolations (explain(model, data) says more)")
    }
    return unseen
}
