// ModelReference: the decoded Fixtures/models/models.json (numpy / scikit-learn reference values).
import Foundation
@testable import DriftCore

struct ModelReference: Decodable {
    struct Linear: Decodable {
        let x1, x2, x3, y: [Double]
        let g: [String]
        let ols, ols_onehot, ridge3: [Double]
    }
    struct LogisticFit: Decodable {
        let coef, intercept, proba: [Double]
    }
    struct Logistic: Decodable {
        let X: [Double]
        let y: [Int]
        let X3: [Double]
        let y3: [Int]
        let binary_c1, binary_c05, multi_c1, multi_c05: LogisticFit
    }
    struct Metric: Decodable {
        let truth: [Bool]
        let scores: [Double]
        let predicted: [Bool]
        let accuracy, precision, recall, f1, roc_auc, log_loss: Double
        let confusion: [[Int]]
        let reg_true, reg_pred: [Double]
        let rmse, mae, r2: Double
        let classes3: [Int]
        let proba3: [Double]
        let log_loss3: Double
    }
    struct Classification: Decodable {
        let X: [Double]
        let y: [Int]
        let yr: [Double]
        let train: Int
        let tree_accuracy, regtree_r2, gnb_accuracy, cnb_accuracy: Double
        let gnb_proba, cnb_proba: [Double]
        let cats: [[String]]
        let ycat: [Int]
    }
    let linear: Linear
    let logistic: Logistic
    let metrics: Metric
    let classification: Classification

    static let shared = ModelFixtures.load(ModelReference.self, from: "models.json")
}

/// A frame of numeric columns x1…xk from a row-major flat array, plus extra columns.
func numericFrame(_ flat: [Double], columns k: Int, rows: Range<Int>? = nil,
                  extra: [(String, Column)] = []) throws -> DataFrame {
    let n = flat.count / k
    let range = rows ?? 0..<n
    var columns: [(name: String, column: Column)] = (0..<k).map { j in
        ("x\(j + 1)", .numeric(NumericColumn(range.map { flat[$0 * k + j] })))
    }
    for (name, column) in extra { columns.append((name, column.slice(range))) }
    return try DataFrame(columns)
}
