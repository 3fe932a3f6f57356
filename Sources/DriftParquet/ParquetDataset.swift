// ParquetDataset: the files one `read_parquet` path names — a file, a directory (every Parquet file below it,
// in name order) or a glob in the last path component ("logs/2024-*.parquet") — and the hive-style partition
// values of each (`region=north/` folders become a column). Read one after another into one table; every
// file must have the same columns, of the same kinds. Listing goes through FileAccess, so safe mode applies.
import DriftCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ParquetDataset {
    /// A file and its partition values, outermost folder first.
    struct Part {
        var path: String
        var partitions: [(key: String, value: String)]
    }

    /// The deepest folder nesting followed below a directory.
    static let maximumDepth = 16

    let parts: [Part]

    init(_ path: String) throws {
        if FileAccess.isDirectory(path) {
            var parts: [Part] = []
            try Self.collect(path, partitions: [], depth: 0, into: &parts)
            guard !parts.isEmpty else { throw ParquetError("'\(path)': the directory holds no .parquet files") }
            self.parts = parts
        } else if let slash = path.lastIndex(of: "/").map({ path.index(after: $0) }) ?? Optional(path.startIndex),
                  path[slash...].contains(where: { "*?[".contains($0) }) {
            let directory = slash == path.startIndex ? "." : String(path[..<path.index(before: slash)])
            let pattern = String(path[slash...])
            let names = try FileAccess.contentsOfDirectory(directory).filter { fnmatch(pattern, $0, 0) == 0 }
            guard !names.isEmpty else { throw ParquetError("'\(path)': no file matches") }
            parts = names.map { Part(path: slash == path.startIndex ? $0 : directory + "/" + $0, partitions: []) }
        } else {
            parts = [Part(path: path, partitions: [])]
        }
        for part in parts where part.partitions.map(\.key) != partitionKeys {
            throw ParquetError("'\(part.path)' lies under the partitions \(part.partitions.map(\.key)) but '\(parts[0].path)' under \(partitionKeys)")
        }
    }

    /// The hive partition keys, outermost folder first (every part has the same).
    var partitionKeys: [String] { parts.first?.partitions.map(\.key) ?? [] }

    /// Every .parquet file below `directory`, in name order, with the partitions of the folders on the way.
    private static func collect(_ directory: String, partitions: [(key: String, value: String)], depth: Int, into parts: inout [Part]) throws {
        guard depth <= maximumDepth else { throw ParquetError("'\(directory)' nests folders deeper than \(maximumDepth) levels") }
        for name in try FileAccess.contentsOfDirectory(directory) where !name.hasPrefix(".") && !name.hasPrefix("_") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if FileAccess.isDirectory(path) {
                var inner = partitions
                if let equals = name.firstIndex(of: "="), equals != name.startIndex {
                    inner.append((String(name[..<equals]), String(name[name.index(after: equals)...])))
                }
                try collect(path, partitions: inner, depth: depth + 1, into: &parts)
            } else if name.hasSuffix(".parquet") {
                parts.append(Part(path: path, partitions: partitions))
            }
        }
    }

    /// The parts read and joined: each file's columns, then one column per partition key (numbers when every
    /// value is a number, else strings), rows in file order.
    func read(columns: [String]?) throws -> ParquetTable {
        let fileColumns = columns?.filter { !partitionKeys.contains($0) }
        if let fileColumns, fileColumns.isEmpty, !partitionKeys.isEmpty {
            throw ParquetError("columns: names only partition keys (\(partitionKeys.joined(separator: ", "))); name a column of the files too")
        }
        var frames: [DataFrame] = []
        var notes: [String] = []
        for part in parts {
            let table = try ParquetReader.readFile(path: part.path, columns: fileColumns)
            for note in table.notes where !notes.contains(note) { notes.append(note) }
            if let first = frames.first, first.names != table.frame.names || zip(first.columns, table.frame.columns).contains(where: { $0.type != $1.type }) {
                throw ParquetError("'\(part.path)' has the columns \(Self.describe(table.frame)) but '\(parts[0].path)' has \(Self.describe(first))")
            }
            frames.append(table.frame)
        }
        var named: [(name: String, column: Column)] = []
        for (index, name) in frames[0].names.enumerated() {
            named.append((name, try Column.concatenating(frames.map { $0.columns[index] })))
        }
        for (index, key) in partitionKeys.enumerated() where columns == nil || columns?.contains(key) == true {
            named.append((key, try Column.concatenating(frames.indices.map { partitionColumn(index, part: $0, count: frames[$0].rowCount) })))
        }
        if let columns {
            named = columns.compactMap { name in named.first { $0.name == name } }
        }
        do {
            return ParquetTable(frame: try DataFrame(named), notes: notes)
        } catch let error as DataError {
            throw ParquetError(error.message)
        }
    }

    /// Partition `index`'s value of part `part` repeated `count` times: numbers when every part's value of it
    /// is a number, else strings.
    func partitionColumn(_ index: Int, part: Int, count: Int) -> Column {
        let value = parts[part].partitions[index].value
        if parts.allSatisfy({ Double($0.partitions[index].value) != nil }), let number = Double(value) {
            return .numeric(NumericColumn([Double](repeating: number, count: count)))
        }
        return .text(TextColumn(codes: [Int32](repeating: 0, count: count), levels: [value]))
    }

    static func describe(_ frame: DataFrame) -> String {
        zip(frame.names, frame.columns).map { "\($0) (\($1.typeName))" }.joined(separator: ", ")
    }
}
