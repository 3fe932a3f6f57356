// UnseenCategoriesTests: the categories a model finds in new data that training never saw — in order
// of first appearance, with their rows, ignoring missing values and columns predict would reject — and
// that naive Bayes, which learns categories as it updates, stops reporting what an update taught it.
import Testing
@testable import DriftCore

@Suite struct UnseenCategoriesTests {
    let training = try! DataFrame([
        ("item", .text(TextColumn(["a", "b", "a", "b"]))),
        ("promo", .boolean(BoolColumn([false, false, false, false]))),
        ("y", .numeric(NumericColumn([1, 2, 1, 2]))),
    ])

    @Test func reportsNewValuesInOrderOfFirstAppearanceWithTheirRows() throws {
        let model = try Model(training: training, target: "y", kind: .linear)
        let fresh = try DataFrame([
            ("item", .text(TextColumn(["d", "a", nil, "c", "d"]))),
            ("promo", .boolean(BoolColumn([true, nil, false, true, true]))),
        ])
        #expect(try model.unseenCategories(in: fresh) == [
            UnseenCategories(column: "item", values: ["d", "c"], rows: 3),
            UnseenCategories(column: "promo", values: ["true"], rows: 3),
        ])
        #expect(try model.unseenCategories(in: training).isEmpty)
    }

    @Test func skipsColumnsThatAreAbsentOrOfAnotherType() throws {
        let model = try Model(training: training, target: "y", kind: .tree)
        let other = try DataFrame([("item", .numeric(NumericColumn([1, 2])))])
        #expect(try model.unseenCategories(in: other).isEmpty)
    }

    @Test func naiveBayesKnowsWhatAnUpdateTaughtIt() throws {
        let labelled = try DataFrame([
            ("item", .text(TextColumn(["a", "b", "a", "b"]))), ("y", .text(TextColumn(["n", "y", "n", "y"]))),
        ])
        var model = try Model(training: labelled, target: "y", kind: .naiveBayes)
        let fresh = try DataFrame([("item", .text(TextColumn(["c", "c"]))), ("y", .text(TextColumn(["y", "n"])))])
        #expect(try model.unseenCategories(in: fresh) == [UnseenCategories(column: "item", values: ["c"], rows: 2)])
        try model.update(with: fresh)
        #expect(try model.unseenCategories(in: fresh).isEmpty)
    }
}
