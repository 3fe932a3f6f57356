// DataError: the error thrown by data-frame and column operations given inconsistent input.

/// A data operation was asked to do something its inputs do not allow (length mismatch, unknown column, ...).
public struct DataError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

extension DataError {
    /// A model was given a time column as a feature.
    static func timeFeature(_ name: String, _ kind: TimeKind) -> DataError {
        DataError("column '\(name)' is a \(kind.rawValue) column; a model takes numbers, strings or booleans (derive numeric features from it, such as its hour or weekday)")
    }
}
