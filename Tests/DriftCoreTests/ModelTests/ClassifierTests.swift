// ClassifierTests: DecisionTree and NaiveBayes on the seeded dataset stored in Fixtures/models/models.json.
// Test accuracy must be within 0.02 of scikit-learn's (DecisionTreeClassifier(max_depth=5), GaussianNB,
// CategoricalNB(alpha=1)); the regression tree's R² within 0.02 of DecisionTreeRegressor(max_depth=5)'s.
// Naive Bayes probabilities, which are deterministic, are also compared (1e-9 absolute).
import Foundation
import Testing
@testable import DriftCore

@Suite struct ClassifierTests {
    func frames() throws -> (train: DataFrame, test: DataFrame, reference: ModelReference.Classification) {
        let r = try #require(ModelReference.shared).classification
        let n = r.y.count
        let extra: [(String, Column)] = [
            ("y", .numeric(NumericColumn(r.y.map(Double.init)))), ("yr", .numeric(NumericColumn(r.yr))),
        ]
        return (try numericFrame(r.X, columns: 5, rows: 0..<r.train, extra: extra),
                try numericFrame(r.X, columns: 5, rows: r.train..<n, extra: extra), r)
    }

    @Test func treeAccuracyMatchesScikitLearn() throws {
        let (train, test, r) = try frames()
        let features = ["x1", "x2", "x3", "x4", "x5"]
        let tree = try DecisionTree(fitting: train, target: "y", features: features, task: .classification)
        #expect(tree.depth == 5)
        let predicted = try #require(try tree.predict(test).numbers)
        let truth = try #require(test.column(named: "y")?.numbers)
        let accuracy = try Metrics.accuracy(truth: truth, predicted: predicted)
        #expect(abs(accuracy - r.tree_accuracy) <= 0.02, "tree accuracy \(accuracy) vs scikit-learn \(r.tree_accuracy)")

        let regression = try DecisionTree(fitting: train, target: "yr", features: features)
        #expect(regression.task == .regression)
        let values = try #require(try regression.predict(test).numbers)
        let r2 = try Metrics.r2(truth: try #require(test.column(named: "yr")?.numbers), predicted: values)
        #expect(abs(r2 - r.regtree_r2) <= 0.02, "tree r2 \(r2) vs scikit-learn \(r.regtree_r2)")

        let decoded = try JSONDecoder().decode(DecisionTree.self, from: JSONEncoder().encode(tree))
        #expect(decoded == tree)
    }

    @Test func gaussianNaiveBayesMatchesScikitLearn() throws {
        let (train, test, r) = try frames()
        let features = ["x1", "x2", "x3", "x4", "x5"]
        let model = try NaiveBayes(fitting: train, target: "y", features: features)
        let truth = try #require(test.column(named: "y")?.numbers)
        let accuracy = try Metrics.accuracy(truth: truth, predicted: try #require(try model.predict(test).numbers))
        #expect(abs(accuracy - r.gnb_accuracy) <= 0.02, "naive Bayes accuracy \(accuracy) vs \(r.gnb_accuracy)")
        let first = try test.rows(0..<10)
        let probabilities = try #require(try model.predictProbabilities(first).columns[1].numbers)
        for (a, b) in zip(probabilities, r.gnb_proba) { #expect(abs(a - b) <= 1e-9, "\(a) vs \(b)") }

        // Updating with the rest equals fitting on everything at once.
        var incremental = try NaiveBayes(fitting: try train.rows(0..<300), target: "y", features: features)
        try incremental.update(with: try train.rows(300..<train.rowCount))
        let batch = try model.predictProbabilities(test).columns[1].numbers ?? []
        let online = try incremental.predictProbabilities(test).columns[1].numbers ?? []
        for (a, b) in zip(batch, online) { #expect(abs(a - b) <= 1e-9) }
    }

    @Test func categoricalNaiveBayesMatchesScikitLearn() throws {
        let r = try #require(ModelReference.shared).classification
        let columns: [(name: String, column: Column)] = (0..<3).map { j in
            ("c\(j + 1)", .text(TextColumn(r.cats.map { $0[j] })))
        } + [("y", .text(TextColumn(r.ycat.map { $0 == 1 ? "yes" : "no" })))]
        let frame = try DataFrame(columns)
        let train = try frame.rows(0..<r.train), test = try frame.rows(r.train..<frame.rowCount)
        let model = try NaiveBayes(fitting: train, target: "y")
        let truth = try #require(test.column(named: "y")?.strings)
        let predicted = try #require(try model.predict(test).strings)
        let accuracy = try Metrics.accuracy(truth: truth, predicted: predicted)
        #expect(abs(accuracy - r.cnb_accuracy) <= 0.02, "categorical naive Bayes accuracy \(accuracy) vs \(r.cnb_accuracy)")
        let probabilities = try #require(try model.predictProbabilities(try test.rows(0..<10)).column(named: "yes")?.numbers)
        for (a, b) in zip(probabilities, r.cnb_proba) { #expect(abs(a - b) <= 1e-9, "\(a) vs \(b)") }
        let decoded = try JSONDecoder().decode(NaiveBayes.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
    }
}

extension ClassifierTests {
    @Test func damagedSavedModelsThrowInsteadOfCrashing() throws {
        let (train, test, _) = try frames()
        let tree = try DecisionTree(fitting: train, target: "y", features: ["x1", "x2"], task: .classification)
        // Sorted keys make the text to damage predictable: the root's left child becomes the root itself.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var json = try #require(String(data: encoder.encode(tree), encoding: .utf8))
        #expect(json.contains("\"left\":1,"))
        json = json.replacingOccurrences(of: "\"left\":1,", with: "\"left\":0,")
        let damaged = try JSONDecoder().decode(DecisionTree.self, from: Data(json.utf8))
        #expect(throws: DataError.self) { try damaged.predict(test) }
        let matrix = #"{"rows":2,"columns":2,"values":[1,2,3]}"#
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Matrix.self, from: Data(matrix.utf8)) }
    }
}
