// StratifiedFolds: scikit-learn's StratifiedKFold without shuffling, which NannyML's domain classifier uses: the
// classes (in order of first appearance) are spread over the folds as the sorted labels dealt round-robin would be,
// and within a class the rows go to fold 0 first, then fold 1, in row order.

enum StratifiedFolds {
    /// The test fold of each row, from 0 to `folds` − 1.
    static func assign(_ labels: [Bool], folds: Int) -> [Int] {
        var order: [Bool] = []
        for label in labels where !order.contains(label) { order.append(label) }
        let codes = labels.map { order.firstIndex(of: $0)! }
        let sorted = codes.sorted()
        var allocation = [[Int]](repeating: [Int](repeating: 0, count: order.count), count: folds)
        for (position, code) in sorted.enumerated() { allocation[position % folds][code] += 1 }
        var result = [Int](repeating: 0, count: labels.count)
        for code in order.indices {
            let sequence = (0..<folds).flatMap { fold in [Int](repeating: fold, count: allocation[fold][code]) }
            for (row, fold) in zip(codes.indices.filter { codes[$0] == code }, sequence) { result[row] = fold }
        }
        return result
    }
}
