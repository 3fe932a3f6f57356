// DataFrame+Reshaping: renaming and dropping columns, distinct rows, and pivots between the long form
// (one row per id and measure) and the wide form (one column per measure), as tidyr's pivot_longer and
// pivot_wider.

extension DataFrame {
    /// The frame with columns renamed (`old` → `new`); every old name must exist, and the new names must
    /// stay unique.
    public func renaming(_ renames: [(old: String, new: String)]) throws -> DataFrame {
        var names = self.names
        for (old, new) in renames { names[try index(of: old)] = new }
        return try DataFrame(zip(names, columns).map { (name: $0, column: $1) })
    }

    /// The frame without the columns `dropped` (each must exist).
    public func dropping(_ dropped: [String]) throws -> DataFrame {
        for name in dropped { _ = try index(of: name) }
        let kept = names.indices.filter { !dropped.contains(names[$0]) }
        return DataFrame(validNames: kept.map { names[$0] }, columns: kept.map { columns[$0] })
    }

    /// The first row of each distinct combination of `keys` (all columns when empty), in row order;
    /// missing values equal each other here, as in pandas' drop_duplicates.
    public func distinctRows(by keys: [String]) throws -> DataFrame {
        guard rowCount > 0 else { return self }
        let grouping = try Grouping(self, by: keys.isEmpty ? names : keys)
        return gathering(grouping.firstRows.sorted())
    }

    /// The long form: for each row, one row per column of `measured` (in that order), holding the other
    /// columns, the measured column's name under `namesTo` and its value under `valuesTo`. The measured
    /// columns must share a type.
    public func pivotedLonger(_ measured: [String], namesTo: String, valuesTo: String) throws -> DataFrame {
        guard !measured.isEmpty else { throw DataError("pivot_longer needs at least one column to gather") }
        let values = try measured.map { try columns[index(of: $0)] }
        if let other = values.first(where: { $0.type != values[0].type }) {
            throw DataError("the gathered columns must share a type: '\(measured[0])' holds \(values[0].typeName), another holds \(other.typeName)")
        }
        let ids = names.indices.filter { !measured.contains(names[$0]) }
        let width = measured.count
        // Every id column is repeated once per measured column: checked before anything is made.
        let bytesPerCell = 20 + values[0].type.bytesPerRow + ids.reduce(0) { $0 + columns[$1].type.bytesPerRow }
        try MemoryLimit.reserve(Double(rowCount) * Double(width) * Double(bytesPerCell),
                                for: "a long form of \(rowCount) × \(width) rows")
        let rowOfCell = (0..<rowCount * width).map { $0 / width }
        // The measured columns one after another; output cell i is row i / width of column i % width.
        let concatenated = try Column.concatenating(values)
        let stacked = concatenated.gathering(rowOfCell.indices.map { ($0 % width) * rowCount + rowOfCell[$0] })
        let labels = Column.text(TextColumn(codes: (0..<rowOfCell.count).map { Int32($0 % width) }, levels: measured))
        return try DataFrame(ids.map { (name: names[$0], column: columns[$0].gathering(rowOfCell)) }
            + [(name: namesTo, column: labels), (name: valuesTo, column: stacked)])
    }

    /// The wide form: one row per distinct combination of the other columns (the ids, in order of first
    /// appearance), one column per distinct value of `namesFrom` (in order of first appearance) holding
    /// `valuesFrom`; missing where a combination has no value. Rows whose name is missing are left out;
    /// two values for one cell are an error.
    public func pivotedWider(namesFrom: String, valuesFrom: String) throws -> DataFrame {
        let labels = columns[try index(of: namesFrom)]
        let values = columns[try index(of: valuesFrom)]
        guard case .text(let labelText) = labels else {
            throw DataError("names_from must be a string column, and '\(namesFrom)' holds \(labels.typeName) values")
        }
        let idColumns = names.indices.filter { names[$0] != namesFrom && names[$0] != valuesFrom }
        let idNames = idColumns.map { names[$0] }
        // Each row's id group, numbered in order of first appearance, and the first row of each group.
        var rowGroup = [Int](repeating: 0, count: rowCount)
        var idRows = rowCount > 0 ? [0] : []
        if !idNames.isEmpty {
            let grouping = try Grouping(self, by: idNames)
            let firsts = grouping.firstRows
            let byAppearance = firsts.indices.sorted { firsts[$0] < firsts[$1] }
            var appearance = [Int](repeating: 0, count: firsts.count)
            for (rank, group) in byAppearance.enumerated() { appearance[group] = rank }
            rowGroup = grouping.groupOfRow.map { appearance[$0] }
            idRows = byAppearance.map { firsts[$0] }
        }
        // The new columns: the names in order of first appearance, and each level's column.
        var columnOfLevel = [Int](repeating: -1, count: labelText.levels.count)
        var wideNames: [String] = []
        for code in labelText.codes where code >= 0 && columnOfLevel[Int(code)] < 0 {
            columnOfLevel[Int(code)] = wideNames.count
            wideNames.append(labelText.levels[Int(code)])
        }
        if let clash = wideNames.first(where: idNames.contains) {
            throw DataError("the new column '\(clash)' would replace the id column of that name; rename one first")
        }
        // One pass over the rows puts each value in its cell: the source row, −1 where there is none.
        // Every id group gets a cell in every new column, so the cells are checked before they are made.
        try MemoryLimit.reserve(Double(wideNames.count) * Double(idRows.count) * Double(8 + values.type.bytesPerRow),
                                for: "a wide form of \(idRows.count) rows × \(wideNames.count) columns")
        var cells = [[Int]](repeating: [Int](repeating: -1, count: idRows.count), count: wideNames.count)
        for (row, code) in labelText.codes.enumerated() where code >= 0 {
            let column = columnOfLevel[Int(code)], group = rowGroup[row]
            guard cells[column][group] < 0 else {
                throw DataError("two '\(valuesFrom)' values for '\(wideNames[column])' in one row of the wide form (rows \(cells[column][group]) and \(row)); aggregate first")
            }
            cells[column][group] = row
        }
        return try DataFrame(idColumns.map { (name: names[$0], column: columns[$0].gathering(idRows)) }
            + zip(wideNames, cells).map { (name: $0, column: values.gathering(orMissing: $1)) })
    }
}
