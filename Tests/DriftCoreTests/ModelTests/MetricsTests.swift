// MetricsTests: every metric against scikit-learn on the same predictions (Fixtures/models/models.json), 1e-9.
import Testing
@testable import DriftCore

@Suite struct MetricsTests {
    @Test func matchScikitLearn() throws {
        let m = try #require(ModelReference.shared).metrics
        #expect(isClose(try Metrics.accuracy(truth: m.truth, predicted: m.predicted), m.accuracy, tolerance: 1e-9))
        #expect(isClose(try Metrics.precision(truth: m.truth, predicted: m.predicted, positive: true), m.precision, tolerance: 1e-9))
        #expect(isClose(try Metrics.recall(truth: m.truth, predicted: m.predicted, positive: true), m.recall, tolerance: 1e-9))
        #expect(isClose(try Metrics.f1(truth: m.truth, predicted: m.predicted, positive: true), m.f1, tolerance: 1e-9))
        #expect(isClose(try Metrics.rocAUC(truth: m.truth, scores: m.scores), m.roc_auc, tolerance: 1e-9))
        #expect(isClose(try Metrics.logLoss(truth: m.truth, probabilities: m.scores), m.log_loss, tolerance: 1e-9))
        let confusion = try Metrics.confusionMatrix(truth: m.truth.map { $0 ? 1 : 0 }, predicted: m.predicted.map { $0 ? 1 : 0 })
        #expect(confusion.labels == [0, 1] && confusion.counts == m.confusion)
        #expect(isClose(try Metrics.rmse(truth: m.reg_true, predicted: m.reg_pred), m.rmse, tolerance: 1e-9))
        #expect(isClose(try Metrics.mae(truth: m.reg_true, predicted: m.reg_pred), m.mae, tolerance: 1e-9))
        #expect(isClose(try Metrics.r2(truth: m.reg_true, predicted: m.reg_pred), m.r2, tolerance: 1e-9))
        let table = try Matrix(rows: m.classes3.count, columns: 3, values: m.proba3)
        #expect(isClose(try Metrics.logLoss(truth: m.classes3, probabilities: table), m.log_loss3, tolerance: 1e-9))
    }

    @Test func degenerateInputsThrow() {
        #expect(throws: DataError.self) { try Metrics.accuracy(truth: [1, 2], predicted: [1]) }
        #expect(throws: DataError.self) { try Metrics.rocAUC(truth: [true, true], scores: [0.1, 0.2]) }
        #expect(throws: DataError.self) { try Metrics.logLoss(truth: [true], probabilities: [1.5]) }
        #expect(throws: DataError.self) { try Metrics.rmse(truth: [], predicted: []) }
    }
}
