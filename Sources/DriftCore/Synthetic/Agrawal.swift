// Agrawal's loan-application generator (Agrawal, Imielinski & Swami, "Database mining: a performance
// perspective", IEEE TKDE 1993): nine attributes drawn as in River's `Agrawal` and MOA, and the ten
// classification functions of the paper. Differences from River 0.26: function 4 follows the paper
// (River compares salary where the paper compares loan), and hvalue is (9 − zipcode) · 100000 · U[0.5, 1.5)
// as in the paper and MOA (River uses 8 − zipcode). `perturbation` is River's optional attribute noise.

extension Synthetic {
    struct Applicant {
        var salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan: Double
    }

    static func agrawalLabel(_ a: Applicant, function: Int) -> Bool {
        func within(_ v: Double, _ low: Double, _ high: Double) -> Bool { low <= v && v <= high }
        switch function {
        case 0:
            return a.age < 40 || a.age >= 60
        case 1:
            if a.age < 40 { return within(a.salary, 50_000, 100_000) }
            if a.age < 60 { return within(a.salary, 75_000, 125_000) }
            return within(a.salary, 25_000, 75_000)
        case 2:
            if a.age < 40 { return a.elevel == 0 || a.elevel == 1 }
            if a.age < 60 { return (1...3).contains(Int(a.elevel)) }
            return (2...4).contains(Int(a.elevel))
        case 3:
            if a.age < 40 {
                return a.elevel <= 1 ? within(a.salary, 25_000, 75_000) : within(a.salary, 50_000, 100_000)
            }
            if a.age < 60 {
                return (1...3).contains(Int(a.elevel)) ? within(a.salary, 50_000, 100_000) : within(a.salary, 75_000, 125_000)
            }
            return (2...4).contains(Int(a.elevel)) ? within(a.salary, 50_000, 100_000) : within(a.salary, 25_000, 75_000)
        case 4:
            if a.age < 40 {
                return within(a.salary, 50_000, 100_000) ? within(a.loan, 100_000, 300_000) : within(a.loan, 200_000, 400_000)
            }
            if a.age < 60 {
                return within(a.salary, 75_000, 125_000) ? within(a.loan, 200_000, 400_000) : within(a.loan, 300_000, 500_000)
            }
            return within(a.salary, 25_000, 75_000) ? within(a.loan, 300_000, 500_000) : within(a.loan, 100_000, 300_000)
        case 5:
            let total = a.salary + a.commission
            if a.age < 40 { return within(total, 50_000, 100_000) }
            if a.age < 60 { return within(total, 75_000, 125_000) }
            return within(total, 25_000, 75_000)
        case 6:
            return !(2 * (a.salary + a.commission) / 3 - a.loan / 5 - 20_000 > 1)
        case 7:
            return !(2 * (a.salary + a.commission) / 3 - 5000 * a.elevel - 20_000 > 1)
        case 8:
            return !(2 * (a.salary + a.commission) / 3 - 5000 * a.elevel - a.loan / 5 - 10_000 > 1)
        default:
            let equity = a.hyears >= 20 ? a.hvalue * (a.hyears - 20) / 10 : 0
            return !(2 * (a.salary + a.commission) / 3 - 5000 * a.elevel + equity / 5 - 10_000 > 1)
        }
    }

    public static let agrawalAttributes = ["salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan"]

    /// Rows of the Agrawal generator labelled by `function` (0–9); y is boolean (class 1 = true).
    public static func agrawal(count: Int, function: Int = 0, perturbation: Double = 0, seed: UInt64) throws -> DataFrame {
        try checkCount(count)
        guard (0...9).contains(function) else { throw DataError("Agrawal: function must be 0 to 9, got \(function)") }
        try checkProbability(perturbation, "Agrawal: perturbation")
        var g = SeededGenerator(seed: seed)
        func uniform() -> Double { Double.random(in: 0..<1, using: &g) }
        func integer(_ range: ClosedRange<Int>) -> Double { Double(Int.random(in: range, using: &g)) }
        func perturb(_ value: Double, _ low: Double, _ high: Double, range: Double? = nil) -> Double {
            let spread = range ?? (high - low)
            return min(max(value + spread * (2 * (uniform() - 0.5)) * perturbation, low), high)
        }
        var values = [[Double]](repeating: [], count: 9)
        var y = [Int8]()
        for i in 0..<count {
            if i & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let salary = 20_000 + 130_000 * uniform()
            let commission = salary >= 75_000 ? 0 : 10_000 + 75_000 * uniform()
            let age = integer(20...80), elevel = integer(0...4), car = integer(1...20), zipcode = integer(0...8)
            let hvalue = (9 - zipcode) * 100_000 * (0.5 + uniform())
            let hyears = integer(1...30)
            let loan = uniform() * 500_000
            var a = Applicant(salary: salary, commission: commission, age: age, elevel: elevel, car: car,
                              zipcode: zipcode, hvalue: hvalue, hyears: hyears, loan: loan)
            y.append(agrawalLabel(a, function: function) ? 1 : 0)
            if perturbation > 0 {
                a.salary = perturb(a.salary, 20_000, 150_000)
                if a.commission > 0 { a.commission = perturb(a.commission, 10_000, 75_000) }
                a.age = perturb(a.age, 20, 80).rounded()
                a.hvalue = perturb(a.hvalue, (9 - zipcode) * 100_000, 0, range: 135_000)
                a.hyears = perturb(a.hyears, 1, 30).rounded()
                a.loan = perturb(a.loan, 0, 500_000)
            }
            for (k, v) in [a.salary, a.commission, a.age, a.elevel, a.car, a.zipcode, a.hvalue, a.hyears, a.loan].enumerated() {
                values[k].append(v)
            }
        }
        var frame: [(name: String, column: Column)] = zip(agrawalAttributes, values).map { ($0, .numeric(NumericColumn($1))) }
        frame.append(("y", .boolean(BoolColumn(raw: y))))
        return try DataFrame(frame)
    }
}
