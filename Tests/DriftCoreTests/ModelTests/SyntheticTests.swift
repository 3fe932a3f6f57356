// SyntheticTests: the generators against their definitions (labels follow the concept rule on noise-free
// data, noise rates, determinism by seed) and the concept-drift mix proportion around `position`.
import Testing
@testable import DriftCore

@Suite struct SyntheticTests {
    @Test(arguments: 0..<4)
    func seaLabelsFollowTheRule(_ variant: Int) throws {
        let frame = try Synthetic.sea(count: 2000, variant: variant, seed: 5)
        let x1 = try #require(frame.column(named: "x1")?.numbers), x2 = try #require(frame.column(named: "x2")?.numbers)
        let y = try #require(frame.column(named: "y")?.flags)
        for i in 0..<2000 { #expect(y[i] == (x1[i] + x2[i] <= Synthetic.seaThresholds[variant])) }
        #expect(x1.allSatisfy { $0 >= 0 && $0 < 10 })
        #expect(try Synthetic.sea(count: 2000, variant: variant, seed: 5) == frame)
    }

    @Test func seaNoiseFlipsAboutThatShare() throws {
        let frame = try Synthetic.sea(count: 20_000, noise: 0.1, seed: 9)
        let x1 = frame.column(named: "x1")?.numbers ?? [], x2 = frame.column(named: "x2")?.numbers ?? []
        let y = frame.column(named: "y")?.flags ?? []
        let flipped = (0..<20_000).filter { y[$0] != (x1[$0] + x2[$0] <= 8) }.count
        #expect(abs(Double(flipped) / 20_000 - 0.1) < 0.01)
    }

    @Test(arguments: 0..<3)
    func staggerLabelsFollowTheConcept(_ concept: Int) throws {
        let frame = try Synthetic.stagger(count: 1000, concept: concept, seed: 2)
        let size = try #require(frame.column(named: "size")?.strings), color = try #require(frame.column(named: "color")?.strings)
        let shape = try #require(frame.column(named: "shape")?.strings), y = try #require(frame.column(named: "y")?.flags)
        for i in 0..<1000 {
            let expected = switch concept {
            case 0: size[i] == "small" && color[i] == "red"
            case 1: color[i] == "green" || shape[i] == "circle"
            default: size[i] == "medium" || size[i] == "large"
            }
            #expect(y[i] == expected)
        }
    }

    @Test func hyperplaneIsBalancedAndDrifts() throws {
        let still = try Synthetic.rotatingHyperplane(count: 5000, noise: 0, seed: 4)
        #expect(still.names == (1...10).map { "x\($0)" } + ["y"])
        let share = Double((still.column(named: "y")?.flags ?? []).filter { $0 == true }.count) / 5000
        #expect(share > 0.4 && share < 0.6)
        let moving = try Synthetic.rotatingHyperplane(count: 5000, drift: 0.01, noise: 0, seed: 4)
        #expect(moving != still)
        #expect(throws: DataError.self) { try Synthetic.rotatingHyperplane(count: 10, features: 1, seed: 1) }
    }

    @Test(arguments: 0..<10)
    func agrawalLabelsFollowTheFunction(_ function: Int) throws {
        let frame = try Synthetic.agrawal(count: 500, function: function, seed: 3)
        #expect(frame.names == Synthetic.agrawalAttributes + ["y"])
        let columns = Synthetic.agrawalAttributes.map { frame.column(named: $0)?.numbers ?? [] }
        let y = frame.column(named: "y")?.flags ?? []
        for i in 0..<500 {
            let a = Synthetic.Applicant(salary: columns[0][i], commission: columns[1][i], age: columns[2][i],
                                        elevel: columns[3][i], car: columns[4][i], zipcode: columns[5][i],
                                        hvalue: columns[6][i], hyears: columns[7][i], loan: columns[8][i])
            #expect(y[i] == Synthetic.agrawalLabel(a, function: function))
            #expect(a.salary >= 20_000 && a.salary <= 150_000 && a.age >= 20 && a.age <= 80)
            #expect((a.salary >= 75_000) == (a.commission == 0))
        }
        if function == 0 {
            for i in 0..<500 { #expect(y[i] == (columns[2][i] < 40 || columns[2][i] >= 60)) }
        }
    }

    @Test func conceptDriftMixFollowsTheSigmoid() throws {
        let n = 20_000
        let before = try DataFrame([("v", .numeric(NumericColumn([Double](repeating: 0, count: n)))),
                                    ("tag", .text(TextColumn([String?](repeating: "a", count: n))))])
        let after = try DataFrame([("tag", .text(TextColumn([String?](repeating: "b", count: n)))),
                                   ("v", .numeric(NumericColumn([Double](repeating: 1, count: n))))])
        let mixed = try Synthetic.conceptDriftStream(before: before, after: after, position: 5000, width: 1000, seed: 8)
        let v = try #require(mixed.column(named: "v")?.numbers)
        let tags = try #require(mixed.column(named: "tag")?.strings)
        #expect(mixed.names == ["v", "tag"])
        #expect(zip(v, tags).allSatisfy { ($0 == 1) == ($1 == "b") })
        func share(_ range: Range<Int>) -> Double { Double(v[range].filter { $0 == 1 }.count) / Double(range.count) }
        #expect(share(0..<2000) < 0.01)
        #expect(abs(share(4900..<5100) - 0.5) < 0.12)
        // Expected share in [4500, 5000): the mean of σ(t) for t in [−2, 0] is (ln 2 − ln(1 + e^−2)) / 2 ≈ 0.283.
        #expect(abs(share(4500..<5000) - 0.283) < 0.06)
        #expect(share(8000..<9000) > 0.99)
        // It stops when `after` runs out: every row of `after` is used, and fewer than all of `before`.
        #expect(v.filter { $0 == 1 }.count == n)
        #expect(v.count < 2 * n)
        #expect(throws: DataError.self) {
            try Synthetic.conceptDriftStream(before: before, after: try DataFrame([("v", .numeric(NumericColumn([1])))]), position: 1, width: 1, seed: 1)
        }
    }
}
