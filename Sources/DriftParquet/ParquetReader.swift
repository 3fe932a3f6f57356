// ParquetReader: `read_parquet`'s core: opens a file through FileAccess (so safe mode applies), decodes its
// footer and schema, and reads the chosen top-level columns of every row group into a data frame. Nested
// columns, and columns of a type Drift does not read, are skipped with a note, or refused when asked for by name.
import DriftCore

/// A Parquet file read into memory, and what was left out of it.
public struct ParquetTable: Sendable {
    public var frame: DataFrame
    /// One sentence per column skipped ("skipped the column 'tags' (a list): ...").
    public var notes: [String]
}

public enum ParquetReader {
    /// Reads the file at `path`, or every Parquet file below a directory or matching a glob as one table (see
    /// `ParquetDataset`): every column Drift can read, or just `columns` (in that order).
    public static func read(path: String, columns: [String]? = nil) throws -> ParquetTable {
        let dataset = try ParquetDataset(path)
        guard dataset.parts.count == 1, dataset.parts[0].path == path else { return try dataset.read(columns: columns) }
        return try readFile(path: path, columns: columns)
    }

    /// Reads the one file at `path`.
    static func readFile(path: String, columns: [String]?) throws -> ParquetTable {
        let contents = try FileAccess.contents(path)
        do {
            return try contents.data.withUnsafeBytes { file in try read(file, columns: columns) }
        } catch let error as ParquetError {
            throw error.located("'\(path)'")
        }
    }

    /// Reads a file's bytes (the fuzz target calls this on arbitrary bytes).
    public static func read(_ file: UnsafeRawBufferPointer, columns wanted: [String]?) throws -> ParquetTable {
        let (metadata, schema) = try layout(of: file)
        let rowCount = Int(metadata.rowCount)
        var notes: [String] = []
        let chosen = try selectedLeaves(schema, wanted, notes: &notes)
        try MemoryLimit.reserve(Double(rowCount) * 8 * Double(chosen.count), for: "reading \(rowCount) rows of \(chosen.count) columns")
        // Columns are independent: each is read on its own core, then taken in the file's order.
        let bytes = SharedBytes(file)
        let results = concurrentMap(chosen.count) { index in
            Result { try readColumn(chosen[index].0, chosen[index].1, metadata, groups: metadata.rowGroups.indices, bytes.file) }
        }
        var columns: [(name: String, column: Column)] = []
        for ((leaf, _), result) in zip(chosen, results) {
            do {
                columns.append((leaf.name, try result.get()))
            } catch let error as ParquetError {
                throw error.located("column '\(leaf.name)'")
            }
        }
        do {
            return ParquetTable(frame: try DataFrame(columns), notes: notes)
        } catch let error as DataError {
            throw ParquetError(error.message)
        }
    }

    /// The file's footer and schema, checked to agree with each other.
    static func layout(of file: UnsafeRawBufferPointer) throws(ParquetError) -> (FileMetaData, ParquetSchema) {
        let metadata = try ParquetFooter.metadata(of: file)
        let schema = try ParquetSchema(metadata.schema)
        var rowCount = 0
        for (index, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == schema.leafCount else {
                throw ParquetError("row group \(index + 1) holds \(group.columns.count) column chunks but the schema has \(schema.leafCount) columns")
            }
            let (sum, overflow) = rowCount.addingReportingOverflow(Int(group.rowCount))
            guard !overflow else { throw ParquetError("the row groups' row counts add up to more than a 64-bit count") }
            rowCount = sum
        }
        guard rowCount == metadata.rowCount else {
            throw ParquetError("the row groups hold \(rowCount) rows but the footer says \(metadata.rowCount)")
        }
        return (metadata, schema)
    }

