// Suggestion: "did you mean …?" for misspelt names, by edit distance.

enum Suggestion {
    /// The closest candidate within a small edit distance, or nil. Ties go to the candidate of the
    /// same length (a swap or a wrong letter is the likelier typo), then to the first in name order,
    /// so the suggestion never depends on hash order.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        var best: (name: String, rank: (Int, Int))?
        for candidate in Set(candidates).sorted() where candidate != name {
            let distance = editDistance(name, candidate)
            guard distance <= limit else { continue }
            let rank = (distance, abs(candidate.count - name.count))
            if let current = best, current.rank <= rank { continue }
            best = (candidate, rank)
        }
        return best?.name
    }

    /// " (did you mean 'x'?)" or an empty string.
    static func hint(for name: String, among candidates: some Sequence<String>) -> String {
        closest(to: name, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
