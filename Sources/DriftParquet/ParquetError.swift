// ParquetError: a Parquet file could not be read. The message says what was wrong; the reader prefixes where
// (the file, then the column and row group), so "'x.parquet': column 'age', row group 2: page header: ...".

public struct ParquetError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    /// The same error with `place` ("column 'age', row group 2") in front.
    func located(_ place: String) -> ParquetError { ParquetError("\(place): \(message)") }
}
