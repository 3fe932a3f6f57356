// CSVColumnNames: turns a CSV header row into unique, non-empty column names, the way messy files need.

/// Header names as written, made usable: an empty name becomes `column_N` (N its 1-based position), and a name
/// seen before gets the suffix `_2`, `_3`, ... (its occurrence number), so `a,b,a` reads as `a`, `b`, `a_2` and
/// both are reachable as `df.a` and `df.a_2`. A generated name never takes a name written in the header: if
/// it is taken, the next free number is used (`a,a,a_2` reads as `a`, `a_3`, `a_2`).
enum CSVColumnNames {
    static func unique(_ written: [String]) -> [String] {
        var taken = Set(written)
        if taken.count == written.count && !taken.contains("") { return written }
        var occurrences: [String: Int] = [:]
        var result: [String] = []
        result.reserveCapacity(written.count)
        for (position, name) in written.enumerated() {
            let base: String, number: Int
            if name.isEmpty {
                base = "column_\(position + 1)"
                if taken.insert(base).inserted {
                    result.append(base)
                    continue
                }
                number = 2
            } else {
                number = occurrences[name, default: 0] + 1
                occurrences[name] = number
                if number == 1 {
                    result.append(name)
                    continue
                }
                base = name
            }
            var suffix = number
            while taken.contains("\(base)_\(suffix)") { suffix += 1 }
            taken.insert("\(base)_\(suffix)")
            result.append("\(base)_\(suffix)")
        }
        return result
    }
}