    /// The leaves to read and their meanings: all readable ones (with a note on each one left out), or those
    /// named.
    static func selectedLeaves(_ schema: ParquetSchema, _ wanted: [String]?, notes: inout [String]) throws(ParquetError) -> [(ParquetSchema.Leaf, ColumnMeaning)] {
        guard let wanted else {
            notes = schema.nested.map { "skipped the column '\($0.name)' (\($0.kind)): Drift reads flat columns only" }
            var chosen: [(ParquetSchema.Leaf, ColumnMeaning)] = []
            for leaf in schema.leaves {
                do {
                    chosen.append((leaf, try ColumnMeaning(leaf.element)))
                } catch {
                    notes.append("skipped the column '\(leaf.name)': \(error.message)")
                }
            }
            return chosen
        }
        var chosen: [(ParquetSchema.Leaf, ColumnMeaning)] = []
        for name in wanted {
            if let nested = schema.nested.first(where: { $0.name == name }) {
                throw ParquetError("column '\(name)' is \(nested.kind); Drift reads flat columns only")
            }
            guard let leaf = schema.leaves.first(where: { $0.name == name }) else {
                let available = schema.leaves.map(\.name) + schema.nested.map(\.name)
                throw ParquetError("there is no column '\(name)'; the columns are \(available.joined(separator: ", "))")
            }
            do {
                chosen.append((leaf, try ColumnMeaning(leaf.element)))
            } catch {
                throw error.located("column '\(name)'")
            }
        }
        return chosen
    }

    /// The leaf's chunks in the row groups `groups`, read one after another into one column.
    static func readColumn(_ leaf: ParquetSchema.Leaf, _ meaning: ColumnMeaning, _ metadata: FileMetaData, groups: Range<Int>,
                           _ file: UnsafeRawBufferPointer) throws -> Column {
        switch meaning {
        case .boolean: try readChunks(BooleanConverter(), leaf, metadata, groups, file)
        case .number(let source): try readChunks(NumberConverter(source: source), leaf, metadata, groups, file)
        case .time(let kind, let source): try readChunks(TimeConverter(kind: kind, source: source), leaf, metadata, groups, file)
        case .text(let source): try readChunks(TextConverter(source: source), leaf, metadata, groups, file)
        }
    }

    private static func readChunks<Converter: ValueConverter>(_ converter: Converter, _ leaf: ParquetSchema.Leaf, _ metadata: FileMetaData,
                                                              _ groups: Range<Int>, _ file: UnsafeRawBufferPointer) throws -> Column {
        let physical = PhysicalType(rawValue: leaf.element.type ?? -1) ?? .byteArray
        let rowCount = metadata.rowGroups[groups].reduce(0) { $0 + Int($1.rowCount) }
        var reader = try ColumnChunkReader(converter, physical: physical, typeLength: Int(leaf.element.typeLength ?? 0),
                                           isOptional: leaf.isOptional, capacity: min(rowCount, file.count))
        for index in groups {
            let group = metadata.rowGroups[index]
            do {
                let chunk = group.columns[leaf.chunkIndex]
                guard chunk.filePath == nil else {
                    throw ParquetError("its data is in another file ('\(chunk.filePath ?? "")'), which Drift does not follow")
                }
                guard let chunkMetadata = chunk.metadata else { throw ParquetError("the column chunk has no metadata (is it encrypted?)") }
                guard chunkMetadata.type == leaf.element.type else {
                    throw ParquetError("the column chunk's type (\(chunkMetadata.type)) differs from the schema's (\(leaf.element.type ?? -1))")
                }
                try reader.read(chunkMetadata, rowCount: Int(group.rowCount), in: file)
            } catch let error as ParquetError {
                throw error.located("row group \(index + 1) of \(metadata.rowGroups.count)")
            }
        }
        return reader.converter.column(reader.output)
    }
}

/// The file's bytes, shared by the threads reading its columns: read-only, and alive for the whole read.
struct SharedBytes: @unchecked Sendable {
    let file: UnsafeRawBufferPointer

    init(_ file: UnsafeRawBufferPointer) { self.file = file }
}
