// ModelExplanation: `explain(model)` and `explain(model, data)` in plain sentences — what the model
// predicts from what, which categories it knows, and, given data, which of that data's categories it
// never saw and what its predictions for those rows rest on.
import DriftCore

/// A few sentences about `model`, and about its predictions for `data` when given.
func explanation(of model: Model, on data: DataFrame?) throws -> String {
    let kind = model.kind == .naiveBayes ? "naive Bayes" : model.kind.rawValue
    let task = model.isClassifier ? "classifier" : "regression"
    let features = model.featureNames
    var sentences = ["A \(kind) \(task) of \(model.target) from \(counted(features.count, "feature")) (\(features.prefix(8).joined(separator: ", "))\(features.count > 8 ? ", …" : "")), trained on \(counted(model.trainingRows, "row"))."]
    let known = model.knownCategories
    if !known.isEmpty {
        let listed = known.map { "\(counted($0.categories.count, "value")) of \($0.column)" }.joined(separator: ", ")
        sentences.append("It knows \(listed); a value outside these \(model.kind == .naiveBayes ? "is left out of the row's evidence" : "is encoded as all zeros, as if the row had none of the categories it knows").")
    }
    guard let data else {
        if !known.isEmpty { sentences.append("Next: explain(model, data) says whether new data holds values it never saw.") }
        return sentences.joined(separator: " ")
    }
    let unseen = try model.unseenCategories(in: data)
    guard !unseen.isEmpty else {
        sentences.append(known.isEmpty
            ? "It has no categorical features, so new data cannot hold categories it never saw (its numbers can still leave the training range: compare them with hist)."
            : "Every value of its categorical features in this data (\(counted(data.rowCount, "row"))) is one it saw in training.")
        return sentences.joined(separator: " ")
    }
    sentences.append("This data holds values it never saw in training: \(unseen.summary(outOf: data.rowCount)).")
    sentences.append(extrapolation(for: model.kind))
    sentences.append("Next: treat those predictions as unknown or serve a fallback (the mean of similar items) until labelled rows for the new values arrive, then retrain on them\(model.kind == .logistic || model.kind == .naiveBayes ? " or update(model, new_rows)" : "").")
    return sentences.joined(separator: " ")
}

/// What a prediction for a row with an unseen category rests on, by kind of model.
private func extrapolation(for kind: ModelKind) -> String {
    switch kind {
    case .linear: "For those rows it predicts from the intercept and the other features alone, as if the row belonged to none of the categories it knows: nothing bounds that number, and a count can come out negative."
    case .logistic: "For those rows it predicts from the intercept and the other features alone, as if the row belonged to none of the categories it knows: the probability is that of no known category, not of the new one."
    case .tree: "For those rows every split on that feature sends them down the \"not this category\" branch, so they land in leaves learnt from other categories."
    case .naiveBayes: "For those rows the feature is left out, so the prediction rests on the other features alone."
    }
}
