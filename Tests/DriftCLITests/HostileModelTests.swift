// HostileModelTests (issue 20, finding 2): crafted `load_model` files that once crashed drift — a tree
// node pointing past the array or back at itself, a coefficient matrix whose declared shape overflows,
// a row count that a later update would overflow — end with an error naming the field, exit status 1.
import Foundation
import Testing
import DriftTestSupport

@Suite(.temporaryFiles) struct HostileModelTests {
    /// Trains and saves a model of `kind` on the credit example, applies `damage` to its JSON, and
    /// runs load_model + update on the result.
    func load(_ kind: String, damage: (inout [String: Any]) -> Void) throws -> DriftBinary.Result {
        let directory = try temporaryDirectory()
        let data = packageRoot.appendingPathComponent("examples/data/credit_reference.csv").path
        let saved = directory.appendingPathComponent("model.json").path
        let training = try DriftBinary.run(["-e", "save_model(train(read_csv(\"\(data)\"), target: \"approved\", model: \"\(kind)\"), \"\(saved)\")"])
        #expect(training.status == 0, "\(training.error)")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: saved))) as? [String: Any])
        var model = try #require(json["model"] as? [String: Any])
        damage(&model)
        json["model"] = model
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: saved))
        return try DriftBinary.run(["-e", "let m = load_model(\"\(saved)\")\nupdate(m, read_csv(\"\(data)\"))"])
    }

    func setFirstNode(_ field: String, to value: Int) -> (inout [String: Any]) -> Void {
        { model in
            var nodes = model["nodes"] as! [[String: Any]]
            nodes[0][field] = value
            model["nodes"] = nodes
        }
    }

    @Test func aTreeNodePastTheArrayOrLoopingBackIsRefused() throws {
        for damage in [setFirstNode("left", to: 999), setFirstNode("left", to: 0), setFirstNode("right", to: Int.max)] {
            let result = try load("tree", damage: damage)
            #expect(result.status == 1)
            #expect(result.error.contains("load_model: saved model: node 0 must be a leaf (feature -1) or split on a feature below"))
        }
    }

    @Test func anOverflowingMatrixShapeIsRefused() throws {
        let result = try load("logistic") { model in
            var coefficients = model["coefficients"] as! [String: Any]
            coefficients["rows"] = 4611686018427387904
            model["coefficients"] = coefficients
        }
        #expect(result.status == 1)
        #expect(result.error.contains("load_model: saved model: 'model.coefficients': a 4611686018427387904×"))
    }

    @Test func aCountNearIntMaxIsRefusedBeforeAnUpdateCanOverflowIt() throws {
        let result = try load("logistic") { $0["rowsSeen"] = Int.max }
        #expect(result.status == 1)
        #expect(result.error.contains("load_model: saved model: 'rowsSeen' must be a count from 0 to 2^53, got 9223372036854775807"))
    }

    @Test func mismatchedLengthsAndNegativeCountsAreRefused() throws {
        let short = try load("naive_bayes") { $0["classCounts"] = [1.0] }
        #expect(short.error.contains("load_model: saved model: 'classCounts' has 1 entries where the model needs 2"))
        let negative = try load("tree") { model in
            var nodes = model["nodes"] as! [[String: Any]]
            nodes[1]["samples"] = -5
            model["nodes"] = nodes
        }
        #expect(negative.status == 1)
        #expect(negative.error.contains("load_model: saved model: 'nodes[1].samples' must be a count from 0 to 2^53, got -5"))
    }
}
