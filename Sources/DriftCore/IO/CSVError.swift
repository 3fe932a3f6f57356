// CSVError and CSVOptions: how a CSV file is read, and where and why reading it failed.

/// Settings for reading and writing CSV.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator byte (an ASCII character such as `,`, `;` or tab).
    public var separator: UInt8 = UInt8(ascii: ",")
    /// Columns read as dates or timestamps whatever they look like (a cell that is not one is an error).
    public var timeColumns: [String]
    /// The layout of `timeColumns`' cells; nil for ISO 8601.
    public var timeFormat: TimeFormat?

    public init(separator: UInt8 = UInt8(ascii: ","), timeColumns: [String] = [], timeFormat: TimeFormat? = nil) {
        self.separator = separator
        self.timeColumns = timeColumns
        self.timeFormat = timeFormat
    }

    /// How each of the columns `names` is read; an unknown name in `timeColumns` is an error.
    func columnModes(_ names: [String], source: String) throws -> [CSVColumnMode] {
        var modes = [CSVColumnMode](repeating: .inferred, count: names.count)
        for name in timeColumns {
            guard let index = names.firstIndex(of: name) else {
                throw CSVError(source: source, line: 1, column: 1, message: "there is no column '\(name)' to read as times; the columns are \(names.joined(separator: ", "))")
            }
            modes[index] = .time(timeFormat)
        }
        return modes
    }
}

/// A CSV input could not be parsed. `line` is the 1-based physical line in the file (lines inside quoted
/// fields count); `column` is the 1-based character (Unicode scalar) position within that line.
/// Described as "source:line:column: message".
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    public let source: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(source: String, line: Int, column: Int, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(source):\(line):\(column): \(message)" }
}
