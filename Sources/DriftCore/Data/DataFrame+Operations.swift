// DataFrame+Operations: selecting, filtering, slicing, adding columns, concatenating and sampling rows.

extension DataFrame {
    /// The named columns, in the order given. An unknown name throws a DataError listing the available ones.
    public func selecting(_ names: [String]) throws -> DataFrame {
        let indices = try names.map { try index(of: $0) }
        return try DataFrame(indices.map { (self.names[$0], columns[$0]) })
    }

    /// The rows where `mask` is true; missing counts as false.
    public func filtered(by mask: BoolColumn) throws -> DataFrame {
        guard mask.count == rowCount else {
            throw DataError("filter mask has \(mask.count) values but the frame has \(rowCount) rows")
        }
        return mapColumns { $0.filtered(by: mask) }
    }

    /// The first `n` rows (all of them if `n` exceeds the row count, none if `n` is negative).
    public func head(_ n: Int) -> DataFrame {
        let end = Swift.max(0, Swift.min(n, rowCount))
        return mapColumns { $0.slice(0..<end) }
    }

    /// The rows in `range`, clamped to the frame.
    public func rows(_ range: Range<Int>) -> DataFrame {
        let lower = Swift.min(Swift.max(0, range.lowerBound), rowCount)
        let upper = Swift.min(Swift.max(lower, range.upperBound), rowCount)
        return mapColumns { $0.slice(lower..<upper) }
    }

    /// The rows at `indices` (valid positions), in that order.
    public func gathering(_ indices: [Int]) -> DataFrame {
        mapColumns { $0.gathering(indices) }
    }

    /// The last `n` rows (all of them if `n` exceeds the row count, none if `n` is negative).
    public func tail(_ n: Int) -> DataFrame {
        let start = rowCount - Swift.max(0, Swift.min(n, rowCount))
        return mapColumns { $0.slice(start..<rowCount) }
    }

    /// Replaces the column called `name`, or appends it if there is none. Its length must match the frame's
    /// (any length is accepted for a frame with no columns).
    public func withColumn(_ name: String, _ column: Column) throws -> DataFrame {
        if name.isEmpty { throw DataError("column name must not be empty") }
        if !columns.isEmpty && column.count != rowCount {
            throw DataError("column '\(name)' has \(column.count) values but the frame has \(rowCount) rows")
        }
        var result = self
        if let index = names.firstIndex(of: name) {
            result.columns[index] = column
        } else {
            result.names.append(name)
            result.columns.append(column)
        }
        return result
    }

    /// The rows of `b` after the rows of `a`; both need the same column names in the same order, of the same kinds.
    public static func concatenating(_ a: DataFrame, _ b: DataFrame) throws -> DataFrame {
        try concatenating([a, b])
    }

    /// The rows of every frame, one after another, each column copied once (so stacking many frames is
    /// linear); they need the same column names in the same order, of the same kinds.
    public static func concatenating(_ frames: [DataFrame]) throws -> DataFrame {
        guard let first = frames.first else { throw DataError("there is nothing to concatenate") }
        if let other = frames.first(where: { $0.names != first.names }) {
            throw DataError(
                "cannot concatenate frames with different columns: [\(first.names.joined(separator: ", "))] and [\(other.names.joined(separator: ", "))]")
        }
        var columns: [Column] = []
        for (position, name) in first.names.enumerated() {
            do {
                columns.append(try Column.concatenating(frames.map { $0.columns[position] }))
            } catch let error as DataError {
                throw DataError("column '\(name)': \(error.message)")
            }
        }
        return DataFrame(validNames: first.names, columns: columns)
    }

    /// `n` distinct rows drawn at random without replacement, in the order drawn. The same seed gives the same rows.
    public func sample(_ n: Int, seed: UInt64) throws -> DataFrame {
        guard n >= 0, n <= rowCount else {
            throw DataError("cannot sample \(n) rows from a frame of \(rowCount) rows without replacement")
        }
        // A partial Fisher-Yates shuffle: the first n slots end up holding a uniform sample.
        var generator = SeededGenerator(seed: seed)
        var indices = Array(0..<rowCount)
        for i in 0..<n {
            if i & 0xFFFF == 0 { try Cancellation.check() }
            let j = i + Int(generator.next(upperBound: UInt64(rowCount - i)))
            indices.swapAt(i, j)
        }
        let drawn = Array(indices[0..<n])
        return mapColumns { $0.gathering(drawn) }
    }
}
