// CSVError and CSVOptions: how a CSV file is read, and where and why reading it failed.

/// Settings for reading and writing CSV.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator byte (an ASCII character such as `,`, `;` or tab).
    public var separator: UInt8 = UInt8(ascii: ",")

    public init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
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
