// DataSource: anything that can produce a data frame (a CSV file now; SQL tables and streamed files later).

public protocol DataSource {
    /// A short human-readable name, such as the file path.
    var name: String { get }
    func load() throws -> DataFrame
}

/// A CSV file on disk, read through `FileAccess`.
public struct CSVFileSource: DataSource, Sendable {
    public let path: String
    public let options: CSVOptions

    public init(path: String, options: CSVOptions = .init()) {
        self.path = path
        self.options = options
    }

    public var name: String { path }

    public func load() throws -> DataFrame {
        try CSVReader.read(path: path, options: options)
    }
}
