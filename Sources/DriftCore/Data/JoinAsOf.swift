// JoinAsOf: each left row matched with the right row whose ordered key is the nearest at or before it (or
// after it, or either way), within groups of equal `by` keys — pandas' merge_asof, for joining predictions to
// the latest label or feature value. Unlike merge_asof, neither side needs to be sorted.

/// Which right rows an as-of join may match.
public enum AsOfDirection: String, Sendable, CaseIterable {
    /// The last right row whose key is at or before the left key.
    case backward
    /// The first right row whose key is at or after the left key.
    case forward
    /// Whichever of the two is closer (the earlier one on a tie).
    case nearest
}

extension DataFrame {
    /// Every left row, in order, with the columns of its as-of match in `right` (missing where none): the
    /// `on` columns (numbers, or times of the same kind) are compared, `by` columns must be equal. A match
    /// further than `tolerance` (in the key's units: a number, or microseconds for times) counts as none.
    /// The result has the left columns, then the right ones but its `on` and `by` keys; a right column named
    /// like a left one gets `suffix`.
    public func joinedAsOf(
        _ right: DataFrame, on: String, by: [String], direction: AsOfDirection, tolerance: Double? = nil, suffix: String = "_right"
    ) throws -> DataFrame {
        let leftKey = columns[try index(of: on)], rightKey = right.columns[try right.index(of: on)]
        guard leftKey.type == rightKey.type, leftKey.type == .numeric || leftKey.type.timeKind != nil else {
            throw DataError("the as-of key '\(on)' must hold numbers or times of one kind on both sides, got \(leftKey.typeName) and \(rightKey.typeName)")
        }
        let groups: (left: [Int], right: [Int])
        if by.isEmpty {
            groups = (Array(repeating: 0, count: rowCount), Array(repeating: 0, count: right.rowCount))
        } else {
            let keys = try JoinKeys(left: self, right: right, leftKeys: by, rightKeys: by)
            groups = keys.perRow
        }
        let matches: [Int]
        switch (leftKey, rightKey) {
        case (.numeric(let a), .numeric(let b)):
            matches = try Self.asOfMatches(a.values, b.values, groups, direction, tolerance, isMissing: \.isNaN) { $0 - $1 }
        case (.time(let a), .time(let b)):
            matches = try Self.asOfMatches(a.values, b.values, groups, direction, tolerance, isMissing: { $0 == TimeValue.missing }) { Double($0) - Double($1) }
        default:
            throw DataError("the as-of key '\(on)' must hold numbers or times")
        }
        var names = self.names, columns = self.columns
        for (name, column) in zip(right.names, right.columns) where name != on && !by.contains(name) {
            var outputName = names.contains(name) ? name + suffix : name
            while names.contains(outputName) { outputName += suffix }
            names.append(outputName)
            columns.append(column.gathering(orMissing: matches))
        }
        return DataFrame(validNames: names, columns: columns)
    }

    /// For each left row, the matching right row or −1.
    private static func asOfMatches<Key: Comparable>(
        _ left: [Key], _ right: [Key], _ groups: (left: [Int], right: [Int]), _ direction: AsOfDirection,
        _ tolerance: Double?, isMissing: (Key) -> Bool, distance: (Key, Key) -> Double
    ) throws -> [Int] {
        // The right rows of each group, ordered by key (equal keys keep row order, so the last is the latest row).
        var byGroup: [Int: [Int]] = [:]
        for row in right.indices where !isMissing(right[row]) {
            let group = groups.right[row]
            if group >= 0 { byGroup[group, default: []].append(row) }
        }
        for group in byGroup.keys { byGroup[group]?.sort { right[$0] < right[$1] || (right[$0] == right[$1] && $0 < $1) } }
        var matches = [Int](repeating: -1, count: left.count)
        for row in left.indices {
            if row & 0xFFFF == 0xFFFF { try Cancellation.check() }
            let group = groups.left[row]
            guard !isMissing(left[row]), group >= 0, let candidates = byGroup[group] else { continue }
            let key = left[row]
            // The first candidate whose key is above `key`, and the first at or above it.
            let above = candidates.partitioningIndex { right[$0] > key }
            let atOrAbove = candidates.partitioningIndex { right[$0] >= key }
            let before = above > 0 ? candidates[above - 1] : nil
            let after = atOrAbove < candidates.count ? candidates[atOrAbove] : nil
            var match: Int?
            switch direction {
            case .backward: match = before
            case .forward: match = after
            case .nearest:
                switch (before, after) {
                case (let b?, let a?): match = distance(key, right[b]) <= distance(right[a], key) ? b : a
                default: match = before ?? after
                }
            }
            if let found = match, let tolerance, abs(distance(key, right[found])) > tolerance { match = nil }
            matches[row] = match ?? -1
        }
        return matches
    }
}

extension Array {
    /// The index of the first element for which `isAbove` holds, in an array where it holds for a suffix.
    func partitioningIndex(where isAbove: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isAbove(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
