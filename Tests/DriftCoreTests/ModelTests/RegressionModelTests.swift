// RegressionModelTests: LinearRegression against numpy (lstsq and the ridge normal equations, 1e-8
// relative) and LogisticRegression against scikit-learn LogisticRegression(tol=1e-10, max_iter=10000)
// on standardised data (coefficients and intercepts 1e-4 absolute).
import Foundation
import Testing
@testable import DriftCore

private func expectClose(_ a: [Double], _ b: [Double], relative: Double, _ what: String) {
    #expect(a.count == b.count, "\(what): \(a.count) vs \(b.count) values")
    for (x, y) in zip(a, b) {
        #expect(abs(x - y) <= relative * max(abs(y), 1e-300) || abs(x - y) <= relative, "\(what): \(x) vs \(y)")
    }
}

private func expectAbsolute(_ a: [Double], _ b: [Double], _ tolerance: Double, _ what: String) {
    #expect(a.count == b.count, "\(what): \(a.count) vs \(b.count) values")
    for (x, y) in zip(a, b) { #expect(abs(x - y) <= tolerance, "\(what): \(x) vs \(y)") }
}

@Suite struct RegressionModelTests {
    func linearFrame() throws -> DataFrame {
        let r = try #require(ModelReference.shared).linear
        return try DataFrame([
            ("x1", .numeric(NumericColumn(r.x1))), ("x2", .numeric(NumericColumn(r.x2))),
            ("x3", .numeric(NumericColumn(r.x3))), ("g", .text(TextColumn(r.g))), ("y", .numeric(NumericColumn(r.y))),
        ])
    }

    @Test func linearMatchesLstsq() throws {
        let r = try #require(ModelReference.shared).linear
        let frame = try linearFrame()
        let model = try LinearRegression(fitting: frame, target: "y", features: ["x1", "x2", "x3"])
        expectClose([model.intercept] + model.coefficients, r.ols, relative: 1e-8, "ols")
        let onehot = try LinearRegression(fitting: frame, target: "y")
        var firstSeen: [String] = []
        for level in r.g where !firstSeen.contains(level) { firstSeen.append(level) }
        #expect(onehot.encoder.encodedNames == ["x1", "x2", "x3"] + firstSeen.map { "g=\($0)" })
        // Intercept plus a full one-hot is rank-deficient: lstsq's minimum-norm solution.
        expectClose([onehot.intercept] + onehot.coefficients, r.ols_onehot, relative: 1e-8, "ols one-hot")
        let ridge = try LinearRegression(fitting: frame, target: "y", features: ["x1", "x2", "x3"], l2: 3)
        expectClose([ridge.intercept] + ridge.coefficients, r.ridge3, relative: 1e-8, "ridge")
        let predictions = try model.predict(frame)
        #expect(abs(predictions[0] - (model.intercept + zip(model.coefficients, [r.x1[0], r.x2[0], r.x3[0]]).map(*).reduce(0, +))) < 1e-12)
    }

    @Test func linearRoundTripsThroughJSON() throws {
        let model = try LinearRegression(fitting: try linearFrame(), target: "y")
        let data = try JSONEncoder().encode(model)
        let decoded = try JSONDecoder().decode(LinearRegression.self, from: data)
        #expect(decoded == model)
    }

    @Test(arguments: [("binary_c1", 1.0), ("binary_c05", 2.0), ("multi_c1", 1.0), ("multi_c05", 2.0)])
    func logisticMatchesScikitLearn(_ name: String, _ l2: Double) throws {
        let r = try #require(ModelReference.shared).logistic
        let multi = name.hasPrefix("multi")
        let fit = switch name {
        case "binary_c1": r.binary_c1
        case "binary_c05": r.binary_c05
        case "multi_c1": r.multi_c1
        default: r.multi_c05
        }
        let labels = multi ? r.y3 : r.y
        let frame = try numericFrame(multi ? r.X3 : r.X, columns: 4,
                                     extra: [("y", .numeric(NumericColumn(labels.map(Double.init))))])
        let model = try LogisticRegression(fitting: frame, target: "y", l2: l2)
        let rows = model.coefficients.rows, p = model.coefficients.columns
        var coefficients: [Double] = []
        for k in 0..<rows { coefficients += (1..<p).map { model.coefficients[k, $0] } }
        expectAbsolute(coefficients, fit.coef, 1e-4, "\(name) coefficients")
        expectAbsolute(model.intercepts, fit.intercept, 1e-4, "\(name) intercepts")
        let probabilities = try model.predictProbabilities(numericFrame(multi ? r.X3 : r.X, columns: 4, rows: 0..<10))
        if multi {
            var flat: [Double] = []
            for i in 0..<10 { for k in 0..<3 { flat.append(probabilities.columns[k].numbers?[i] ?? .nan) } }
            expectAbsolute(flat, fit.proba, 1e-5, "\(name) probabilities")
        } else {
            expectAbsolute(probabilities.columns[1].numbers ?? [], fit.proba, 1e-5, "\(name) probabilities")
        }
        #expect(probabilities.names == (multi ? ["0", "1", "2"] : ["0", "1"]))
    }

    @Test func logisticPredictsTextClassesAndUpdates() throws {
        let r = try #require(ModelReference.shared).logistic
        let names = r.y.map { $0 == 1 ? "yes" : "no" }
        let frame = try numericFrame(r.X, columns: 4, extra: [("label", .text(TextColumn(names)))])
        var model = try LogisticRegression(fitting: frame, target: "label")
        #expect(model.classes.labels == ["no", "yes"])
        let predicted = try #require(try model.predict(frame).strings)
        let accuracy = try Metrics.accuracy(truth: names, predicted: predicted.map { $0 ?? "" })
        #expect(accuracy > 0.7)
        let before = model.coefficients
        try model.update(with: frame)
        #expect(model.coefficients != before && model.sgdSteps == 400 && model.rowsSeen == 800)
        let after = try Metrics.accuracy(truth: names, predicted: try #require(try model.predict(frame).strings).map { $0 ?? "" })
        #expect(abs(after - accuracy) < 0.05)
        let decoded = try JSONDecoder().decode(LogisticRegression.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
    }

    @Test func updatesStayStableOnBadlyScaledFeatures() throws {
        // An income-like feature in the tens of thousands: plain SGD at η = 0.01 would diverge.
        var generator = SeededGenerator(seed: 3)
        let income = (0..<600).map { _ in Double.random(in: 20_000...90_000, using: &generator) }
        let labels: [Bool?] = income.map { value in value + Double.random(in: -15_000...15_000, using: &generator) > 55_000 }
        let frame = try DataFrame([("income", .numeric(NumericColumn(income))), ("y", .boolean(BoolColumn(labels)))])
        var model = try LogisticRegression(fitting: frame, target: "y")
        let before = try Metrics.accuracy(truth: labels, predicted: try #require(try model.predict(frame).flags))
        try model.update(with: frame)
        let after = try Metrics.accuracy(truth: labels, predicted: try #require(try model.predict(frame).flags))
        #expect(before > 0.75)
        #expect(after > before - 0.05, "accuracy \(before) fell to \(after) after an SGD pass")
    }

    @Test func badInputThrows() throws {
        let frame = try DataFrame([("x", .numeric(NumericColumn([1, 2, 3]))), ("y", .text(TextColumn(["a", "a", "a"])))])
        #expect(throws: DataError.self) { try LogisticRegression(fitting: frame, target: "y") }
        #expect(throws: DataError.self) { try LinearRegression(fitting: frame, target: "y") }
        #expect(throws: DataError.self) { try LinearRegression(fitting: frame, target: "nope") }
        let numeric = try DataFrame([("x", .numeric(NumericColumn([1, 2, 3]))), ("y", .numeric(NumericColumn([1, 2, 3])))])
        let model = try LinearRegression(fitting: numeric, target: "y")
        #expect(throws: DataError.self) { try model.predict(frame.renamingForTest()) }
    }

    @Test func encoderFillsMissingAndIgnoresUnseenCategories() throws {
        let train = try DataFrame([
            ("a", .numeric(NumericColumn([1, .nan, 3]))), ("c", .text(TextColumn(["u", "v", nil]))),
            ("b", .boolean(BoolColumn([true, false, nil]))),
        ])
        let encoder = try FeatureEncoder(fitting: train, columns: ["a", "c", "b"])
        #expect(encoder.encodedNames == ["a", "c=u", "c=v", "b=false", "b=true"])
        let test = try DataFrame([
            ("a", .numeric(NumericColumn([.nan]))), ("c", .text(TextColumn(["w"]))), ("b", .boolean(BoolColumn([true]))),
        ])
        #expect(try encoder.encode(test).values == [2, 0, 0, 0, 1])
    }
}

extension DataFrame {
    /// The frame with column "x" renamed, so a model trained on "x" cannot find it.
    func renamingForTest() throws -> DataFrame {
        try DataFrame(zip(names, columns).map { ($0 == "x" ? "z" : $0, $1) })
    }
}
