// ColumnDriftRule: which test a drift report runs on a column by default — Evidently's published rule.
//
// Numeric columns with more than 5 distinct values (counted over both samples together) are compared
// as numbers: the Kolmogorov–Smirnov test when the reference has at most 1000 rows, the normed
// Wasserstein distance above. Everything else — strings, booleans, numbers with few values — is
// compared as categories: Jensen–Shannon distance when the reference has more than 1000 rows,
// otherwise chi-square for more than 2 categories and the two-proportion z-test for 2 or fewer.

public enum ColumnKind: String, Sendable {
    case numeric = "num"
    case categorical = "cat"
}

public enum ColumnDriftRule {
    /// Numeric columns with at most this many distinct values are treated as categories.
    public static let maximumCategoriesOfNumbers = 5
    /// Reference sizes above this switch to the large-sample methods.
    public static let largeReference = 1000

    public static func kind(reference: Column, current: Column) throws -> ColumnKind {
        guard case .numeric(let a) = reference, case .numeric(let b) = current else { return .categorical }
        var distinct = Set<Double>()
        for value in a.values where !value.isNaN {
            distinct.insert(value)
            if distinct.count > maximumCategoriesOfNumbers { return .numeric }
        }
        for value in b.values where !value.isNaN {
            distinct.insert(value)
            if distinct.count > maximumCategoriesOfNumbers { return .numeric }
        }
        return .categorical
    }

    /// The method name the rule picks for a column.
    public static func method(reference: Column, current: Column) throws -> String {
        try method(kind: try kind(reference: reference, current: current), referenceRows: reference.count) {
            try CategoryTable(reference: reference, current: current).categories.count
        }
    }

    /// The rule given the column's kind, the reference's row count and (asked only when needed) the number of
    /// categories over both samples.
    static func method(kind: ColumnKind, referenceRows: Int, categoryCount: () throws -> Int) rethrows -> String {
        let large = referenceRows > largeReference
        switch kind {
        case .numeric:
            return (large ? DriftMethodDescriptor.wassersteinNormed : .ksTest).name
        case .categorical:
            if large { return DriftMethodDescriptor.jsDistance.name }
            return (try categoryCount() > 2 ? DriftMethodDescriptor.chi2Test : .zTest).name
        }
    }
}
